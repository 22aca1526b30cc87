using Blog.Features.Common.Pipeline;
using Blog.Features.Login;
using Blog.Features.Register;
using Blog.Features.SetAccountActive;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.SetAccountActive;

public sealed class SetAccountActiveTests : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";

    private readonly FeatureHost _host = new();
    private long _alice;

    public async ValueTask InitializeAsync()
    {
        await _host.InitializeAsync();
        _alice = (await _host.SendAsync(new RegisterRequest("alice", "alice@example.com", Password))).Value.Id;
        await _host.Database.ExecuteAsync(
            """
            INSERT INTO sessions (id, public_id, user_id, ticket, expires_at, absolute_expires_at, created_at, last_seen_at)
            VALUES ('one', 'p1', @_alice, @ticket, '2099-01-01', '2099-01-01', '2026-01-01', '2026-01-01'),
                   ('two', 'p2', @_alice, @ticket, '2099-01-01', '2099-01-01', '2026-01-01', '2026-01-01')
            """,
            new { _alice, ticket = new byte[] { 0 } });
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Deactivation_ends_every_session_of_the_user_and_reactivation_revives_none()
    {
        (await _host.SendAsync(new SetAccountActiveRequest("ALICE", Active: false))).IsSuccess.Should().BeTrue();

        (await _host.Database.ScalarAsync<bool>("SELECT active FROM users WHERE id = @_alice", new { _alice })).Should().BeFalse();
        (await _host.Database.ScalarAsync<long>("SELECT COUNT(*) FROM sessions")).Should().Be(0);
        (await _host.SendAsync(new LoginRequest("alice", Password))).Error!.Kind.Should().Be(ErrorKind.Forbidden);

        (await _host.SendAsync(new SetAccountActiveRequest("alice", Active: true))).IsSuccess.Should().BeTrue();

        (await _host.Database.ScalarAsync<long>("SELECT COUNT(*) FROM sessions")).Should().Be(0);
        (await _host.SendAsync(new LoginRequest("alice", Password))).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public async Task An_unknown_username_is_not_found_and_changes_nothing()
    {
        var result = await _host.SendAsync(new SetAccountActiveRequest("bob", Active: false));

        result.Error!.Kind.Should().Be(ErrorKind.NotFound);
        (await _host.Database.ScalarAsync<long>("SELECT COUNT(*) FROM sessions")).Should().Be(2);
    }

    [Fact]
    public async Task An_empty_username_is_a_validation_error()
    {
        var result = await _host.SendAsync(new SetAccountActiveRequest("", Active: false));

        result.Error!.Kind.Should().Be(ErrorKind.Validation);
    }
}
