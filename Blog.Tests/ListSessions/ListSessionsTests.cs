using Blog.Features.Common.Pipeline;
using Blog.Features.ListSessions;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.ListSessions;

public sealed class ListSessionsTests : IAsyncLifetime
{
    private const string Firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

    private readonly FeatureHost _host = new();
    private long _alice;
    private DateTime _now;

    public async ValueTask InitializeAsync()
    {
        await _host.InitializeAsync();
        _alice = await _host.Database.InsertUserAsync("alice");
        _host.User.SignIn(_alice, "alice", "author");
        _now = _host.Clock.GetUtcNow().UtcDateTime;
        _now = _now.AddTicks(-(_now.Ticks % TimeSpan.TicksPerSecond));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Lists_the_users_sessions_most_recently_active_first_with_the_current_one_marked()
    {
        var bob = await _host.Database.InsertUserAsync("bob");
        await _host.Database.InsertSessionAsync(_alice, "older", _now.AddHours(-1), Firefox, "203.0.113.x");
        await _host.Database.InsertSessionAsync(_alice, "this", _now.AddMinutes(-5));
        await _host.Database.InsertSessionAsync(_alice, "newest", _now, "curl/8.5.0", "2001:db8:85a3::/48");
        await _host.Database.InsertSessionAsync(bob, "bobs", _now);
        await _host.Database.ExecuteAsync("UPDATE sessions SET expires_at = @Past WHERE public_id = 'newest'", new { Past = _now.AddSeconds(-1) });
        await _host.Database.InsertSessionAsync(_alice, "expired-not-listed", _now.AddMinutes(1));
        await _host.Database.ExecuteAsync("UPDATE sessions SET absolute_expires_at = @Past WHERE public_id = 'expired-not-listed'", new { Past = _now.AddSeconds(-1) });
        await _host.Database.InsertSessionAsync(_alice, "newest-live", _now, "curl/8.5.0", "2001:db8:85a3::/48");
        _host.User.SessionId = "this";

        var result = await _host.SendAsync(new ListSessionsRequest());

        result.Value.Should().Equal(
            new SessionResponse("newest-live", _now.AddHours(-1), _now, "curl", "curl/8.5.0", "2001:db8:85a3::/48", Current: false),
            new SessionResponse("this", _now.AddMinutes(-65), _now.AddMinutes(-5), "Unknown device", null, null, Current: true),
            new SessionResponse("older", _now.AddHours(-2), _now.AddHours(-1), "Firefox on Windows", Firefox, "203.0.113.x", Current: false));
    }

    [Fact]
    public async Task An_anonymous_caller_is_401()
    {
        _host.User.SignOut();

        var result = await _host.SendAsync(new ListSessionsRequest());

        result.Error!.Kind.Should().Be(ErrorKind.Unauthorized);
    }
}
