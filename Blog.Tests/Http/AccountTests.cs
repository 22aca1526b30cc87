using System.Net;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.Http;

/// <summary>API.md, "Register" and "Login", as a browser client meets them.</summary>
public sealed class AccountTests : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private readonly BlogApiFactory _api = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task Register_answers_201_with_the_user_and_Location_and_signs_in()
    {
        using var client = _api.CreateApiClient();
        await client.StartAsync();

        using var response = await client.PostJsonAsync("/api/v1/register", new { username = "alice", email = "alice@example.com", password = Password });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Headers.Location!.OriginalString.Should().Be("/api/v1/users/current");
        var user = await response.ReadJsonAsync();
        user.GetProperty("id").GetInt64().Should().BePositive();
        user.GetProperty("username").GetString().Should().Be("alice");
        user.GetProperty("email").GetString().Should().Be("alice@example.com");
        user.GetProperty("roles").EnumerateArray().Select(role => role.GetString()).Should().Equal("author");
        using var current = await client.GetAsync("/api/v1/users/current");
        current.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task No_response_contains_a_password_or_its_hash()
    {
        using var client = _api.CreateApiClient();
        await client.StartAsync();
        using var register = await client.PostJsonAsync("/api/v1/register", new { username = "alice", email = "alice@example.com", password = Password });
        (await client.PostJsonAsync("/api/v1/logout", new { })).Dispose();
        using var login = await client.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = Password });
        using var current = await client.GetAsync("/api/v1/users/current");
        var hash = await _api.Database.ScalarAsync<string>("SELECT password_hash FROM users");

        foreach (var response in new[] { register, login, current })
        {
            var body = await response.Content.ReadAsStringAsync();
            body.Should().NotContainEquivalentOf("password").And.NotContain(Password).And.NotContain(hash!);
        }
    }

    [Fact]
    public async Task Taken_username_and_email_are_409_with_field_errors()
    {
        using var first = _api.CreateApiClient();
        await first.RegisterAsync("alice", "alice@example.com");
        using var client = _api.CreateApiClient();
        await client.StartAsync();

        using var response = await client.PostJsonAsync("/api/v1/register", new { username = "ALICE", email = "Alice@Example.COM", password = Password });

        var problem = await response.ReadProblemAsync(409, "conflict");
        problem.FieldErrors("username").Should().Equal("The username is already taken.");
        problem.FieldErrors("email").Should().Equal("The email address is already registered.");
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once_and_nothing_is_stored()
    {
        using var client = _api.CreateApiClient();
        await client.StartAsync();

        using var response = await client.PostJsonAsync("/api/v1/register", new { username = "a@", email = "not-an-email", password = "password" });

        var problem = await response.ReadProblemAsync(400, "validation");
        problem.FieldErrors("username").Should().NotBeEmpty();
        problem.FieldErrors("email").Should().NotBeEmpty();
        problem.FieldErrors("password").Should().NotBeEmpty();
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM users")).Should().Be(0);
        response.SetCookie("blog_session").Should().BeNull();
    }

    [Fact]
    public async Task A_common_password_is_refused_case_insensitively()
    {
        using var client = _api.CreateApiClient();
        await client.StartAsync();

        using var response = await client.PostJsonAsync("/api/v1/register", new { username = "alice", email = "alice@example.com", password = "PassWord123" });

        (await response.ReadProblemAsync(400)).FieldErrors("password").Should().Equal("This password is too common. Choose another.");
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_name_give_one_201_and_409s_never_500()
    {
        var clients = Enumerable.Range(0, 6).Select(_ => _api.CreateApiClient()).ToArray();
        await Task.WhenAll(clients.Select(client => client.StartAsync()));

        var responses = await Task.WhenAll(clients.Select((client, i) =>
            client.PostJsonAsync("/api/v1/register", new { username = "Racer", email = $"racer{i}@example.com", password = Password })));

        responses.Count(response => response.StatusCode == HttpStatusCode.Created).Should().Be(1);
        responses.Count(response => response.StatusCode == HttpStatusCode.Conflict).Should().Be(clients.Length - 1);
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM users")).Should().Be(1);
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("ALICE")]
    [InlineData("alice@example.com")]
    [InlineData("Alice@Example.COM")]
    public async Task Login_accepts_the_username_or_the_email_in_any_case(string usernameOrEmail)
    {
        await RegisterAliceAndSignOutAsync();
        using var client = _api.CreateApiClient();
        await client.StartAsync();

        using var response = await client.PostJsonAsync("/api/v1/login", new { usernameOrEmail, password = Password });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("username").GetString().Should().Be("alice");
        response.SetCookie("blog_session").Should().NotBeNull();
    }

    [Fact]
    public async Task Unknown_user_and_wrong_password_give_the_same_401()
    {
        await RegisterAliceAndSignOutAsync();
        using var client = _api.CreateApiClient();
        await client.StartAsync();

        using var unknown = await client.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "bob", password = Password });
        using var wrong = await client.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = "not the password" });

        var unknownProblem = await unknown.ReadProblemAsync(401);
        var wrongProblem = await wrong.ReadProblemAsync(401);
        unknownProblem.GetProperty("detail").GetString().Should().Be("Wrong username or password.");
        wrongProblem.GetProperty("detail").GetString().Should().Be("Wrong username or password.");
        unknownProblem.GetProperty("title").GetString().Should().Be(wrongProblem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_disabled_account_with_the_right_password_is_403()
    {
        await RegisterAliceAndSignOutAsync();
        await _api.Database.ExecuteAsync("UPDATE users SET active = FALSE");
        using var client = _api.CreateApiClient();
        await client.StartAsync();

        using var response = await client.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = Password });

        (await response.ReadProblemAsync(403)).GetProperty("detail").GetString().Should().Be("Account is disabled.");
        response.SetCookie("blog_session").Should().BeNull();
    }

    [Fact]
    public async Task Five_failures_lock_the_identifier_for_five_minutes_with_Retry_After_even_for_the_right_password()
    {
        await RegisterAliceAndSignOutAsync();
        using var client = _api.CreateApiClient();
        await client.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            (await client.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = "wrong" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        using var locked = await client.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "Alice", password = Password });

        await locked.ReadProblemAsync(429, "locked-out");
        int.Parse(locked.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(299, 300);
        _api.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        using var unlocked = await client.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = Password });
        unlocked.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Concurrent_wrong_guesses_check_at_most_five_passwords_and_the_right_one_after_them_is_429()
    {
        await RegisterAliceAndSignOutAsync();
        using var client = _api.CreateApiClient();
        await client.StartAsync();

        var guesses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var guess = await client.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = "wrong" });
            return guess.StatusCode;
        }));

        guesses.Count(status => status == HttpStatusCode.Unauthorized).Should().BeInRange(1, 5);
        guesses.Should().OnlyContain(status => status == HttpStatusCode.Unauthorized || status == HttpStatusCode.TooManyRequests);
        using var right = await client.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = Password });
        await right.ReadProblemAsync(429);
        right.Headers.Contains("Retry-After").Should().BeTrue();
    }

    [Fact]
    public async Task Lockout_counts_identifiers_that_match_no_user_so_a_429_reveals_nothing()
    {
        using var client = _api.CreateApiClient();
        await client.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            (await client.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "nobody", password = "wrong" })).Dispose();
        }

        using var response = await client.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "nobody", password = "wrong" });

        await response.ReadProblemAsync(429, "locked-out");
        response.Headers.Contains("Retry-After").Should().BeTrue();
    }

    [Fact]
    public async Task A_success_resets_the_failure_count()
    {
        await RegisterAliceAndSignOutAsync();
        using var client = _api.CreateApiClient();
        await client.StartAsync();
        for (var i = 0; i < 4; i++)
        {
            (await client.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = "wrong" })).Dispose();
        }

        (await client.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = Password })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PostJsonAsync("/api/v1/logout", new { })).Dispose();
        for (var i = 0; i < 4; i++)
        {
            (await client.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = "wrong" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        (await client.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = Password })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/api/v1/login", "Blog:RateLimits:LoginPerMinute")]
    [InlineData("/api/v1/register", "Blog:RateLimits:RegisterPerMinute")]
    public async Task Requests_over_the_per_address_rate_limit_are_429_with_Retry_After(string path, string setting)
    {
        await using var api = new BlogApiFactory(new() { [setting] = "3" });
        using var client = api.CreateApiClient();
        await client.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.PostJsonAsync(path, new { usernameOrEmail = "x", username = "x", email = "x", password = "x" });
            allowed.StatusCode.Should().NotBe(HttpStatusCode.TooManyRequests);
        }

        using var refused = await client.PostJsonAsync(path, new { usernameOrEmail = "x", username = "x", email = "x", password = "x" });

        await refused.ReadProblemAsync(429, "rate-limited");
        int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(1, 60);
    }

    private async Task RegisterAliceAndSignOutAsync()
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice", "alice@example.com", Password);
        (await client.PostJsonAsync("/api/v1/logout", new { })).Dispose();
    }
}
