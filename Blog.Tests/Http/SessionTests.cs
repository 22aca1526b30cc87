using System.Net;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.Http;

/// <summary>API.md, "Sessions and CSRF": the session cookie and the server-side session behind it.</summary>
public sealed class SessionTests : IAsyncLifetime
{
    private readonly BlogApiFactory _api = new(new()
    {
        ["Blog:Sessions:IdleTimeout"] = "02:00:00",
        ["Blog:Sessions:AbsoluteLifetime"] = "7.00:00:00",
    });

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task Signing_in_sets_one_HttpOnly_SameSite_Strict_session_cookie_on_path_root()
    {
        using var client = _api.CreateApiClient();
        await client.StartAsync();
        using var response = await client.PostJsonAsync("/api/v1/register", new { username = "alice", email = "alice@example.com", password = "correct horse battery staple" });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.SetCookies().Where(cookie => cookie.StartsWith("blog_session=", StringComparison.Ordinal)).Should().ContainSingle();
        var session = response.SetCookie("blog_session")!.ToLowerInvariant();
        session.Should().Contain("httponly").And.Contain("samesite=strict").And.Contain("path=/").And.NotContain("secure");
    }

    [Fact]
    public async Task The_session_cookie_is_Secure_and_Host_prefixed_when_the_request_is_HTTPS()
    {
        using var client = _api.CreateApiClient(https: true);
        await client.StartAsync();
        using var response = await client.PostJsonAsync("/api/v1/register", new { username = "alice", email = "alice@example.com", password = "correct horse battery staple" });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.SetCookie("blog_session").Should().BeNull("on HTTPS the session cookie's name carries the __Host- prefix");
        var session = response.SetCookie("__Host-blog_session")!.ToLowerInvariant();
        session.Should().Contain("secure").And.Contain("path=/").And.NotContain("domain=");
        response.SetCookie("XSRF-TOKEN")!.ToLowerInvariant().Should().Contain("secure");
    }

    [Fact]
    public async Task The_session_cookie_holds_a_key_of_a_server_side_session_not_the_identity()
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");

        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM sessions WHERE user_id = 1")).Should().Be(1);
        client.CookieValue("blog_session").Should().NotContain("alice");
    }

    [Fact]
    public async Task Logout_deletes_the_session_on_the_server_so_a_copied_cookie_stops_working()
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");
        var copied = client.CookieValue("blog_session")!;

        using var logout = await client.PostJsonAsync("/api/v1/logout", new { });
        logout.StatusCode.Should().Be(HttpStatusCode.NoContent);
        logout.SetCookie("blog_session").Should().Contain("expires=Thu, 01 Jan 1970");
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM sessions")).Should().Be(0);

        using var thief = _api.CreateApiClient();
        thief.Cookies.Add(thief.BaseAddress, new Cookie("blog_session", copied));
        using var replay = await thief.GetAsync("/api/v1/users/current");
        await replay.ReadProblemAsync(401);
    }

    [Fact]
    public async Task Logout_takes_an_empty_body_without_a_content_type()
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");

        using var logout = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/logout"));

        logout.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM sessions")).Should().Be(0);
    }

    [Fact]
    public async Task Deactivating_the_account_ends_its_sessions_at_once()
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");

        await _api.Database.ExecuteAsync("UPDATE users SET active = FALSE WHERE username = 'alice'");

        using var response = await client.GetAsync("/api/v1/users/current");
        await response.ReadProblemAsync(401);
    }

    [Fact]
    public async Task A_session_idle_for_longer_than_the_idle_timeout_ends()
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");

        _api.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));

        using var response = await client.GetAsync("/api/v1/users/current");
        await response.ReadProblemAsync(401);
    }

    [Fact]
    public async Task Requests_slide_the_idle_timeout()
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");

        for (var hour = 0; hour < 5; hour++)
        {
            _api.Clock.Advance(TimeSpan.FromMinutes(90));
            using var response = await client.GetAsync("/api/v1/users/current");
            response.StatusCode.Should().Be(HttpStatusCode.OK, $"a request every 90 minutes keeps the session ({hour})");
        }
    }

    [Fact]
    public async Task A_session_ends_after_its_absolute_lifetime_however_active()
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");

        HttpStatusCode status = HttpStatusCode.OK;
        var elapsed = TimeSpan.Zero;
        while (elapsed < TimeSpan.FromDays(7) + TimeSpan.FromHours(2))
        {
            _api.Clock.Advance(TimeSpan.FromMinutes(90));
            elapsed += TimeSpan.FromMinutes(90);
            using var response = await client.GetAsync("/api/v1/users/current");
            status = response.StatusCode;
            if (status != HttpStatusCode.OK)
            {
                break;
            }
        }

        status.Should().Be(HttpStatusCode.Unauthorized);
        elapsed.Should().BeGreaterThan(TimeSpan.FromDays(7) - TimeSpan.FromHours(2)).And.BeLessThanOrEqualTo(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(90));
    }

    [Fact]
    public async Task Every_sign_in_starts_a_new_session_under_a_new_key()
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");
        var staleCookie = client.CookieValue("blog_session")!;
        _api.Clock.Advance(TimeSpan.FromHours(3));
        await client.StartAsync();

        using var login = await client.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = "correct horse battery staple" });

        login.StatusCode.Should().Be(HttpStatusCode.OK);
        client.CookieValue("blog_session").Should().NotBe(staleCookie);
        using var current = await client.GetAsync("/api/v1/users/current");
        current.StatusCode.Should().Be(HttpStatusCode.OK);
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM sessions WHERE expires_at > '2026-11-27'")).Should().Be(1);
    }

    [Fact]
    public async Task A_signed_in_client_signs_out_before_signing_in_again()
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");

        // Sign-in requests are anonymous whatever cookie they carry, so the signed-in identity's token does not fit.
        using var login = await client.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = "correct horse battery staple" });
        (await login.ReadProblemAsync(400)).GetProperty("title").GetString().Should().Be("Invalid or missing CSRF token.");

        (await client.PostJsonAsync("/api/v1/logout", new { })).Dispose();
        using var again = await client.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = "correct horse battery staple" });
        again.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
