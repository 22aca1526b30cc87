using System.Buffers.Binary;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Blog.Features.Login;
using Blog.Features.Register;
using Blog.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Blog.Tests.Login;

public sealed class LoginTests : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private const string WrongPassword = "incorrect horse battery staple";

    private readonly FeatureHost _host = new();
    private UserResponse _alice = null!;

    public async ValueTask InitializeAsync()
    {
        await _host.InitializeAsync();
        _alice = (await _host.SendAsync(new RegisterRequest("alice", "Alice@Example.com", Password))).Value;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Theory]
    [InlineData("alice")]
    [InlineData("ALICE")]
    [InlineData("Alice@Example.com")]
    [InlineData("alice@example.COM")]
    [InlineData("  alice  ")]
    public async Task Username_or_email_in_any_case_signs_in(string usernameOrEmail)
    {
        var result = await _host.SendAsync(new LoginRequest(usernameOrEmail, Password));

        result.IsSuccess.Should().BeTrue();
        result.Value.Should().BeEquivalentTo(new UserResponse(_alice.Id, "alice", "Alice@Example.com", ["author"]));
    }

    [Fact]
    public async Task Unknown_user_and_wrong_password_give_the_same_401()
    {
        var unknown = await _host.SendAsync(new LoginRequest("nobody", Password));
        var wrongPassword = await _host.SendAsync(new LoginRequest("alice", WrongPassword));

        unknown.IsSuccess.Should().BeFalse();
        unknown.Error.Should().Be(new Error(ErrorKind.Unauthorized, "Wrong username or password."));
        wrongPassword.Error.Should().Be(unknown.Error);
    }

    [Fact]
    public async Task An_unknown_user_costs_a_password_verification_as_a_wrong_password_does()
    {
        // Without the dummy verification an unknown name answers in a millisecond, a wrong password in ~0.1 s.
        // The fastest of three each, and a wide margin, keep the check steady on a busy machine.
        var unknown = await FastestOfThreeAsync(new LoginRequest("nobody", Password));
        var wrongPassword = await FastestOfThreeAsync(new LoginRequest("alice", WrongPassword));

        unknown.Should().BeGreaterThan(wrongPassword / 4);
    }

    [Fact]
    public async Task A_password_differing_only_in_case_is_wrong()
    {
        var result = await _host.SendAsync(new LoginRequest("alice", Password.ToUpperInvariant()));

        result.Error!.Kind.Should().Be(ErrorKind.Unauthorized);
    }

    [Fact]
    public async Task A_disabled_account_with_the_right_password_is_403()
    {
        await _host.Database.ExecuteAsync("UPDATE users SET active = FALSE WHERE id = @Id", new { _alice.Id });

        var result = await _host.SendAsync(new LoginRequest("alice", Password));

        result.Error.Should().Be(new Error(ErrorKind.Forbidden, "Account is disabled."));
    }

    [Fact]
    public async Task A_disabled_account_with_a_wrong_password_is_the_same_401_as_an_unknown_user()
    {
        await _host.Database.ExecuteAsync("UPDATE users SET active = FALSE WHERE id = @Id", new { _alice.Id });

        var result = await _host.SendAsync(new LoginRequest("alice", WrongPassword));

        result.Error.Should().Be(new Error(ErrorKind.Unauthorized, "Wrong username or password."));
    }

    [Fact]
    public async Task Five_failures_lock_the_identifier_for_5_minutes_even_for_the_right_password()
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var failure = await _host.SendAsync(new LoginRequest("alice", WrongPassword));
            failure.Error!.Kind.Should().Be(ErrorKind.Unauthorized, $"attempt {attempt} is still an ordinary failure");
        }

        var locked = await _host.SendAsync(new LoginRequest("alice", Password));

        locked.IsSuccess.Should().BeFalse();
        locked.Error!.Kind.Should().Be(ErrorKind.LockedOut);
        locked.Error.RetryAfter.Should().BeCloseTo(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1));
        locked.Error.Detail.Should().NotBeNullOrEmpty();
        (await _host.Database.ScalarAsync<long>("SELECT attempts FROM login_failures WHERE identifier = 'ALICE'")).Should().Be(5);
        (await _host.Database.ScalarAsync<string>("SELECT locked_until FROM login_failures WHERE identifier = 'ALICE'")).Should().NotBeNull();
    }

    [Fact]
    public async Task Twenty_concurrent_wrong_guesses_check_at_most_five_passwords_and_lock_the_right_one_out()
    {
        var guesses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => _host.SendAsync(new LoginRequest("alice", WrongPassword)))));

        var checkedPasswords = guesses.Count(guess => guess.Error!.Kind == ErrorKind.Unauthorized);
        checkedPasswords.Should().BeInRange(1, 5);
        guesses.Count(guess => guess.Error!.Kind == ErrorKind.LockedOut).Should().Be(20 - checkedPasswords);
        (await _host.Database.ScalarAsync<string>("SELECT locked_until FROM login_failures WHERE identifier = 'ALICE'")).Should().NotBeNull();

        var right = await _host.SendAsync(new LoginRequest("alice", Password));
        right.Error!.Kind.Should().Be(ErrorKind.LockedOut);
        _host.Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        (await _host.SendAsync(new LoginRequest("alice", Password))).Error!.Kind.Should().Be(ErrorKind.LockedOut);
        _host.Clock.Advance(TimeSpan.FromSeconds(2));
        (await _host.SendAsync(new LoginRequest("alice", Password))).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public async Task Attempts_over_the_limit_are_refused_without_a_hash_while_earlier_ones_still_run()
    {
        // Five attempts reserved whose outcome is not known yet, as while five guesses are being hashed.
        await _host.Database.ExecuteAsync(
            "INSERT INTO login_failures (identifier, attempts, locked_until, expires_at) VALUES ('ALICE', 5, NULL, '2099-01-01T00:00:00.0000000Z')");

        var refused = await _host.SendAsync(new LoginRequest("alice", Password));

        refused.Error!.Kind.Should().Be(ErrorKind.LockedOut);
        refused.Error.RetryAfter.Should().Be(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Failures_are_forgotten_five_minutes_after_the_last_attempt()
    {
        await FailAsync("alice", times: 4);
        _host.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        await FailAsync("alice", times: 1);

        (await _host.Database.ScalarAsync<long>("SELECT attempts FROM login_failures WHERE identifier = 'ALICE'")).Should().Be(1);
    }

    [Fact]
    public async Task Retry_after_counts_down_with_the_clock()
    {
        await FailAsync("alice", times: 5);
        _host.Clock.Advance(TimeSpan.FromMinutes(2));

        var locked = await _host.SendAsync(new LoginRequest("alice", Password));

        locked.Error!.Kind.Should().Be(ErrorKind.LockedOut);
        locked.Error.RetryAfter.Should().BeCloseTo(TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Failures_are_counted_per_normalized_identifier()
    {
        await FailAsync("alice", times: 2);
        await FailAsync("ALICE", times: 2);
        await FailAsync(" Alice ", times: 1);

        var locked = await _host.SendAsync(new LoginRequest("aLiCe", Password));

        locked.Error!.Kind.Should().Be(ErrorKind.LockedOut);
        (await _host.Database.ScalarAsync<long>("SELECT COUNT(*) FROM login_failures")).Should().Be(1);
    }

    [Fact]
    public async Task A_locked_username_does_not_lock_the_email_identifier()
    {
        await FailAsync("alice", times: 5);

        var byEmail = await _host.SendAsync(new LoginRequest("alice@example.com", Password));

        byEmail.IsSuccess.Should().BeTrue();
    }

    [Fact]
    public async Task Failures_for_an_identifier_with_no_such_user_are_counted_and_lock_it_too()
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var failure = await _host.SendAsync(new LoginRequest("ghost@example.com", WrongPassword));
            failure.Error.Should().Be(new Error(ErrorKind.Unauthorized, "Wrong username or password."));
        }

        var locked = await _host.SendAsync(new LoginRequest("ghost@example.com", WrongPassword));

        locked.Error!.Kind.Should().Be(ErrorKind.LockedOut);
        locked.Error.RetryAfter.Should().BeCloseTo(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1));
        (await _host.Database.ScalarAsync<long>("SELECT attempts FROM login_failures WHERE identifier = 'GHOST@EXAMPLE.COM'")).Should().Be(5);
    }

    [Fact]
    public async Task A_success_resets_the_failure_count()
    {
        await FailAsync("alice", times: 4);
        (await _host.Database.ScalarAsync<long>("SELECT attempts FROM login_failures WHERE identifier = 'ALICE'")).Should().Be(4);

        (await _host.SendAsync(new LoginRequest("alice", Password))).IsSuccess.Should().BeTrue();

        (await _host.Database.ScalarAsync<long>("SELECT COUNT(*) FROM login_failures")).Should().Be(0);
        await FailAsync("alice", times: 1);
        (await _host.Database.ScalarAsync<long>("SELECT attempts FROM login_failures WHERE identifier = 'ALICE'")).Should().Be(1);
    }

    [Fact]
    public async Task After_the_lock_expires_the_right_password_works_again()
    {
        await FailAsync("alice", times: 5);
        _host.Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        (await _host.SendAsync(new LoginRequest("alice", Password))).Error!.Kind.Should().Be(ErrorKind.LockedOut);

        _host.Clock.Advance(TimeSpan.FromSeconds(2));
        var result = await _host.SendAsync(new LoginRequest("alice", Password));

        result.IsSuccess.Should().BeTrue();
        result.Value.Id.Should().Be(_alice.Id);
        (await _host.Database.ScalarAsync<long>("SELECT COUNT(*) FROM login_failures")).Should().Be(0);
    }

    [Fact]
    public async Task A_failure_after_an_expired_lock_starts_a_new_count()
    {
        await FailAsync("alice", times: 5);
        _host.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        var failure = await _host.SendAsync(new LoginRequest("alice", WrongPassword));

        failure.Error!.Kind.Should().Be(ErrorKind.Unauthorized);
        (await _host.Database.ScalarAsync<long>("SELECT attempts FROM login_failures WHERE identifier = 'ALICE'")).Should().Be(1);
        (await _host.SendAsync(new LoginRequest("alice", Password))).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public async Task A_weaker_hash_is_upgraded_on_a_successful_sign_in()
    {
        var weakHasher = new PasswordHasher<object>(Options.Create(new PasswordHasherOptions { IterationCount = 10_000 }));
        var weakHash = weakHasher.HashPassword(new object(), "an old but fine passphrase");
        Iterations(weakHash).Should().Be(10_000);
        var id = await _host.Database.ScalarAsync<long>(
            """
            INSERT INTO users (username, username_normalized, email, email_normalized, password_hash, active, created_at)
            VALUES ('oldtimer', 'OLDTIMER', 'old@example.com', 'OLD@EXAMPLE.COM', @Hash, TRUE, '2020-01-01T00:00:00.0000000Z')
            RETURNING id
            """,
            new { Hash = weakHash });
        await _host.Database.ExecuteAsync("INSERT INTO user_roles (user_id, role_id) SELECT @Id, id FROM roles WHERE name = 'author'", new { Id = id });

        var result = await _host.SendAsync(new LoginRequest("oldtimer", "an old but fine passphrase"));

        result.IsSuccess.Should().BeTrue();
        result.Value.Should().BeEquivalentTo(new UserResponse(id, "oldtimer", "old@example.com", ["author"]));
        var newHash = await _host.Database.ScalarAsync<string>("SELECT password_hash FROM users WHERE id = @Id", new { Id = id });
        newHash.Should().NotBe(weakHash);
        Iterations(newHash!).Should().BeGreaterThanOrEqualTo(220_000u);
        (await _host.SendAsync(new LoginRequest("oldtimer", "an old but fine passphrase"))).IsSuccess.Should().BeTrue("the upgraded hash still verifies");
    }

    [Fact]
    public async Task A_current_hash_is_left_alone_on_sign_in()
    {
        var before = await _host.Database.ScalarAsync<string>("SELECT password_hash FROM users WHERE id = @Id", new { _alice.Id });

        (await _host.SendAsync(new LoginRequest("alice", Password))).IsSuccess.Should().BeTrue();

        (await _host.Database.ScalarAsync<string>("SELECT password_hash FROM users WHERE id = @Id", new { _alice.Id })).Should().Be(before);
    }

    [Fact]
    public async Task Empty_fields_are_validation_errors_and_count_no_failure()
    {
        var result = await _host.SendAsync(new LoginRequest(" ", ""));

        result.Error!.Kind.Should().Be(ErrorKind.Validation);
        result.Error.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["usernameOrEmail"] = ["Enter your username or email address."],
            ["password"] = ["Enter your password."],
        });
        (await _host.Database.ScalarAsync<long>("SELECT COUNT(*) FROM login_failures")).Should().Be(0);
    }

    [Fact]
    public void The_request_ToString_leaves_out_the_password()
    {
        var text = new LoginRequest("alice", "s3cret-Passw0rd!").ToString();

        text.Should().Contain("alice").And.NotContain("s3cret-Passw0rd!").And.NotContainEquivalentOf("password");
    }

    private async Task FailAsync(string usernameOrEmail, int times)
    {
        for (var i = 0; i < times; i++)
        {
            var result = await _host.SendAsync(new LoginRequest(usernameOrEmail, WrongPassword));
            result.Error!.Kind.Should().Be(ErrorKind.Unauthorized);
        }
    }

    private async Task<TimeSpan> FastestOfThreeAsync(LoginRequest request)
    {
        var fastest = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            (await _host.SendAsync(request)).IsSuccess.Should().BeFalse();
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            fastest = elapsed < fastest ? elapsed : fastest;
        }

        return fastest;
    }

    // Identity v3 format: 0x01, PRF (4 bytes), iteration count (4 bytes), salt length, salt, subkey; big-endian.
    private static uint Iterations(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        bytes[0].Should().Be(0x01);
        return BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
    }
}
