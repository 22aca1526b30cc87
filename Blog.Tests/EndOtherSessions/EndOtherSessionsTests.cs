using Blog.Features.Common.Pipeline;
using Blog.Features.EndOtherSessions;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.EndOtherSessions;

public sealed class EndOtherSessionsTests : IAsyncLifetime
{
    private readonly FeatureHost _host = new();
    private long _alice;
    private long _bob;

    public async ValueTask InitializeAsync()
    {
        await _host.InitializeAsync();
        _alice = await _host.Database.InsertUserAsync("alice");
        _bob = await _host.Database.InsertUserAsync("bob");
        var now = _host.Clock.GetUtcNow().UtcDateTime;
        await _host.Database.InsertSessionAsync(_alice, "this", now);
        await _host.Database.InsertSessionAsync(_alice, "laptop", now);
        await _host.Database.InsertSessionAsync(_alice, "phone", now);
        await _host.Database.InsertSessionAsync(_bob, "bobs", now);
        _host.User.SignIn(_alice, "alice", "author");
        _host.User.SessionId = "this";
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Every_other_session_of_the_user_ends_and_no_one_elses()
    {
        var result = await _host.SendAsync(new EndOtherSessionsRequest());

        result.IsSuccess.Should().BeTrue();
        (await _host.Database.SessionIdsAsync(_alice)).Should().Equal("this");
        (await _host.Database.SessionIdsAsync(_bob)).Should().Equal("bobs");
    }

    [Fact]
    public async Task An_anonymous_caller_is_401()
    {
        _host.User.SignOut();

        (await _host.SendAsync(new EndOtherSessionsRequest())).Error!.Kind.Should().Be(ErrorKind.Unauthorized);
        (await _host.Database.SessionIdsAsync(_alice)).Should().HaveCount(3);
    }
}
