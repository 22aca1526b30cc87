using Blog.Features.Logout;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.Logout;

public sealed class LogoutTests : IAsyncLifetime
{
    private readonly FeatureHost _host = new();

    public ValueTask InitializeAsync() => _host.InitializeAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task An_anonymous_caller_can_log_out()
    {
        var result = await _host.SendAsync(new LogoutRequest());

        result.IsSuccess.Should().BeTrue();
    }

    [Fact]
    public async Task A_signed_in_caller_can_log_out()
    {
        _host.User.SignIn(1, "alice", "author");

        var result = await _host.SendAsync(new LogoutRequest());

        result.IsSuccess.Should().BeTrue();
    }

    [Fact]
    public async Task A_signed_in_caller_without_roles_can_log_out()
    {
        _host.User.SignIn(2, "reader");

        var result = await _host.SendAsync(new LogoutRequest());

        result.IsSuccess.Should().BeTrue();
    }
}
