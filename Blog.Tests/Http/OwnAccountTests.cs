using System.Net;
using System.Net.Http.Json;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.Http;

/// <summary>The contract's "Accounts" section through the real host: password change, sessions, export, deletion.</summary>
public sealed class OwnAccountTests : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private const string NewPassword = "a brand new passphrase 42";
    private const string Firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

    private readonly BlogApiFactory _api = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task A_password_change_ends_every_other_session_and_this_one_continues_under_a_new_key_and_token()
    {
        using var a = _api.CreateApiClient();
        await a.RegisterAsync("alice", password: Password);
        using var b = await SignedInAsync("alice", Password);
        var oldKey = a.CookieValue("blog_session")!;
        var oldToken = a.CookieValue("XSRF-TOKEN")!;

        using var response = await a.PostJsonAsync("/api/v1/users/current/password", new { currentPassword = Password, newPassword = NewPassword });

        response.StatusCode.Should().Be(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
        a.CookieValue("blog_session").Should().NotBeNullOrEmpty().And.NotBe(oldKey);
        a.CookieValue("XSRF-TOKEN").Should().NotBeNullOrEmpty().And.NotBe(oldToken);
        (await a.GetAsync("/api/v1/users/current")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await a.PostJsonAsync("/api/v1/users/current/sessions/end-others", new { })).StatusCode.Should().Be(HttpStatusCode.NoContent, "the new token works");
        await (await b.GetAsync("/api/v1/articles")).ReadProblemAsync(401, "unauthorized");
        using var stolen = WithSessionCookie(oldKey);
        await (await stolen.GetAsync("/api/v1/users/current")).ReadProblemAsync(401, "unauthorized");
        (await (await a.GetAsync("/api/v1/users/current/sessions")).ReadJsonAsync()).GetArrayLength().Should().Be(1);
        using var login = _api.CreateApiClient();
        await login.StartAsync();
        (await login.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = NewPassword })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_current_password_is_400_and_five_lock_the_account_with_429_and_Retry_After()
    {
        using var a = _api.CreateApiClient();
        await a.RegisterAsync("alice", password: Password);

        for (var i = 0; i < 5; i++)
        {
            var problem = await (await a.PostJsonAsync("/api/v1/users/current/password", new { currentPassword = "wrong password", newPassword = NewPassword }))
                .ReadProblemAsync(400, "validation");
            problem.FieldErrors("currentPassword").Should().Equal("The current password is wrong.");
        }

        using var locked = await a.PostJsonAsync("/api/v1/users/current/password", new { currentPassword = Password, newPassword = NewPassword });
        await locked.ReadProblemAsync(429, "locked-out");
        locked.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromMinutes(5));
        using var login = _api.CreateApiClient();
        await login.StartAsync();
        await (await login.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = Password })).ReadProblemAsync(429, "locked-out");
    }

    [Fact]
    public async Task The_new_password_follows_the_registration_rules()
    {
        using var a = _api.CreateApiClient();
        await a.RegisterAsync("alice", password: Password);

        var problem = await (await a.PostJsonAsync("/api/v1/users/current/password", new { currentPassword = Password, newPassword = "password123" }))
            .ReadProblemAsync(400, "validation");

        problem.FieldErrors("newPassword").Should().Equal("This password is too common. Choose another.");
    }

    [Fact]
    public async Task Sessions_are_listed_with_device_masked_address_and_the_current_one_and_never_another_users()
    {
        using var a = _api.CreateApiClient();
        await a.RegisterAsync("alice", password: Password);
        using var b = await SignedInAsync("alice", Password, Firefox);
        using var bob = _api.CreateApiClient();
        await bob.RegisterAsync("bob");

        var sessions = (await (await a.GetAsync("/api/v1/users/current/sessions")).ReadJsonAsync()).EnumerateArray().ToList();

        sessions.Should().HaveCount(2);
        sessions.Should().ContainSingle(session => session.GetProperty("current").GetBoolean());
        var firefox = sessions.Single(session => !session.GetProperty("current").GetBoolean());
        firefox.GetProperty("device").GetString().Should().Be("Firefox on Windows");
        firefox.GetProperty("userAgent").GetString().Should().Be(Firefox);
        firefox.GetProperty("id").GetString().Should().NotBe(b.CookieValue("blog_session"));
        firefox.GetProperty("createdAt").GetString().Should().EndWith("Z");
        firefox.GetProperty("lastSeenAt").GetString().Should().EndWith("Z");
        await (await bob.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/users/current/sessions/" + firefox.GetProperty("id").GetString())))
            .ReadProblemAsync(404, "not-found");
        (await b.GetAsync("/api/v1/users/current")).StatusCode.Should().Be(HttpStatusCode.OK, "another user cannot end it");
    }

    [Fact]
    public async Task Ending_another_session_makes_its_next_request_401_and_an_unknown_id_is_404()
    {
        using var a = _api.CreateApiClient();
        await a.RegisterAsync("alice", password: Password);
        using var b = await SignedInAsync("alice", Password);
        var other = await OtherSessionIdAsync(a);

        (await a.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/users/current/sessions/" + other))).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await (await b.GetAsync("/api/v1/articles")).ReadProblemAsync(401, "unauthorized");
        (await a.GetAsync("/api/v1/users/current")).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await a.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/users/current/sessions/" + other))).ReadProblemAsync(404, "not-found");
    }

    [Fact]
    public async Task Ending_the_current_session_is_a_logout()
    {
        using var a = _api.CreateApiClient();
        await a.RegisterAsync("alice", password: Password);
        var current = (await (await a.GetAsync("/api/v1/users/current/sessions")).ReadJsonAsync())[0].GetProperty("id").GetString();
        var key = a.CookieValue("blog_session")!;

        using var response = await a.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/users/current/sessions/" + current));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.SetCookie("blog_session").Should().Contain("expires=Thu, 01 Jan 1970");
        response.SetCookie("XSRF-TOKEN").Should().NotBeNull();
        await (await a.GetAsync("/api/v1/users/current")).ReadProblemAsync(401);
        using var stolen = WithSessionCookie(key);
        await (await stolen.GetAsync("/api/v1/users/current")).ReadProblemAsync(401);
        (await a.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = Password })).StatusCode.Should().Be(HttpStatusCode.OK, "the token is the anonymous one");
    }

    [Fact]
    public async Task End_others_ends_every_other_session()
    {
        using var a = _api.CreateApiClient();
        await a.RegisterAsync("alice", password: Password);
        using var b = await SignedInAsync("alice", Password);
        using var c = await SignedInAsync("alice", Password);

        (await a.PostAsync("/api/v1/users/current/sessions/end-others", "", "application/json")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await (await b.GetAsync("/api/v1/users/current")).ReadProblemAsync(401);
        await (await c.GetAsync("/api/v1/users/current")).ReadProblemAsync(401);
        (await a.GetAsync("/api/v1/users/current")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Last_seen_is_written_at_most_once_a_minute()
    {
        using var a = _api.CreateApiClient();
        await a.RegisterAsync("alice", password: Password);
        var start = await LastSeenAsync();

        _api.Clock.Advance(TimeSpan.FromSeconds(59));
        await a.GetAsync("/api/v1/users/current");
        (await LastSeenAsync()).Should().Be(start);

        _api.Clock.Advance(TimeSpan.FromSeconds(2));
        await a.GetAsync("/api/v1/users/current");
        (await LastSeenAsync()).Should().Be(start + TimeSpan.FromSeconds(61));

        _api.Clock.Advance(TimeSpan.FromSeconds(30));
        await a.GetAsync("/api/v1/users/current");
        (await LastSeenAsync()).Should().Be(start + TimeSpan.FromSeconds(61));
    }

    [Fact]
    public async Task The_export_is_a_json_attachment_with_the_user_and_every_article()
    {
        using var a = _api.CreateApiClient();
        var alice = await a.RegisterAsync("alice", password: Password);
        await a.CreateArticleAsync("First", "The first article.");
        await a.CreateArticleAsync("Second", "The second article.");

        using var response = await a.GetAsync("/api/v1/users/current/export");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        response.Content.Headers.ContentDisposition!.ToString()
            .Should().Be($"attachment; filename=\"blog-export-alice-{_api.Clock.GetUtcNow():yyyy-MM-dd}.json\"");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var export = await response.ReadJsonAsync();
        export.GetProperty("user").GetProperty("username").GetString().Should().Be("alice");
        export.GetProperty("user").GetProperty("id").GetInt64().Should().Be(alice.GetProperty("id").GetInt64());
        export.GetProperty("articles").EnumerateArray().Select(article => article.GetProperty("title").GetString()).Should().Equal("Second", "First");
        export.GetProperty("articles")[0].GetProperty("author").GetProperty("username").GetString().Should().Be("alice");
    }

    [Fact]
    public async Task Deleting_the_account_needs_the_password_and_frees_the_username()
    {
        using var a = _api.CreateApiClient();
        await a.RegisterAsync("alice", password: Password);
        await a.CreateArticleAsync();
        using var b = await SignedInAsync("alice", Password);

        var wrong = await (await a.SendAsync(Delete("/api/v1/users/current", new { password = "wrong password" }))).ReadProblemAsync(400, "validation");
        wrong.FieldErrors("password").Should().Equal("The password is wrong.");
        using var response = await a.SendAsync(Delete("/api/v1/users/current", new { password = Password }));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.SetCookie("blog_session").Should().Contain("expires=Thu, 01 Jan 1970");
        response.SetCookie("XSRF-TOKEN").Should().NotBeNull();
        await (await a.GetAsync("/api/v1/users/current")).ReadProblemAsync(401);
        await (await b.GetAsync("/api/v1/users/current")).ReadProblemAsync(401);
        await (await a.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = Password })).ReadProblemAsync(401);
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM articles")).Should().Be(0);
        await a.RegisterAsync("alice", password: NewPassword);
    }

    [Theory]
    [InlineData("POST", "/api/v1/users/current/password")]
    [InlineData("GET", "/api/v1/users/current/sessions")]
    [InlineData("DELETE", "/api/v1/users/current/sessions/abc")]
    [InlineData("POST", "/api/v1/users/current/sessions/end-others")]
    [InlineData("GET", "/api/v1/users/current/export")]
    [InlineData("DELETE", "/api/v1/users/current")]
    public async Task Every_account_endpoint_is_401_when_anonymous(string method, string path)
    {
        using var client = _api.CreateApiClient();
        await client.StartAsync();

        using var response = await client.SendAsync(Request(method, path, new { currentPassword = Password, newPassword = NewPassword, password = Password }));

        await response.ReadProblemAsync(401, "unauthorized");
    }

    [Theory]
    [InlineData("POST", "/api/v1/users/current/password")]
    [InlineData("DELETE", "/api/v1/users/current/sessions/abc")]
    [InlineData("POST", "/api/v1/users/current/sessions/end-others")]
    [InlineData("DELETE", "/api/v1/users/current")]
    public async Task Every_unsafe_account_endpoint_needs_the_csrf_token(string method, string path)
    {
        using var a = _api.CreateApiClient();
        await a.RegisterAsync("alice", password: Password);
        a.EchoXsrfToken = false;

        using var response = await a.SendAsync(Request(method, path, new { currentPassword = Password, newPassword = NewPassword, password = Password }));

        await response.ReadProblemAsync(400, "csrf");
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM users")).Should().Be(1);
    }

    [Fact]
    public async Task Password_change_and_deletion_share_a_rate_limit_per_client_address()
    {
        await using var api = new BlogApiFactory(new() { ["Blog:RateLimits:AccountPerMinute"] = "2" });
        using var a = api.CreateApiClient();
        await a.RegisterAsync("alice", password: Password);

        await (await a.PostJsonAsync("/api/v1/users/current/password", new { currentPassword = "", newPassword = "" })).ReadProblemAsync(400);
        await (await a.SendAsync(Delete("/api/v1/users/current", new { password = "" }))).ReadProblemAsync(400);
        using var refused = await a.PostJsonAsync("/api/v1/users/current/password", new { currentPassword = Password, newPassword = NewPassword });

        await refused.ReadProblemAsync(429, "rate-limited");
        refused.Headers.RetryAfter.Should().NotBeNull();
    }

    private async Task<ApiClient> SignedInAsync(string username, string password, string? userAgent = null)
    {
        var client = _api.CreateApiClient();
        await client.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/login") { Content = JsonContent.Create(new { usernameOrEmail = username, password }) };
        if (userAgent is not null)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }

        (await client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.OK);
        return client;
    }

    private ApiClient WithSessionCookie(string key)
    {
        var client = _api.CreateApiClient();
        client.Cookies.Add(client.BaseAddress, new Cookie("blog_session", key));
        return client;
    }

    private static async Task<string> OtherSessionIdAsync(ApiClient client) =>
        (await (await client.GetAsync("/api/v1/users/current/sessions")).ReadJsonAsync()).EnumerateArray()
            .Single(session => !session.GetProperty("current").GetBoolean()).GetProperty("id").GetString()!;

    private async Task<DateTime> LastSeenAsync() =>
        (await _api.Database.QueryAsync<DateTime>("SELECT last_seen_at FROM sessions")).Single();

    private static HttpRequestMessage Delete(string path, object body) =>
        new(HttpMethod.Delete, path) { Content = JsonContent.Create(body) };

    private static HttpRequestMessage Request(string method, string path, object body) =>
        new(new HttpMethod(method), path) { Content = method == "GET" ? null : JsonContent.Create(body) };
}
