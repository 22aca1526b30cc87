using System.Net;
using System.Text.Json;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.Http;

/// <summary>
/// The OpenAPI document as tools read it, and its committed copy, from which the client's types are generated
/// (<c>npm run api:generate</c>).
/// </summary>
public sealed class OpenApiTests(OpenApiTests.ServedDocument served) : IClassFixture<OpenApiTests.ServedDocument>
{
    private static readonly string[] CommittedPath = ["web-client", "src", "app", "api", "openapi.json"];
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private JsonElement Document => served.Json;

    [Fact]
    public void The_document_names_the_API_and_explains_sessions_CSRF_and_problems()
    {
        var info = Document.GetProperty("info");

        info.GetProperty("title").GetString().Should().Be("Blog API");
        info.GetProperty("description").GetString().Should().ContainAll("blog_session", "XSRF-TOKEN", "X-XSRF-TOKEN", "https://blog.example/problems/");
    }

    [Fact]
    public void Operations_are_tagged_by_feature_and_every_feature_is_described()
    {
        var tags = Operations().ToDictionary(operation => operation.Key, operation => string.Join(",", Strings(operation.Value.GetProperty("tags"))));

        tags.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["POST /api/v1/register"] = "Accounts",
            ["POST /api/v1/login"] = "Accounts",
            ["POST /api/v1/logout"] = "Accounts",
            ["GET /api/v1/users/current"] = "Accounts",
            ["DELETE /api/v1/users/current"] = "Accounts",
            ["POST /api/v1/users/current/password"] = "Accounts",
            ["GET /api/v1/users/current/sessions"] = "Accounts",
            ["DELETE /api/v1/users/current/sessions/{id}"] = "Accounts",
            ["POST /api/v1/users/current/sessions/end-others"] = "Accounts",
            ["GET /api/v1/users/current/export"] = "Accounts",
            ["GET /api/v1/articles"] = "Articles",
            ["POST /api/v1/articles"] = "Articles",
            ["GET /api/v1/articles/{id}"] = "Articles",
            ["PUT /api/v1/articles/{id}"] = "Articles",
            ["DELETE /api/v1/articles/{id}"] = "Articles",
            ["POST /api/v1/articles/preview"] = "Articles",
            ["POST /api/v1/users/current/tokens"] = "Access tokens",
            ["GET /api/v1/users/current/tokens"] = "Access tokens",
            ["DELETE /api/v1/users/current/tokens/{id}"] = "Access tokens",
        });
        Document.GetProperty("tags").EnumerateArray().Should().OnlyContain(tag => !string.IsNullOrWhiteSpace(tag.GetProperty("description").GetString()));
    }

    [Fact]
    public void The_security_schemes_are_the_session_cookie_the_CSRF_header_and_the_access_token()
    {
        var schemes = Document.GetProperty("components").GetProperty("securitySchemes");

        schemes.EnumerateObject().Select(scheme => scheme.Name).Should().BeEquivalentTo("sessionCookie", "csrfHeader", "accessToken");
        SchemeOf("sessionCookie").Should().Be("apiKey in cookie blog_session");
        SchemeOf("csrfHeader").Should().Be("apiKey in header X-XSRF-TOKEN");
        schemes.GetProperty("accessToken").GetProperty("type").GetString().Should().Be("http");
        schemes.GetProperty("accessToken").GetProperty("scheme").GetString().Should().Be("bearer");

        string SchemeOf(string name)
        {
            var scheme = schemes.GetProperty(name);
            return $"{scheme.GetProperty("type").GetString()} in {scheme.GetProperty("in").GetString()} {scheme.GetProperty("name").GetString()}";
        }
    }

    [Theory]
    [InlineData("POST /api/v1/register", """[{"csrfHeader":[]}]""")]
    [InlineData("POST /api/v1/logout", """[{"csrfHeader":[]}]""")]
    [InlineData("POST /api/v1/articles", """[{"sessionCookie":["author"],"csrfHeader":[]},{"accessToken":["articles:write"]}]""")]
    [InlineData("GET /api/v1/articles/{id}", """[{"sessionCookie":[]},{"accessToken":["articles:read"]}]""")]
    [InlineData("GET /api/v1/articles", """[{"sessionCookie":[]},{"accessToken":["articles:read"]}]""")]
    [InlineData("POST /api/v1/users/current/tokens", """[{"sessionCookie":[],"csrfHeader":[]}]""")]
    [InlineData("GET /api/v1/users/current/tokens", """[{"sessionCookie":[]}]""")]
    [InlineData("PUT /api/v1/articles/{id}", """[{"sessionCookie":["author"],"csrfHeader":[]},{"accessToken":["articles:write"]}]""")]
    [InlineData("DELETE /api/v1/articles/{id}", """[{"sessionCookie":["author"],"csrfHeader":[]},{"accessToken":["articles:write"]}]""")]
    [InlineData("POST /api/v1/articles/preview", """[{"sessionCookie":[],"csrfHeader":[]},{"accessToken":["articles:write"]}]""")]
    public void Each_operation_requires_the_session_its_request_declares_the_CSRF_header_on_unsafe_methods_and_a_token_where_a_scope_allows(string operation, string security) =>
        JsonSerializer.Serialize(Operations().Single(candidate => candidate.Key == operation).Value.GetProperty("security")).Should().Be(security);

    [Fact]
    public void The_server_is_the_document_s_own_origin_without_a_trailing_slash() =>
        Strings(Document.GetProperty("servers"), "url").Should().Equal("/");

    [Fact]
    public void Responses_are_described_as_the_API_writes_them()
    {
        var schemas = Document.GetProperty("components").GetProperty("schemas");

        Strings(schemas.GetProperty("User").GetProperty("required")).Should().BeEquivalentTo("id", "username", "email", "roles");
        Strings(schemas.GetProperty("Article").GetProperty("required")).Should().BeEquivalentTo("id", "title", "content", "contentHtml", "createdAt", "updatedAt", "author");
        JsonSerializer.Serialize(schemas.GetProperty("Article").GetProperty("properties").GetProperty("id").GetProperty("type")).Should().Be("\"integer\"");
        JsonSerializer.Serialize(schemas.GetProperty("ArticlePage").GetProperty("properties").GetProperty("nextCursor").GetProperty("type")).Should().Be("""["null","string"]""");
        Strings(schemas.GetProperty("ArticlePage").GetProperty("required")).Should().BeEquivalentTo("items", "nextCursor");
        schemas.GetProperty("ProblemDetails").GetProperty("properties").EnumerateObject().Select(member => member.Name).Should().Contain(["errors", "traceId"]);
    }

    [Fact]
    public async Task The_committed_document_is_the_one_the_API_serves()
    {
        var path = Repository.PathOf(CommittedPath);
        var document = served.Text.ReplaceLineEndings("\n").TrimEnd() + "\n";
        // Refreshed on request (npm run api:generate sets it), so a test run leaves the tree as it was.
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, document, TestContext.Current.CancellationToken);
        }

        var committed = File.Exists(path) ? await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken) : "{}";
        // Compared as JSON, not as text: formatting the client's sources may re-indent the file.
        Canonical(committed).Should().Be(Canonical(document), $"{string.Join('/', CommittedPath)} is the API's document: run `npm run api:generate` and commit what it changes");
    }

    private IEnumerable<KeyValuePair<string, JsonElement>> Operations() =>
        from path in Document.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        select KeyValuePair.Create($"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value);

    private static string Canonical(string json) => JsonSerializer.Serialize(JsonSerializer.Deserialize<JsonElement>(json), Indented);

    private static IEnumerable<string?> Strings(JsonElement array, string? property = null) =>
        array.EnumerateArray().Select(item => (property is null ? item : item.GetProperty(property)).GetString());

    /// <summary>The document served at <c>/openapi/v1.json</c> by the real API, fetched once for the class.</summary>
    public sealed class ServedDocument : IAsyncLifetime
    {
        private readonly BlogApiFactory _api = new();

        public string Text { get; private set; } = "";

        public JsonElement Json { get; private set; }

        public async ValueTask InitializeAsync()
        {
            using var client = _api.CreateApiClient();
            using var response = await client.GetAsync("/openapi/v1.json");
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            Text = await response.Content.ReadAsStringAsync();
            Json = JsonSerializer.Deserialize<JsonElement>(Text);
        }

        public ValueTask DisposeAsync() => _api.DisposeAsync();
    }
}
