using System.Net;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.Http;

/// <summary>What the host serves besides the API: the client with its CSP, the OpenAPI document and the health check.</summary>
public sealed class HostingTests : IAsyncLifetime
{
    private readonly string _client = Directory.CreateTempSubdirectory("blog-client-").FullName;
    private BlogApiFactory _api = null!;

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_client, "index.html"), "<!doctype html><title>Blog</title><app-root></app-root>");
        await File.WriteAllTextAsync(Path.Combine(_client, "main-ABC123.js"), "console.log('blog');");
        _api = new BlogApiFactory(new() { ["Blog:Client:RootPath"] = _client });
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        Directory.Delete(_client, recursive: true);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/articles")]
    [InlineData("/articles/42")]
    [InlineData("/login")]
    public async Task Page_addresses_outside_api_get_index_html_with_a_CSP_that_allows_no_inline_script(string path)
    {
        using var client = _api.CreateApiClient();
        using var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain("<app-root>");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.Should().Contain("script-src 'self'").And.NotContain("unsafe-eval").And.Contain("frame-ancestors 'none'");
        csp.Split(';').Single(directive => directive.Trim().StartsWith("script-src", StringComparison.Ordinal)).Should().NotContain("unsafe-inline");
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
    }

    [Fact]
    public async Task Built_files_are_served_as_they_are()
    {
        using var client = _api.CreateApiClient();
        using var response = await client.GetAsync("/main-ABC123.js");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("blog");
    }

    [Fact]
    public async Task Unknown_api_paths_stay_404_problems_when_the_client_is_served()
    {
        using var client = _api.CreateApiClient();
        using var response = await client.GetAsync("/api/v1/unknown");

        await response.ReadProblemAsync(404);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_endpoint()
    {
        using var client = _api.CreateApiClient();
        using var response = await client.GetAsync("/openapi/v1.json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var paths = (await response.ReadJsonAsync()).GetProperty("paths");
        paths.EnumerateObject().Select(path => path.Name).Should().BeEquivalentTo(
            "/api/v1/users/current", "/api/v1/register", "/api/v1/login", "/api/v1/logout", "/api/v1/articles", "/api/v1/articles/{id}",
            "/api/v1/articles/preview",
            "/api/v1/users/current/password", "/api/v1/users/current/sessions", "/api/v1/users/current/sessions/{id}",
            "/api/v1/users/current/sessions/end-others", "/api/v1/users/current/export",

            "/api/v1/users/current/tokens", "/api/v1/users/current/tokens/{id}");
        paths.GetProperty("/api/v1/login").GetProperty("post").GetProperty("responses").EnumerateObject().Select(status => status.Name)
            .Should().Contain(["200", "400", "401", "403", "415", "429"]);
    }

    [Fact]
    public async Task Health_is_200_when_the_database_answers()
    {
        using var client = _api.CreateApiClient();
        using var response = await client.GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
