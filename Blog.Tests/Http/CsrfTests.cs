using System.Net;
using System.Text.RegularExpressions;
using Blog.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Tests.Http;

/// <summary>API.md, "Sessions and CSRF": the XSRF-TOKEN cookie, the X-XSRF-TOKEN header and their binding to the identity.</summary>
public sealed partial class CsrfTests : IAsyncLifetime
{
    private const string RefusalTitle = "Invalid or missing CSRF token.";
    private readonly BlogApiFactory _api = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task Current_user_issues_a_readable_SameSite_Strict_XSRF_TOKEN_and_an_HttpOnly_antiforgery_cookie()
    {
        using var client = _api.CreateApiClient();
        using var response = await client.GetAsync("/api/v1/users/current");

        await response.ReadProblemAsync(401);
        var xsrf = response.SetCookie("XSRF-TOKEN")!.ToLowerInvariant();
        xsrf.Should().Contain("samesite=strict").And.Contain("path=/").And.NotContain("httponly");
        response.SetCookie("blog_antiforgery")!.ToLowerInvariant().Should().Contain("httponly").And.Contain("samesite=strict");
    }

    [Theory]
    [InlineData("/api/v1/register", """{"username":"alice","email":"alice@example.com","password":"correct horse battery staple"}""")]
    [InlineData("/api/v1/login", """{"usernameOrEmail":"alice","password":"correct horse battery staple"}""")]
    [InlineData("/api/v1/logout", "{}")]
    [InlineData("/api/v1/articles", """{"title":"A title","content":"Some content here."}""")]
    public async Task Every_unsafe_request_without_the_header_is_refused(string path, string body)
    {
        using var client = _api.CreateApiClient();
        await client.StartAsync();
        client.EchoXsrfToken = false;

        using var response = await client.PostAsync(path, body, "application/json");

        (await response.ReadProblemAsync(400, "csrf")).GetProperty("title").GetString().Should().Be(RefusalTitle);
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM users")).Should().Be(0);
    }

    [Fact]
    public async Task Every_api_endpoint_that_takes_an_unsafe_method_checks_the_token()
    {
        using var client = _api.CreateApiClient();
        await client.StartAsync();
        client.EchoXsrfToken = false;
        var unsafeEndpoints = _api.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["POST"])
                .Where(method => method is not ("GET" or "HEAD" or "OPTIONS" or "TRACE"))
                .Select(method => (method, path: RouteParameter().Replace(endpoint.RoutePattern.RawText!, "1"))))
            .ToList();

        unsafeEndpoints.Should().Contain(("POST", "/api/v1/articles"), "the endpoints are found by their route");
        foreach (var (method, path) in unsafeEndpoints)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
            using var response = await client.SendAsync(request);

            (await response.ReadProblemAsync(400, "csrf")).GetProperty("title").GetString().Should().Be(RefusalTitle, $"{method} {path} is unsafe");
        }
    }

    [Fact]
    public async Task A_header_that_does_not_match_the_cookie_pair_is_refused()
    {
        using var client = _api.CreateApiClient();
        await client.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/register")
        {
            Content = new StringContent("""{"username":"alice","email":"alice@example.com","password":"correct horse battery staple"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-XSRF-TOKEN", "forged");

        using var response = await client.SendAsync(request);

        (await response.ReadProblemAsync(400)).GetProperty("title").GetString().Should().Be(RefusalTitle);
    }

    [Fact]
    public async Task A_token_from_another_browser_is_refused()
    {
        using var victim = _api.CreateApiClient();
        await victim.RegisterAsync("alice");
        using var attacker = _api.CreateApiClient();
        await attacker.StartAsync();

        // The attacker knows the victim's readable token but cannot send the victim's HttpOnly cookies.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/articles")
        {
            Content = new StringContent("""{"title":"Forged","content":"Forged content here."}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-XSRF-TOKEN", victim.CookieValue("XSRF-TOKEN"));
        using var response = await attacker.SendAsync(request);

        await response.ReadProblemAsync(400);
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM articles")).Should().Be(0);
    }

    [Fact]
    public async Task Sign_in_issues_a_new_token_and_the_token_from_before_sign_in_is_refused_after_it()
    {
        using var client = _api.CreateApiClient();
        await client.StartAsync();
        var anonymousToken = client.CookieValue("XSRF-TOKEN");

        using var register = await client.PostJsonAsync("/api/v1/register", new { username = "alice", email = "alice@example.com", password = "correct horse battery staple" });
        register.StatusCode.Should().Be(HttpStatusCode.Created);
        var signedInToken = register.SetCookie("XSRF-TOKEN");
        signedInToken.Should().NotBeNull();
        client.CookieValue("XSRF-TOKEN").Should().NotBe(anonymousToken);

        using var replay = new HttpRequestMessage(HttpMethod.Post, "/api/v1/articles")
        {
            Content = new StringContent("""{"title":"Replayed","content":"Replayed content here."}""", System.Text.Encoding.UTF8, "application/json"),
        };
        replay.Headers.Add("X-XSRF-TOKEN", anonymousToken);
        using var refused = await client.SendAsync(replay);
        (await refused.ReadProblemAsync(400)).GetProperty("title").GetString().Should().Be(RefusalTitle);

        using var accepted = await client.PostJsonAsync("/api/v1/articles", new { title = "Fresh", content = "With the new token." });
        accepted.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Logout_issues_a_token_for_the_anonymous_identity()
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");
        var signedInToken = client.CookieValue("XSRF-TOKEN");

        using var logout = await client.PostJsonAsync("/api/v1/logout", new { });
        logout.StatusCode.Should().Be(HttpStatusCode.NoContent);
        logout.SetCookie("XSRF-TOKEN").Should().NotBeNull();
        client.CookieValue("XSRF-TOKEN").Should().NotBe(signedInToken);

        using var login = await client.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = "correct horse battery staple" });
        login.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Safe_requests_need_no_token()
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");
        client.EchoXsrfToken = false;

        using var response = await client.GetAsync("/api/v1/articles");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
