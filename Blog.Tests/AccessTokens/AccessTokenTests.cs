using Blog.Features.AccessTokens.CreateAccessToken;
using Blog.Features.AccessTokens.ListAccessTokens;
using Blog.Features.AccessTokens.RevokeAccessToken;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Blog.Features.GetArticle;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.AccessTokens;

/// <summary>Creating, listing and revoking access tokens through the mediator, on a real database.</summary>
public sealed class AccessTokenTests : IAsyncLifetime
{
    private readonly FeatureHost _host = new();
    private long _aliceId;
    private long _bobId;

    public async ValueTask InitializeAsync()
    {
        await _host.InitializeAsync();
        _aliceId = await InsertUserAsync("alice");
        _bobId = await InsertUserAsync("bob");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Creating_stores_the_hash_of_a_fresh_secret_and_answers_the_secret_once()
    {
        _host.User.SignIn(_aliceId, "alice", Roles.Author);

        var result = await _host.SendAsync(new CreateAccessTokenRequest(" ci ", 7, [Scopes.ArticlesWrite, Scopes.ArticlesRead]));

        var token = result.Value;
        token.Name.Should().Be("ci");
        token.Scopes.Should().Equal(Scopes.ArticlesRead, Scopes.ArticlesWrite);
        token.CreatedAt.Should().Be(new DateTime(2026, 11, 26, 22, 44, 10, DateTimeKind.Utc));
        token.ExpiresAt.Should().Be(token.CreatedAt.AddDays(7));
        token.LastUsedAt.Should().BeNull();
        token.Token.Should().StartWith(AccessTokenSecret.Prefix).And.HaveLength(AccessTokenSecret.Length);
        AccessTokenSecret.IsWellFormed(token.Token!).Should().BeTrue();
        (await _host.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM access_tokens WHERE secret_hash = @Hash AND user_id = @UserId AND scopes = 'articles:read articles:write'",
            new { Hash = AccessTokenSecret.Hash(token.Token!), UserId = _aliceId })).Should().Be(1);
    }

    [Fact]
    public async Task Two_tokens_never_share_a_secret()
    {
        _host.User.SignIn(_aliceId, "alice");

        var first = await _host.SendAsync(new CreateAccessTokenRequest("one", 1, [Scopes.ArticlesRead]));
        var second = await _host.SendAsync(new CreateAccessTokenRequest("two", 1, [Scopes.ArticlesRead]));

        first.Value.Token.Should().NotBe(second.Value.Token);
    }

    [Fact]
    public async Task A_taken_name_is_a_conflict_on_name_for_the_same_user_only()
    {
        _host.User.SignIn(_aliceId, "alice");
        (await _host.SendAsync(new CreateAccessTokenRequest("ci", 1, [Scopes.ArticlesRead]))).IsSuccess.Should().BeTrue();

        var again = await _host.SendAsync(new CreateAccessTokenRequest(" ci", 30, [Scopes.ArticlesWrite]));

        again.Error!.Kind.Should().Be(ErrorKind.Conflict);
        again.Error.Errors!["name"].Should().Equal("You already have an access token with this name.");
        _host.User.SignIn(_bobId, "bob");
        (await _host.SendAsync(new CreateAccessTokenRequest("ci", 1, [Scopes.ArticlesRead]))).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public async Task The_twenty_first_live_token_is_a_conflict()
    {
        _host.User.SignIn(_aliceId, "alice");
        for (var i = 0; i < CreateAccessTokenRequest.MaxLiveTokens; i++)
        {
            (await _host.SendAsync(new CreateAccessTokenRequest($"token {i}", 1, [Scopes.ArticlesRead]))).IsSuccess.Should().BeTrue();
        }

        var refused = await _host.SendAsync(new CreateAccessTokenRequest("one more", 1, [Scopes.ArticlesRead]));
        refused.Error.Should().Be(new Error(ErrorKind.Conflict, "You have 20 live access tokens, the most there can be. Revoke one first."));

        _host.Clock.Advance(TimeSpan.FromDays(1));
        (await _host.SendAsync(new CreateAccessTokenRequest("one more", 1, [Scopes.ArticlesRead]))).IsSuccess.Should().BeTrue("expired tokens are not live");
    }

    [Fact]
    public async Task Concurrent_creations_never_pass_the_limit()
    {
        _host.User.SignIn(_aliceId, "alice");

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => _host.SendAsync(new CreateAccessTokenRequest($"token {i}", 1, [Scopes.ArticlesRead]))));

        results.Count(result => result.IsSuccess).Should().Be(CreateAccessTokenRequest.MaxLiveTokens);
        (await _host.Database.ScalarAsync<long>("SELECT COUNT(*) FROM access_tokens")).Should().Be(CreateAccessTokenRequest.MaxLiveTokens);
    }

    [Fact]
    public async Task The_list_holds_only_the_users_own_tokens_newest_first_without_secrets()
    {
        _host.User.SignIn(_bobId, "bob");
        await _host.SendAsync(new CreateAccessTokenRequest("bob's", 1, [Scopes.ArticlesRead]));
        _host.User.SignIn(_aliceId, "alice");
        await _host.SendAsync(new CreateAccessTokenRequest("older", 1, [Scopes.ArticlesRead]));
        await _host.SendAsync(new CreateAccessTokenRequest("newer", 365, [Scopes.ArticlesRead, Scopes.ArticlesWrite]));

        var list = (await _host.SendAsync(new ListAccessTokensRequest())).Value;

        list.Select(token => token.Name).Should().Equal("newer", "older");
        list.Should().OnlyContain(token => token.Token == null);
        list[0].Scopes.Should().Equal(Scopes.ArticlesRead, Scopes.ArticlesWrite);
    }

    [Fact]
    public async Task Revoking_deletes_the_users_own_token_and_another_users_is_not_found()
    {
        _host.User.SignIn(_aliceId, "alice");
        var id = (await _host.SendAsync(new CreateAccessTokenRequest("ci", 1, [Scopes.ArticlesRead]))).Value.Id;

        _host.User.SignIn(_bobId, "bob");
        (await _host.SendAsync(new RevokeAccessTokenRequest(id))).Error.Should().Be(new Error(ErrorKind.NotFound, "No such access token."));

        _host.User.SignIn(_aliceId, "alice");
        (await _host.SendAsync(new RevokeAccessTokenRequest(id))).IsSuccess.Should().BeTrue();
        (await _host.SendAsync(new RevokeAccessTokenRequest(id))).Error!.Kind.Should().Be(ErrorKind.NotFound);
        (await _host.Database.ScalarAsync<long>("SELECT COUNT(*) FROM access_tokens")).Should().Be(0);
    }

    [Fact]
    public async Task Anonymous_callers_are_unauthorized_before_validation()
    {
        (await _host.SendAsync(new CreateAccessTokenRequest("", 0, []))).Error!.Kind.Should().Be(ErrorKind.Unauthorized);
        (await _host.SendAsync(new ListAccessTokensRequest())).Error!.Kind.Should().Be(ErrorKind.Unauthorized);
        (await _host.SendAsync(new RevokeAccessTokenRequest(1))).Error!.Kind.Should().Be(ErrorKind.Unauthorized);
    }

    [Fact]
    public async Task A_token_may_not_manage_tokens_whatever_its_scopes()
    {
        _host.User.SignInWithToken(_aliceId, "alice", [Roles.Author], Scopes.ArticlesRead, Scopes.ArticlesWrite);

        var refusal = Error.InsufficientScope(null);
        (await _host.SendAsync(new CreateAccessTokenRequest("ci", 1, [Scopes.ArticlesRead]))).Error.Should().Be(refusal);
        (await _host.SendAsync(new ListAccessTokensRequest())).Error.Should().Be(refusal);
        (await _host.SendAsync(new RevokeAccessTokenRequest(1))).Error.Should().Be(refusal);
        (await _host.Database.ScalarAsync<long>("SELECT COUNT(*) FROM access_tokens")).Should().Be(0);
    }

    [Fact]
    public async Task A_token_reads_articles_with_articles_read_only()
    {
        _host.User.SignInWithToken(_aliceId, "alice", [Roles.Author], Scopes.ArticlesWrite);

        (await _host.SendAsync(new GetArticleRequest(1))).Error.Should().Be(Error.InsufficientScope(Scopes.ArticlesRead));

        _host.User.SignInWithToken(_aliceId, "alice", [Roles.Author], Scopes.ArticlesRead);
        (await _host.SendAsync(new GetArticleRequest(1))).Error!.Kind.Should().Be(ErrorKind.NotFound, "the scope lets the request through to its handler");
    }

    private Task<long> InsertUserAsync(string name) =>
        _host.Database.ScalarAsync<long>(
            """
            INSERT INTO users (username, username_normalized, email, email_normalized, password_hash, active, created_at)
            VALUES (@Name, UPPER(@Name), @Name || '@example.com', UPPER(@Name || '@example.com'), 'not-a-real-hash', TRUE, '2026-01-01T00:00:00.0000000Z')
            RETURNING id
            """,
            new { Name = name });
}
