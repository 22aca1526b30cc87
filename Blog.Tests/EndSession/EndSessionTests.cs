using Blog.Features.Common.Pipeline;
using Blog.Features.EndSession;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.EndSession;

public sealed class EndSessionTests : IAsyncLifetime
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
        await _host.Database.InsertSessionAsync(_alice, "phone", now);
        await _host.Database.InsertSessionAsync(_bob, "bobs", now);
        _host.User.SignIn(_alice, "alice", "author");
        _host.User.SessionId = "this";
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Ending_another_session_deletes_it_and_says_it_was_not_this_one()
    {
        var result = await _host.SendAsync(new EndSessionRequest("phone"));

        result.Value.Should().Be(new EndedSession(WasCurrent: false));
        (await _host.Database.SessionIdsAsync(_alice)).Should().Equal("this");
    }

    [Fact]
    public async Task Ending_this_session_says_so()
    {
        var result = await _host.SendAsync(new EndSessionRequest("this"));

        result.Value.Should().Be(new EndedSession(WasCurrent: true));
        (await _host.Database.SessionIdsAsync(_alice)).Should().Equal("phone");
    }

    [Theory]
    [InlineData("bobs")]
    [InlineData("no-such-session")]
    [InlineData("key-phone")]
    public async Task Another_users_session_an_unknown_id_or_a_key_is_the_same_404(string id)
    {
        var result = await _host.SendAsync(new EndSessionRequest(id));

        result.Error.Should().Be(new Error(ErrorKind.NotFound, "No such session."));
        (await _host.Database.SessionIdsAsync(_bob)).Should().Equal("bobs");
        (await _host.Database.SessionIdsAsync(_alice)).Should().HaveCount(2);
    }

    [Fact]
    public async Task An_anonymous_caller_is_401()
    {
        _host.User.SignOut();

        (await _host.SendAsync(new EndSessionRequest("phone"))).Error!.Kind.Should().Be(ErrorKind.Unauthorized);
    }
}
