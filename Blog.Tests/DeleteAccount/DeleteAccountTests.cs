using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Blog.Features.CreateArticle;
using Blog.Features.DeleteAccount;
using Blog.Features.Login;
using Blog.Features.Register;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.DeleteAccount;

public sealed class DeleteAccountTests : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";

    private readonly FeatureHost _host = new();
    private UserResponse _alice = null!;
    private UserResponse _bob = null!;

    public async ValueTask InitializeAsync()
    {
        await _host.InitializeAsync();
        _bob = (await _host.SendAsync(new RegisterRequest("bob", "bob@example.com", Password))).Value;
        _host.User.SignInAs(_bob);
        await _host.SendAsync(new CreateArticleRequest("Bob's", "Stays where it is."));
        _alice = (await _host.SendAsync(new RegisterRequest("alice", "Alice@Example.com", Password))).Value;
        _host.User.SignInAs(_alice);
        _host.User.SessionId = "this";
        await _host.SendAsync(new CreateArticleRequest("One", "The first article."));
        await _host.SendAsync(new CreateArticleRequest("Two", "The second article."));
        var now = _host.Clock.GetUtcNow().UtcDateTime;
        await _host.Database.InsertSessionAsync(_alice.Id, "this", now);
        await _host.Database.InsertSessionAsync(_alice.Id, "phone", now);
        await _host.Database.InsertSessionAsync(_bob.Id, "bobs", now);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Deletes_the_user_their_articles_sessions_and_sign_in_counts_and_nobody_elses()
    {
        await _host.Database.ExecuteAsync(
            "INSERT INTO login_failures (identifier, attempts, expires_at) VALUES ('ALICE', 1, @Far), ('ALICE@EXAMPLE.COM', 1, @Far), ('BOB', 1, @Far)",
            new { Far = new DateTime(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc) });

        var result = await _host.SendAsync(new DeleteAccountRequest(Password));

        result.IsSuccess.Should().BeTrue();
        (await _host.Database.ScalarAsync<long>("SELECT COUNT(*) FROM users WHERE id = @Id", new { _alice.Id })).Should().Be(0);
        (await _host.Database.QueryAsync<long>("SELECT author_id FROM articles")).Should().Equal(_bob.Id);
        (await _host.Database.QueryAsync<string>("SELECT public_id FROM sessions")).Should().Equal("bobs");
        (await _host.Database.QueryAsync<string>("SELECT identifier FROM login_failures")).Should().Equal("BOB");
        (await _host.Database.ScalarAsync<long>("SELECT COUNT(*) FROM user_roles WHERE user_id = @Id", new { _alice.Id })).Should().Be(0);
    }

    [Fact]
    public async Task The_username_and_email_can_be_registered_again_and_the_old_credentials_fail()
    {
        await _host.SendAsync(new DeleteAccountRequest(Password));

        (await _host.SendAsync(new LoginRequest("alice", Password))).Error!.Kind.Should().Be(ErrorKind.Unauthorized);
        (await _host.SendAsync(new RegisterRequest("Alice", "alice@example.com", "another good passphrase"))).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public async Task A_wrong_password_is_400_deletes_nothing_and_counts_toward_the_lockout()
    {
        for (var i = 0; i < SignInAttempts.MaxFailures; i++)
        {
            var wrong = await _host.SendAsync(new DeleteAccountRequest("not my password"));
            wrong.Error!.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]> { ["password"] = ["The password is wrong."] });
        }

        var locked = await _host.SendAsync(new DeleteAccountRequest(Password));

        locked.Error!.Kind.Should().Be(ErrorKind.LockedOut);
        (await _host.Database.ScalarAsync<long>("SELECT COUNT(*) FROM users WHERE id = @Id", new { _alice.Id })).Should().Be(1);
        (await _host.Database.SessionIdsAsync(_alice.Id)).Should().HaveCount(2);
    }

    [Fact]
    public async Task An_empty_password_is_a_validation_error()
    {
        var result = await _host.SendAsync(new DeleteAccountRequest(""));

        result.Error!.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]> { ["password"] = ["Enter your password."] });
    }

    [Fact]
    public async Task An_anonymous_caller_is_401()
    {
        _host.User.SignOut();

        (await _host.SendAsync(new DeleteAccountRequest(Password))).Error!.Kind.Should().Be(ErrorKind.Unauthorized);
    }
}
