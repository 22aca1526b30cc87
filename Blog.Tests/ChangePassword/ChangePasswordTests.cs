using Blog.Features.ChangePassword;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Blog.Features.Login;
using Blog.Features.Register;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.ChangePassword;

public sealed class ChangePasswordTests : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private const string NewPassword = "a brand new passphrase 42";

    private readonly FeatureHost _host = new();
    private UserResponse _alice = null!;

    public async ValueTask InitializeAsync()
    {
        await _host.InitializeAsync();
        _alice = (await _host.SendAsync(new RegisterRequest("alice", "Alice@Example.com", Password))).Value;
        _host.User.SignInAs(_alice);
        _host.User.SessionId = "this";
        var now = _host.Clock.GetUtcNow().UtcDateTime;
        await _host.Database.InsertSessionAsync(_alice.Id, "this", now);
        await _host.Database.InsertSessionAsync(_alice.Id, "laptop", now);
        await _host.Database.InsertSessionAsync(_alice.Id, "phone", now);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task The_new_password_signs_in_the_old_does_not_and_only_this_session_is_left()
    {
        var bob = await _host.SendAsync(new RegisterRequest("bob", "bob@example.com", Password));
        await _host.Database.InsertSessionAsync(bob.Value.Id, "bobs", _host.Clock.GetUtcNow().UtcDateTime);

        var result = await _host.SendAsync(new ChangePasswordRequest(Password, NewPassword));

        result.IsSuccess.Should().BeTrue();
        (await _host.Database.SessionIdsAsync(_alice.Id)).Should().Equal("this");
        (await _host.Database.SessionIdsAsync(bob.Value.Id)).Should().Equal("bobs");
        (await _host.SendAsync(new LoginRequest("alice", NewPassword))).IsSuccess.Should().BeTrue();
        (await _host.SendAsync(new LoginRequest("alice", Password))).Error!.Kind.Should().Be(ErrorKind.Unauthorized);
    }

    [Fact]
    public async Task A_wrong_current_password_is_400_changes_nothing_and_counts_under_username_and_email()
    {
        var result = await _host.SendAsync(new ChangePasswordRequest("not my password", NewPassword));

        result.Error!.Kind.Should().Be(ErrorKind.Validation);
        result.Error.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]> { ["currentPassword"] = ["The current password is wrong."] });
        (await _host.Database.SessionIdsAsync(_alice.Id)).Should().HaveCount(3);
        (await _host.Database.QueryAsync<string>("SELECT identifier FROM login_failures ORDER BY identifier"))
            .Should().Equal("ALICE", "ALICE@EXAMPLE.COM");
        (await _host.SendAsync(new LoginRequest("alice", Password))).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public async Task Five_wrong_current_passwords_lock_the_account_for_sign_in_and_for_the_change()
    {
        for (var i = 0; i < SignInAttempts.MaxFailures; i++)
        {
            (await _host.SendAsync(new ChangePasswordRequest("not my password", NewPassword))).Error!.Kind.Should().Be(ErrorKind.Validation);
        }

        var change = await _host.SendAsync(new ChangePasswordRequest(Password, NewPassword));
        var login = await _host.SendAsync(new LoginRequest("alice@example.com", Password));

        change.Error!.Kind.Should().Be(ErrorKind.LockedOut);
        change.Error.RetryAfter.Should().Be(SignInAttempts.LockoutDuration);
        login.Error!.Kind.Should().Be(ErrorKind.LockedOut);
    }

    [Fact]
    public async Task Failed_sign_ins_count_toward_the_changes_lock()
    {
        for (var i = 0; i < SignInAttempts.MaxFailures; i++)
        {
            await _host.SendAsync(new LoginRequest("alice", "not my password"));
        }

        var result = await _host.SendAsync(new ChangePasswordRequest(Password, NewPassword));

        result.Error!.Kind.Should().Be(ErrorKind.LockedOut);
    }

    [Fact]
    public async Task A_right_current_password_clears_the_failures_counted_before()
    {
        await _host.SendAsync(new ChangePasswordRequest("not my password", NewPassword));

        (await _host.SendAsync(new ChangePasswordRequest(Password, NewPassword))).IsSuccess.Should().BeTrue();

        (await _host.Database.ScalarAsync<long>("SELECT COUNT(*) FROM login_failures")).Should().Be(0);
    }

    [Theory]
    [InlineData("ALICE-THE-WRITER", "The password must not be the same as the username.")]
    [InlineData("Alice.Writer@Example.com", "The password must not be the same as the email address.")]
    public async Task The_new_password_may_not_be_the_accounts_name(string newPassword, string message)
    {
        var writer = await _host.SendAsync(new RegisterRequest("alice-the-writer", "alice.writer@example.com", Password));
        _host.User.SignInAs(writer.Value);

        var result = await _host.SendAsync(new ChangePasswordRequest(Password, newPassword));

        result.Error!.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]> { ["newPassword"] = [message] });
    }

    [Theory]
    [InlineData("", "Enter a password.")]
    [InlineData("short", "The password must be 8 to 128 characters.")]
    [InlineData("password123", "This password is too common. Choose another.")]
    [InlineData(Password, ChangePasswordValidator.Unchanged)]
    public async Task The_new_password_follows_the_registration_rules_and_differs_from_the_current(string newPassword, string message)
    {
        var result = await _host.SendAsync(new ChangePasswordRequest(Password, newPassword));

        result.Error!.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]> { ["newPassword"] = [message] });
        (await _host.Database.ScalarAsync<long>("SELECT COUNT(*) FROM login_failures")).Should().Be(0, "an invalid request checks no password");
    }

    [Fact]
    public async Task An_anonymous_caller_is_401()
    {
        _host.User.SignOut();

        var result = await _host.SendAsync(new ChangePasswordRequest(Password, NewPassword));

        result.Error!.Kind.Should().Be(ErrorKind.Unauthorized);
    }
}
