using System.Data.Common;
using System.Net;
using Blog.Features.Common.Data;
using Blog.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Blog.Tests.Http;

/// <summary>API.md, "General rules": every error is problem JSON, never HTML, a redirect or a stack trace.</summary>
public sealed class ErrorResponseTests : IAsyncLifetime
{
    private readonly BlogApiFactory _api = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task Anonymous_is_a_401_problem_without_redirect_or_Location()
    {
        using var client = _api.CreateApiClient();
        using var response = await client.GetAsync("/api/v1/articles");

        await response.ReadProblemAsync(401, "unauthorized");
        response.Headers.Location.Should().BeNull();
    }

    [Fact]
    public async Task A_user_without_the_author_role_gets_a_403_problem_when_publishing()
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("reader");
        await _api.Database.ExecuteAsync("DELETE FROM user_roles");
        (await client.PostJsonAsync("/api/v1/logout", new { })).Dispose();
        (await client.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "reader", password = "correct horse battery staple" })).Dispose();

        using var response = await client.PostJsonAsync("/api/v1/articles", new { title = "A title", content = "Some content here." });

        await response.ReadProblemAsync(403, "forbidden");
        response.Headers.Location.Should().BeNull();
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM articles")).Should().Be(0);
    }

    [Theory]
    [InlineData("/api/v1/nothing-here")]
    [InlineData("/api/v2/articles")]
    [InlineData("/api")]
    [InlineData("/api/v1/articles/not-a-number")]
    public async Task Unknown_paths_under_api_are_404_problems(string path)
    {
        using var client = _api.CreateApiClient();
        using var response = await client.GetAsync(path);

        await response.ReadProblemAsync(404, "not-found");
    }

    [Theory]
    [InlineData("GET", "/api/v1/login", "POST")]
    [InlineData("GET", "/api/v1/register", "POST")]
    [InlineData("DELETE", "/api/v1/articles", "GET, POST")]
    [InlineData("PUT", "/api/v1/users/current", "DELETE, GET")]
    public async Task Another_method_is_a_405_problem_with_Allow_and_no_cookie(string method, string path, string allow)
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await response.ReadProblemAsync(405, "method-not-allowed");
        string.Join(", ", response.Content.Headers.Allow.Order()).Should().Be(allow);
        response.SetCookies().Should().BeEmpty();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/xml")]
    [InlineData("application/json; charset=bogus")]
    [InlineData("application/json; charset=utf-16")]
    public async Task A_body_that_is_not_JSON_is_a_415_problem_with_no_cookie(string contentType)
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");
        _api.Clock.Advance(TimeSpan.FromMinutes(90)); // past half the idle timeout: a refresh would set the cookie again

        using var response = await client.PostAsync("/api/v1/articles", "title=x", contentType);

        await response.ReadProblemAsync(415, "unsupported-media-type");
        response.SetCookies().Should().BeEmpty();
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM articles")).Should().Be(0);
    }

    [Theory]
    [InlineData("application/merge-patch+json")]
    [InlineData("application/vnd.evil+json")]
    [InlineData("text/json")]
    [InlineData("application/json; profile=x")]
    public async Task A_JSON_body_under_another_media_type_is_a_415_problem_and_stores_nothing(string contentType)
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");

        using var response = await client.PostAsync("/api/v1/articles", """{"title":"A title","content":"Some content here."}""", contentType);

        await response.ReadProblemAsync(415);
        response.SetCookies().Should().BeEmpty();
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM articles")).Should().Be(0);
    }

    [Fact]
    public async Task JSON_with_a_charset_is_accepted()
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");

        using var response = await client.PostAsync("/api/v1/articles", """{"title":"A title","content":"Some content here."}""", "application/json; charset=utf-8");

        response.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"title": 5, "content": "Some content here."}""")]
    [InlineData("""{"title": ["a"], "content": "Some content here."}""")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("")]
    public async Task A_body_that_is_not_valid_JSON_or_has_a_wrong_type_is_a_400_problem(string body)
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");

        using var response = await client.PostAsync("/api/v1/articles", body, "application/json");

        await response.ReadProblemAsync(400, "malformed-request");
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM articles")).Should().Be(0);
    }

    // PostgreSQL refuses U+0000 in text with an error for the whole statement; every field refuses it first, on both engines.
    [Theory]
    [InlineData("POST", "/api/v1/login", """{"usernameOrEmail": "al\u0000ice", "password": "correct horse battery staple"}""", "usernameOrEmail")]
    [InlineData("POST", "/api/v1/register", """{"username": "bob", "email": "b\u0000@example.com", "password": "a fine passphrase"}""", "email")]
    [InlineData("POST", "/api/v1/articles", """{"title": "A \u0000 title", "content": "Some content here."}""", "title")]
    [InlineData("PUT", "/api/v1/articles/1", """{"title": "A title", "content": "Some \u0000 content here."}""", "content")]
    [InlineData("POST", "/api/v1/articles/preview", """{"content": "Some \u0000 content here."}""", "content")]
    [InlineData("GET", "/api/v1/articles?q=a%00b", null, "q")]
    [InlineData("POST", "/api/v1/users/current/tokens", """{"name": "ci\u0000", "expiresInDays": 1, "scopes": ["articles:read"]}""", "name")]
    [InlineData("POST", "/api/v1/users/current/password", """{"currentPassword": "correct horse battery staple", "newPassword": "a new\u0000passphrase"}""", "newPassword")]
    public async Task A_NUL_character_in_any_text_is_a_400_naming_the_field_and_changes_nothing(string method, string path, string? body, string field)
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");
        // Signing in and registering take a token pair of an anonymous visitor.
        using var visitor = _api.CreateApiClient();
        await visitor.StartAsync();

        using var response = await (path is "/api/v1/login" or "/api/v1/register" ? visitor : client).SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = body is null ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        });

        var problem = await response.ReadProblemAsync(400, "validation");
        problem.GetProperty("errors").GetProperty(field)[0].GetString().Should().Be("Text may not contain the NUL character (U+0000).");
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM articles")).Should().Be(0);
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM access_tokens")).Should().Be(0);
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM users")).Should().Be(1);
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM sessions")).Should().Be(1, "the password change ended nothing");
    }

    [Fact]
    public async Task A_body_over_64_KiB_is_a_413_problem()
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");
        var body = $$"""{"title":"Big","content":"{{new string('a', 64 * 1024)}}"}""";

        using var response = await client.PostAsync("/api/v1/articles", body, "application/json");

        await response.ReadProblemAsync(413, "too-large");
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM articles")).Should().Be(0);
    }

    [Fact]
    public async Task An_unexpected_failure_is_a_500_problem_without_details()
    {
        var database = new TestDatabase();
        await using var api = new BlogApiFactory(
            services: services => services.Replace(ServiceDescriptor.Singleton<IDbConnectionFactory>(new BrokenSessionLookUp(database.Factory))),
            database: database);
        using var client = api.CreateApiClient();
        await client.RegisterAsync("alice");

        using var response = await client.GetAsync("/api/v1/users/current");

        var problem = await response.ReadProblemAsync(500, "server-error");
        (await response.Content.ReadAsStringAsync()).Should().NotContain("secret-connection-detail");
        problem.TryGetProperty("detail", out _).Should().BeFalse();
    }

    [Fact]
    public async Task Every_api_response_carries_the_security_headers_and_no_store()
    {
        using var client = _api.CreateApiClient();
        using var ok = await client.GetAsync("/health");
        using var problem = await client.GetAsync("/api/v1/users/current");

        foreach (var response in new[] { ok, problem })
        {
            response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
            response.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
            response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        }

        problem.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_problems_the_host_answers_on_every_endpoint_they_can_come_from()
    {
        using var client = _api.CreateApiClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        var paths = (await response.ReadJsonAsync()).GetProperty("paths");

        string[] Statuses(string path, string method) =>
            paths.GetProperty(path).GetProperty(method).GetProperty("responses").EnumerateObject().Select(status => status.Name).ToArray();

        foreach (var path in new[] { "/api/v1/articles", "/api/v1/logout", "/api/v1/login", "/api/v1/register" })
        {
            Statuses(path, "post").Should().Contain(["400", "413", "415"], $"POST {path} takes a body behind the CSRF check");
        }

        Statuses("/api/v1/login", "post").Should().Contain("429");
        Statuses("/api/v1/register", "post").Should().Contain("429");
        Statuses("/api/v1/articles", "post").Should().Contain("429", "publishing is limited per user");
        Statuses("/api/v1/logout", "post").Should().NotContain("429", "signing out has no rate limit");
        Statuses("/api/v1/articles/{id}", "get").Should().NotContain(["400", "413", "415", "429"]);
    }

    /// <summary>The database works, but the session look-up fails with a message that must not leak.</summary>
    private sealed class BrokenSessionLookUp(IDbConnectionFactory database) : IDbConnectionFactory, IPreparedQuery
    {
        public DatabaseProvider Provider => database.Provider;

        public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => database.OpenAsync(cancellationToken);

        public Task<DbConnection> OpenForWriteAsync(CancellationToken cancellationToken) => database.OpenForWriteAsync(cancellationToken);

        public IPreparedQuery Prepare(string sql, params string[] parameterNames) => this;

        public Task<T?> QueryFirstOrDefaultAsync<T>(Func<DbDataReader, T> read, CancellationToken cancellationToken, params object?[] values)
            where T : class =>
            throw new InvalidOperationException("secret-connection-detail");

        public Task<IReadOnlyList<T>> QueryAsync<T>(Func<DbDataReader, T> read, CancellationToken cancellationToken, params object?[] values) =>
            throw new InvalidOperationException("secret-connection-detail");

        public void Dispose()
        {
        }
    }
}
