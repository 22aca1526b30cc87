using System.Buffers.Binary;
using System.Text.Json;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Blog.Features.Register;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.Register;

public sealed class RegisterTests : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";

    private readonly FeatureHost _host = new();

    public ValueTask InitializeAsync() => _host.InitializeAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Registering_stores_the_user_with_normalized_columns_and_answers_it_with_the_role_author()
    {
        var result = await _host.SendAsync(new RegisterRequest("Alice.Smith", "Alice@Example.com", Password));

        result.IsSuccess.Should().BeTrue();
        result.Value.Id.Should().BePositive();
        result.Value.Username.Should().Be("Alice.Smith");
        result.Value.Email.Should().Be("Alice@Example.com");
        result.Value.Roles.Should().Equal("author");

        var rows = await _host.Database.QueryAsync<UserRow>(
            "SELECT id AS Id, username AS Username, username_normalized AS UsernameNormalized, email AS Email, email_normalized AS EmailNormalized, active AS Active FROM users");
        rows.Should().ContainSingle().Which.Should().BeEquivalentTo(new UserRow
        {
            Id = result.Value.Id,
            Username = "Alice.Smith",
            UsernameNormalized = "ALICE.SMITH",
            Email = "Alice@Example.com",
            EmailNormalized = "ALICE@EXAMPLE.COM",
            Active = true,
        });

        var roles = await _host.Database.QueryAsync<string>(
            "SELECT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = @Id", new { result.Value.Id });
        roles.Should().Equal("author");
    }

    [Fact]
    public async Task Registering_stores_a_v3_pbkdf2_hash_with_at_least_220000_iterations_never_the_password()
    {
        var result = await _host.SendAsync(new RegisterRequest("alice", "alice@example.com", Password));
        result.IsSuccess.Should().BeTrue();

        var hash = await _host.Database.ScalarAsync<string>("SELECT password_hash FROM users WHERE id = @Id", new { result.Value.Id });

        hash.Should().NotBeNullOrEmpty().And.NotContain(Password);
        var bytes = Convert.FromBase64String(hash!);
        bytes[0].Should().Be(0x01, "Identity v3 hashes start with the format marker 0x01");
        BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1, 4)).Should().Be(2u, "the PRF is HMAC-SHA512");
        BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4)).Should().BeGreaterThanOrEqualTo(220_000u);
    }

    [Fact]
    public async Task The_answer_carries_no_password_or_hash()
    {
        var result = await _host.SendAsync(new RegisterRequest("alice", "alice@example.com", Password));
        result.IsSuccess.Should().BeTrue();
        var hash = await _host.Database.ScalarAsync<string>("SELECT password_hash FROM users");

        var json = JsonSerializer.Serialize(result.Value, JsonSerializerOptions.Web);

        json.Should().NotContainEquivalentOf("password").And.NotContain(Password).And.NotContain(hash);
        typeof(UserResponse).GetProperties().Select(property => property.Name).Should().BeEquivalentTo("Id", "Username", "Email", "Roles");
    }

    [Theory]
    [InlineData("ALICE")]
    [InlineData("Alice")]
    [InlineData("alice")]
    public async Task A_username_taken_in_any_case_is_a_conflict_on_username(string username)
    {
        (await _host.SendAsync(new RegisterRequest("alice", "alice@example.com", Password))).IsSuccess.Should().BeTrue();

        var result = await _host.SendAsync(new RegisterRequest(username, "other@example.com", Password));

        result.IsSuccess.Should().BeFalse();
        result.Error!.Kind.Should().Be(ErrorKind.Conflict);
        result.Error.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["username"] = ["The username is already taken."],
        });
        (await _host.Database.ScalarAsync<long>("SELECT COUNT(*) FROM users")).Should().Be(1);
    }

    [Theory]
    [InlineData("ALICE@EXAMPLE.COM")]
    [InlineData("Alice@Example.com")]
    public async Task An_email_taken_in_any_case_is_a_conflict_on_email(string email)
    {
        (await _host.SendAsync(new RegisterRequest("alice", "alice@example.com", Password))).IsSuccess.Should().BeTrue();

        var result = await _host.SendAsync(new RegisterRequest("bob", email, Password));

        result.IsSuccess.Should().BeFalse();
        result.Error!.Kind.Should().Be(ErrorKind.Conflict);
        result.Error.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["email"] = ["The email address is already registered."],
        });
        (await _host.Database.ScalarAsync<long>("SELECT COUNT(*) FROM users")).Should().Be(1);
    }

    [Fact]
    public async Task A_username_and_an_email_taken_by_two_users_are_reported_together()
    {
        (await _host.SendAsync(new RegisterRequest("alice", "alice@example.com", Password))).IsSuccess.Should().BeTrue();
        (await _host.SendAsync(new RegisterRequest("bob", "bob@example.com", Password))).IsSuccess.Should().BeTrue();

        var result = await _host.SendAsync(new RegisterRequest("Alice", "BOB@example.com", Password));

        result.Error!.Kind.Should().Be(ErrorKind.Conflict);
        result.Error.Errors.Should().BeEquivalentTo(BothTaken());
        (await _host.Database.ScalarAsync<long>("SELECT COUNT(*) FROM users")).Should().Be(2);
    }

    [Fact]
    public async Task A_username_and_an_email_taken_by_one_user_are_reported_together()
    {
        (await _host.SendAsync(new RegisterRequest("alice", "alice@example.com", Password))).IsSuccess.Should().BeTrue();

        var result = await _host.SendAsync(new RegisterRequest("Alice", "ALICE@example.com", Password));

        result.Error!.Kind.Should().Be(ErrorKind.Conflict);
        result.Error.Errors.Should().BeEquivalentTo(BothTaken());
        (await _host.Database.ScalarAsync<long>("SELECT COUNT(*) FROM users")).Should().Be(1);
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once_and_nothing_is_stored()
    {
        var result = await _host.SendAsync(new RegisterRequest("-x", "not-an-email", "short"));

        result.IsSuccess.Should().BeFalse();
        result.Error!.Kind.Should().Be(ErrorKind.Validation);
        result.Error.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["username"] = ["The username must be 3 to 32 characters."],
            ["email"] = ["Enter a valid email address."],
            ["password"] = ["The password must be 8 to 128 characters."],
        });
        (await _host.Database.ScalarAsync<long>("SELECT COUNT(*) FROM users")).Should().Be(0);
    }

    [Fact]
    public async Task Missing_fields_are_reported_at_once_without_an_exception()
    {
        var result = await _host.SendAsync(new RegisterRequest(null!, null!, null!));

        result.Error!.Kind.Should().Be(ErrorKind.Validation);
        result.Error.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["username"] = ["Enter a username."],
            ["email"] = ["Enter an email address."],
            ["password"] = ["Enter a password."],
        });
    }

    [Theory]
    [InlineData("password123")]
    [InlineData("Password123")]
    [InlineData("PASSWORD123")]
    [InlineData("qwertyuiop")]
    public async Task A_common_password_is_refused_in_any_case(string password)
    {
        var result = await _host.SendAsync(new RegisterRequest("alice", "alice@example.com", password));

        result.Error!.Kind.Should().Be(ErrorKind.Validation);
        result.Error.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["password"] = ["This password is too common. Choose another."],
        });
        (await _host.Database.ScalarAsync<long>("SELECT COUNT(*) FROM users")).Should().Be(0);
    }

    [Theory]
    [InlineData("zebra.keeper42", "The password must not be the same as the username.")]
    [InlineData("ZEBRA.KEEPER42", "The password must not be the same as the username.")]
    [InlineData("zebra.keeper42@example.com", "The password must not be the same as the email address.")]
    [InlineData("Zebra.Keeper42@Example.com", "The password must not be the same as the email address.")]
    public async Task A_password_equal_to_the_username_or_email_is_refused(string password, string message)
    {
        var result = await _host.SendAsync(new RegisterRequest("zebra.keeper42", "zebra.keeper42@example.com", password));

        result.Error!.Kind.Should().Be(ErrorKind.Validation);
        result.Error.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]> { ["password"] = [message] });
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_name_give_exactly_one_success_and_conflicts_otherwise()
    {
        var requests = Enumerable.Range(0, 8)
            .Select(i => new RegisterRequest(i % 2 == 0 ? "racer" : "RACER", $"racer{i}@example.com", Password))
            .Select(request => Task.Run(() => _host.SendAsync(request)));

        var results = await Task.WhenAll(requests);

        results.Count(result => result.IsSuccess).Should().Be(1);
        results.Where(result => !result.IsSuccess).Should().HaveCount(7).And.AllSatisfy(result =>
        {
            result.Error!.Kind.Should().Be(ErrorKind.Conflict);
            result.Error.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]>
            {
                ["username"] = ["The username is already taken."],
            });
        });
        (await _host.Database.ScalarAsync<long>("SELECT COUNT(*) FROM users")).Should().Be(1);
        (await _host.Database.ScalarAsync<long>("SELECT COUNT(*) FROM user_roles")).Should().Be(1);
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_email_give_exactly_one_success_and_conflicts_otherwise()
    {
        var requests = Enumerable.Range(0, 8)
            .Select(i => new RegisterRequest($"racer{i}", i % 2 == 0 ? "racer@example.com" : "Racer@Example.COM", Password))
            .Select(request => Task.Run(() => _host.SendAsync(request)));

        var results = await Task.WhenAll(requests);

        results.Count(result => result.IsSuccess).Should().Be(1);
        results.Where(result => !result.IsSuccess).Should().HaveCount(7).And.AllSatisfy(result =>
        {
            result.Error!.Kind.Should().Be(ErrorKind.Conflict);
            result.Error.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]>
            {
                ["email"] = ["The email address is already registered."],
            });
        });
        (await _host.Database.ScalarAsync<long>("SELECT COUNT(*) FROM users")).Should().Be(1);
    }

    [Fact]
    public void The_request_ToString_leaves_out_the_password()
    {
        var text = new RegisterRequest("alice", "alice@example.com", "s3cret-Passw0rd!").ToString();

        text.Should().Contain("alice").And.NotContain("s3cret-Passw0rd!").And.NotContainEquivalentOf("password");
    }

    private static Dictionary<string, string[]> BothTaken() => new()
    {
        ["username"] = ["The username is already taken."],
        ["email"] = ["The email address is already registered."],
    };

    // A class rather than a positional record: Dapper maps SQLite's integer "active" onto a bool property, not a constructor parameter.
    private sealed class UserRow
    {
        public long Id { get; init; }

        public string Username { get; init; } = "";

        public string UsernameNormalized { get; init; } = "";

        public string Email { get; init; } = "";

        public string EmailNormalized { get; init; } = "";

        public bool Active { get; init; }
    }
}
