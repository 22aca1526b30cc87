using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Blog.Features.Common.Users;
using Blog.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Blog.Tests.Http;

/// <summary>API.md, "Accounts": access tokens made with a session, used as <c>Authorization: Bearer</c> on the article endpoints only.</summary>
public sealed class AccessTokenTests : IAsyncLifetime
{
    private const string Tokens = "/api/v1/users/current/tokens";
    private const string InvalidToken = "Bearer error=\"invalid_token\"";

    private BlogApiFactory _api = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task Creating_answers_201_with_the_secret_once_and_a_Location_and_the_list_never_shows_it()
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");

        using var created = await client.PostJsonAsync(Tokens, new { name = "  deploy script  ", expiresInDays = 30, scopes = new[] { "articles:write", "articles:read" } });

        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var token = await created.ReadJsonAsync();
        var id = token.GetProperty("id").GetInt64();
        created.Headers.Location!.OriginalString.Should().Be($"{Tokens}/{id}");
        token.GetProperty("name").GetString().Should().Be("deploy script");
        token.GetProperty("scopes").EnumerateArray().Select(scope => scope.GetString()).Should().Equal("articles:read", "articles:write");
        token.GetProperty("createdAt").GetString().Should().Be("2026-11-26T22:44:10Z");
        token.GetProperty("expiresAt").GetString().Should().Be("2026-12-26T22:44:10Z");
        token.GetProperty("lastUsedAt").ValueKind.Should().Be(JsonValueKind.Null);
        var secret = token.GetProperty("token").GetString()!;
        secret.Should().MatchRegex("^blog_pat_[A-Za-z0-9_-]{43}$");

        using var list = await client.GetAsync(Tokens);
        var body = await list.Content.ReadAsStringAsync();
        list.StatusCode.Should().Be(HttpStatusCode.OK);
        body.Should().NotContain(secret).And.NotContain("\"token\"");
        (await list.ReadJsonAsync()).EnumerateArray().Single().GetProperty("id").GetInt64().Should().Be(id);
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM access_tokens WHERE secret_hash = @Hash", new { Hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)) }))
            .Should().Be(1, "only the SHA-256 of the secret is stored");
    }

    [Theory]
    [InlineData("""{ "name": "", "expiresInDays": 30, "scopes": ["articles:read"] }""", "name")]
    [InlineData("""{ "name": "   ", "expiresInDays": 30, "scopes": ["articles:read"] }""", "name")]
    [InlineData("""{ "name": "1234567890123456789012345678901234567890123456789012345678901", "expiresInDays": 30, "scopes": ["articles:read"] }""", "name")]
    [InlineData("""{ "name": "ci", "expiresInDays": 0, "scopes": ["articles:read"] }""", "expiresInDays")]
    [InlineData("""{ "name": "ci", "expiresInDays": 366, "scopes": ["articles:read"] }""", "expiresInDays")]
    [InlineData("""{ "name": "ci", "scopes": ["articles:read"] }""", "expiresInDays")]
    [InlineData("""{ "name": "ci", "expiresInDays": 30, "scopes": [] }""", "scopes")]
    [InlineData("""{ "name": "ci", "expiresInDays": 30 }""", "scopes")]
    [InlineData("""{ "name": "ci", "expiresInDays": 30, "scopes": ["articles:delete"] }""", "scopes")]
    [InlineData("""{ "name": "ci", "expiresInDays": 30, "scopes": ["articles:read", "articles:read"] }""", "scopes")]
    public async Task Each_invalid_field_is_400_with_its_error(string body, string field)
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");

        using var response = await client.PostAsync(Tokens, body, "application/json");

        var problem = await response.ReadProblemAsync(400, "validation");
        problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).Should().Equal(field);
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM access_tokens")).Should().Be(0);
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once()
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");

        using var response = await client.PostJsonAsync(Tokens, new { name = "", expiresInDays = 400, scopes = Array.Empty<string>() });

        var problem = await response.ReadProblemAsync(400, "validation");
        problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).Should().BeEquivalentTo("name", "expiresInDays", "scopes");
    }

    [Fact]
    public async Task A_name_is_unique_per_user_409_and_another_user_may_take_it()
    {
        using var alice = _api.CreateApiClient();
        await alice.RegisterAsync("alice");
        await CreateTokenAsync(alice, "ci");

        using var again = await alice.PostJsonAsync(Tokens, new { name = "ci", expiresInDays = 1, scopes = new[] { "articles:read" } });
        (await again.ReadProblemAsync(409, "conflict")).FieldErrors("name").Should().Equal("You already have an access token with this name.");

        using var bob = _api.CreateApiClient();
        await bob.RegisterAsync("bob");
        await CreateTokenAsync(bob, "ci");
    }

    [Fact]
    public async Task At_most_20_live_tokens_then_409_and_expired_ones_do_not_count()
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");
        await CreateTokenAsync(client, "short-lived", expiresInDays: 1);
        for (var i = 1; i < 20; i++)
        {
            await CreateTokenAsync(client, $"token {i}", expiresInDays: 30);
        }

        using var refused = await client.PostJsonAsync(Tokens, new { name = "one too many", expiresInDays = 30, scopes = new[] { "articles:read" } });
        (await refused.ReadProblemAsync(409, "conflict")).GetProperty("detail").GetString().Should().Contain("20");

        _api.Clock.Advance(TimeSpan.FromDays(1));
        await client.StartAsync();
        (await client.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = "correct horse battery staple" })).Dispose();
        await CreateTokenAsync(client, "one too many");
    }

    [Fact]
    public async Task Revoking_answers_204_and_another_users_or_an_unknown_token_is_404()
    {
        using var alice = _api.CreateApiClient();
        await alice.RegisterAsync("alice");
        var (id, _) = await CreateTokenAsync(alice, "ci");
        using var bob = _api.CreateApiClient();
        await bob.RegisterAsync("bob");

        using (var response = await bob.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{Tokens}/{id}")))
        {
            await response.ReadProblemAsync(404, "not-found");
        }

        using (var response = await alice.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{Tokens}/{id + 100}")))
        {
            await response.ReadProblemAsync(404, "not-found");
        }

        using (var response = await alice.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{Tokens}/{id}")))
        {
            response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        using var list = await alice.GetAsync(Tokens);
        (await list.ReadJsonAsync()).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task The_token_endpoints_need_a_session()
    {
        using var anonymous = _api.CreateApiClient();
        await anonymous.StartAsync();

        using (var response = await anonymous.GetAsync(Tokens))
        {
            await response.ReadProblemAsync(401, "unauthorized");
        }

        using (var response = await anonymous.PostJsonAsync(Tokens, new { name = "ci", expiresInDays = 1, scopes = new[] { "articles:read" } }))
        {
            await response.ReadProblemAsync(401, "unauthorized");
        }

        using (var response = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{Tokens}/1")))
        {
            await response.ReadProblemAsync(401, "unauthorized");
        }
    }

    [Fact]
    public async Task Creating_and_revoking_need_the_CSRF_token()
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");
        var (id, _) = await CreateTokenAsync(client, "ci");
        client.EchoXsrfToken = false;

        using (var response = await client.PostJsonAsync(Tokens, new { name = "other", expiresInDays = 1, scopes = new[] { "articles:read" } }))
        {
            await response.ReadProblemAsync(400, "csrf");
        }

        using (var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{Tokens}/{id}")))
        {
            await response.ReadProblemAsync(400, "csrf");
        }
    }

    [Fact]
    public async Task A_script_with_a_token_creates_lists_and_reads_articles_without_cookie_or_CSRF_token()
    {
        var secret = await SignedInTokenAsync("articles:read", "articles:write");
        using var script = Script(secret);

        using var created = await script.PostAsJsonAsync("/api/v1/articles", new { title = "From a script", content = "Posted with a bearer token." });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        created.Headers.Contains("Set-Cookie").Should().BeFalse("a bearer request starts no session and needs no XSRF token");
        var article = await created.ReadJsonAsync();
        article.GetProperty("author").GetProperty("username").GetString().Should().Be("alice");

        using var list = await script.GetAsync("/api/v1/articles");
        list.StatusCode.Should().Be(HttpStatusCode.OK);
        (await list.ReadJsonAsync()).GetProperty("items").GetArrayLength().Should().Be(1);

        using var one = await script.GetAsync(created.Headers.Location);
        one.StatusCode.Should().Be(HttpStatusCode.OK);

        using var found = await script.GetAsync("/api/v1/articles?q=script");
        found.StatusCode.Should().Be(HttpStatusCode.OK);
        (await found.ReadJsonAsync()).GetProperty("items").GetArrayLength().Should().Be(1);
    }

    [Theory]
    [InlineData("articles:write", "GET", "/api/v1/articles", "articles:read")]
    [InlineData("articles:write", "GET", "/api/v1/articles/1", "articles:read")]
    [InlineData("articles:write", "GET", "/api/v1/articles?q=script", "articles:read")]
    [InlineData("articles:read", "POST", "/api/v1/articles", "articles:write")]
    [InlineData("articles:read", "PUT", "/api/v1/articles/1", "articles:write")]
    [InlineData("articles:read", "DELETE", "/api/v1/articles/1", "articles:write")]
    [InlineData("articles:read", "POST", "/api/v1/articles/preview", "articles:write")]
    public async Task A_missing_scope_is_403_insufficient_scope_naming_it(string granted, string method, string path, string needed)
    {
        var secret = await SignedInTokenAsync(granted);
        using var script = Script(secret);

        using var response = await script.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method is "POST" or "PUT" ? JsonContent.Create(new { title = "A title", content = "Some content for the article." }) : null,
        });

        await response.ReadProblemAsync(403, "forbidden");
        response.Headers.WwwAuthenticate.ToString().Should().Be($"Bearer error=\"insufficient_scope\", scope=\"{needed}\"");
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM articles")).Should().Be(0);
    }

    [Theory]
    [InlineData("GET", "/api/v1/users/current")]
    [InlineData("GET", Tokens)]
    [InlineData("POST", Tokens)]
    [InlineData("DELETE", Tokens + "/1")]
    [InlineData("POST", "/api/v1/logout")]
    [InlineData("POST", "/api/v1/login")]
    [InlineData("POST", "/api/v1/register")]
    [InlineData("POST", "/api/v1/users/current/password")]
    [InlineData("GET", "/api/v1/users/current/sessions")]
    [InlineData("DELETE", "/api/v1/users/current/sessions/0123456789abcdef0123456789abcdef")]
    [InlineData("POST", "/api/v1/users/current/sessions/end-others")]
    [InlineData("GET", "/api/v1/users/current/export")]
    [InlineData("DELETE", "/api/v1/users/current")]
    public async Task A_valid_token_with_every_scope_is_refused_403_outside_the_article_endpoints(string method, string path)
    {
        var secret = await SignedInTokenAsync("articles:read", "articles:write");
        using var script = Script(secret);

        using var response = await script.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" || path == "/api/v1/users/current"
                ? JsonContent.Create(new
                {
                    name = "made by a token", expiresInDays = 1, scopes = new[] { "articles:read" }, usernameOrEmail = "alice",
                    password = "correct horse battery staple", username = "mallory", email = "m@example.com",
                    currentPassword = "correct horse battery staple", newPassword = "a new passphrase for alice",
                })
                : null,
        });

        await response.ReadProblemAsync(403, "forbidden");
        response.Headers.WwwAuthenticate.ToString().Should().Be("Bearer error=\"insufficient_scope\"");
        response.Headers.Contains("Set-Cookie").Should().Be(method == "GET" && path == "/api/v1/users/current", "only GET users/current issues an XSRF token before it answers");
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM access_tokens")).Should().Be(1, "a token never makes or revokes tokens");
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM users")).Should().Be(1);
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM sessions")).Should().Be(1, "a token neither starts nor ends a session");
    }

    [Fact]
    public async Task Unknown_malformed_and_revoked_tokens_are_401_invalid_token()
    {
        using var browser = _api.CreateApiClient();
        await browser.RegisterAsync("alice");
        var (id, secret) = await CreateTokenAsync(browser, "ci");

        foreach (var presented in new[] { "blog_pat_" + new string('A', 43), "not-a-token", "", secret + "x", secret.ToUpperInvariant() })
        {
            using var response = await Script(presented).GetAsync("/api/v1/articles");
            await response.ReadProblemAsync(401, "unauthorized");
            response.Headers.WwwAuthenticate.ToString().Should().Be(InvalidToken, $"'{presented}' is no token");
        }

        (await browser.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{Tokens}/{id}"))).Dispose();
        using var revoked = await Script(secret).GetAsync("/api/v1/articles");
        await revoked.ReadProblemAsync(401, "unauthorized");
        revoked.Headers.WwwAuthenticate.ToString().Should().Be(InvalidToken);
    }

    [Fact]
    public async Task An_expired_token_is_401_invalid_token()
    {
        var secret = await SignedInTokenAsync("articles:read");
        using var script = Script(secret);
        (await script.GetAsync("/api/v1/articles")).StatusCode.Should().Be(HttpStatusCode.OK);

        _api.Clock.Advance(TimeSpan.FromDays(1));

        using var response = await script.GetAsync("/api/v1/articles");
        await response.ReadProblemAsync(401, "unauthorized");
        response.Headers.WwwAuthenticate.ToString().Should().Be(InvalidToken);
    }

    [Fact]
    public async Task Deactivating_the_user_stops_the_token_at_once_and_deleting_the_user_deletes_it()
    {
        var secret = await SignedInTokenAsync("articles:read");
        using var script = Script(secret);
        (await script.GetAsync("/api/v1/articles")).StatusCode.Should().Be(HttpStatusCode.OK);

        // What `users deactivate` does to the user's row.
        await _api.Database.ExecuteAsync("UPDATE users SET active = FALSE");

        using var response = await script.GetAsync("/api/v1/articles");
        await response.ReadProblemAsync(401, "unauthorized");
        response.Headers.WwwAuthenticate.ToString().Should().Be(InvalidToken);

        await _api.Database.ExecuteAsync("DELETE FROM sessions");
        await _api.Database.ExecuteAsync("DELETE FROM users");
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM access_tokens")).Should().Be(0);
    }

    [Fact]
    public async Task With_a_bearer_token_the_cookie_is_ignored_and_a_bad_token_never_falls_back_to_it()
    {
        using var browser = _api.CreateApiClient();
        await browser.RegisterAsync("alice");
        var (_, readOnly) = await CreateTokenAsync(browser, "read only", "articles:read");

        // The session alone may publish; with a read-only token beside it, the token decides.
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/articles") { Content = JsonContent.Create(new { title = "A title", content = "Some content for the article." }) })
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", readOnly);
            using var response = await browser.SendAsync(request);
            await response.ReadProblemAsync(403, "forbidden");
        }

        // A bogus token beside a valid cookie and a valid CSRF pair: 401, not the session.
        foreach (var (method, path) in new[] { ("GET", "/api/v1/articles"), ("POST", "/api/v1/articles"), ("POST", "/api/v1/logout"), ("GET", "/api/v1/users/current") })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = method is "POST" or "PUT" ? JsonContent.Create(new { title = "A title", content = "Some content for the article." }) : null,
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "blog_pat_" + new string('A', 43));
            using var response = await browser.SendAsync(request);
            await response.ReadProblemAsync(401, "unauthorized");
            response.Headers.WwwAuthenticate.ToString().Should().Be(InvalidToken);
        }

        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM articles")).Should().Be(0);
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM sessions")).Should().Be(1, "the bogus logout did not end the session");
        using var stillSignedIn = await browser.GetAsync("/api/v1/users/current");
        stillSignedIn.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_Authorization_scheme_beside_the_cookie_still_needs_the_CSRF_token()
    {
        using var browser = _api.CreateApiClient();
        await browser.RegisterAsync("alice");
        browser.EchoXsrfToken = false;

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/articles") { Content = JsonContent.Create(new { title = "A title", content = "Some content for the article." }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "YWxpY2U6eA==");
        using var response = await browser.SendAsync(request);

        await response.ReadProblemAsync(400, "csrf");
    }

    [Fact]
    public async Task Last_use_is_recorded_at_most_once_a_minute()
    {
        var secret = await SignedInTokenAsync("articles:read");
        using var script = Script(secret);

        (await script.GetAsync("/api/v1/articles")).Dispose();
        _api.Clock.Advance(TimeSpan.FromSeconds(30));
        (await script.GetAsync("/api/v1/articles")).Dispose();

        (await LastUsedAtAsync()).Should().Be("2026-11-26T22:44:10Z", "the second use came within the minute");

        _api.Clock.Advance(TimeSpan.FromSeconds(31));
        (await script.GetAsync("/api/v1/articles")).Dispose();

        (await LastUsedAtAsync()).Should().Be("2026-11-26T22:45:11Z");
    }

    [Fact]
    public async Task Failed_bearer_authentications_are_limited_per_client_address_and_a_valid_token_still_works()
    {
        await _api.DisposeAsync();
        _api = new BlogApiFactory(new() { ["Blog:RateLimits:BearerFailuresPerMinute"] = "3" });
        var secret = await SignedInTokenAsync("articles:read");
        using var attacker = Script("blog_pat_" + new string('B', 43));

        for (var i = 0; i < 3; i++)
        {
            using var failed = await attacker.GetAsync("/api/v1/articles");
            await failed.ReadProblemAsync(401, "unauthorized");
        }

        using var limited = await attacker.GetAsync("/api/v1/articles");
        await limited.ReadProblemAsync(429, "rate-limited");
        limited.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromMinutes(1));

        using (var valid = await Script(secret).GetAsync("/api/v1/articles"))
        {
            valid.StatusCode.Should().Be(HttpStatusCode.OK, "only failures are counted");
        }

        _api.Clock.Advance(TimeSpan.FromMinutes(1));
        using var nextMinute = await attacker.GetAsync("/api/v1/articles");
        await nextMinute.ReadProblemAsync(401, "unauthorized");
    }

    [Fact]
    public async Task Creating_revoking_and_failed_bearer_authentications_are_logged_without_the_secret()
    {
        var logs = new LogSink();
        await _api.DisposeAsync();
        _api = new BlogApiFactory(
            new() { ["Blog:RateLimits:BearerFailuresPerMinute"] = "2", ["Logging:LogLevel:Default"] = "Information" },
            services => services.AddSingleton<ILoggerProvider>(logs));
        using var browser = _api.CreateApiClient();
        await browser.RegisterAsync("alice");
        var (id, secret) = await CreateTokenAsync(browser, "ci");
        (await Script(secret).GetAsync("/api/v1/articles")).Dispose();
        (await browser.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{Tokens}/{id}"))).Dispose();
        (await Script(secret).GetAsync("/api/v1/articles")).Dispose();
        (await Script("garbage").GetAsync("/api/v1/articles")).Dispose();
        (await Script("garbage").GetAsync("/api/v1/articles")).Dispose();

        var lines = logs.Lines.ToList();
        lines.Should().Contain(line => line.Contains("[7001]") && line.Contains("UserId=1") && line.Contains($"TokenId={id}") && line.Contains("Scopes=articles:read"));
        lines.Should().Contain(line => line.Contains("[7002]") && line.Contains("UserId=1") && line.Contains($"TokenId={id}"));
        lines.Should().Contain(line => line.Contains("[7003]") && line.Contains("Reason=unknown or revoked"));
        lines.Should().Contain(line => line.Contains("[7003]") && line.Contains("Reason=malformed"));
        lines.Should().Contain(line => line.Contains("[7004]"), "the third failure is past the limit of two");
        var randomPart = secret[AccessTokenSecret.Prefix.Length..];
        lines.Should().NotContain(line => line.Contains(randomPart));
    }

    private async Task<string?> LastUsedAtAsync()
    {
        using var client = _api.CreateApiClient();
        await client.StartAsync();
        using (var login = await client.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = "correct horse battery staple" }))
        {
            login.StatusCode.Should().Be(HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        }

        using var list = await client.GetAsync(Tokens);
        list.StatusCode.Should().Be(HttpStatusCode.OK, await list.Content.ReadAsStringAsync());
        return (await list.ReadJsonAsync())[0].GetProperty("lastUsedAt").GetString();
    }

    /// <summary>Registers alice in a browser and returns the secret of a token with <paramref name="scopes"/>, valid one day.</summary>
    private async Task<string> SignedInTokenAsync(params string[] scopes)
    {
        using var browser = _api.CreateApiClient();
        await browser.RegisterAsync("alice");
        return (await CreateTokenAsync(browser, "script", scopes)).Secret;
    }

    private static async Task<(long Id, string Secret)> CreateTokenAsync(ApiClient browser, string name, params string[] scopes) =>
        await CreateTokenAsync(browser, name, expiresInDays: 1, scopes);

    private static async Task<(long Id, string Secret)> CreateTokenAsync(ApiClient browser, string name, int expiresInDays, params string[] scopes)
    {
        using var response = await browser.PostJsonAsync(Tokens, new { name, expiresInDays, scopes = scopes.Length == 0 ? ["articles:read"] : scopes });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var token = await response.ReadJsonAsync();
        return (token.GetProperty("id").GetInt64(), token.GetProperty("token").GetString()!);
    }

    /// <summary>A script's client: no cookies, no XSRF token, only the bearer token.</summary>
    private HttpClient Script(string secret)
    {
        var client = _api.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + secret);
        return client;
    }
}
