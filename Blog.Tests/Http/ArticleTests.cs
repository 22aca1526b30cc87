using System.Net;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.Http;

/// <summary>API.md, "Articles": publishing, ownership and keyset pagination over HTTP.</summary>
public sealed class ArticleTests : IAsyncLifetime
{
    private readonly BlogApiFactory _api = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task Publishing_answers_201_with_the_article_and_its_Location()
    {
        using var client = _api.CreateApiClient();
        var user = await client.RegisterAsync("alice");

        using var response = await client.PostJsonAsync("/api/v1/articles", new { title = "  Hello  ", content = "Hello, world, at length." });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var article = await response.ReadJsonAsync();
        var id = article.GetProperty("id").GetInt64();
        response.Headers.Location!.OriginalString.Should().Be($"/api/v1/articles/{id}");
        article.GetProperty("title").GetString().Should().Be("Hello");
        article.GetProperty("createdAt").GetString().Should().Be("2026-11-26T22:44:10Z");
        article.GetProperty("author").GetProperty("id").GetInt64().Should().Be(user.GetProperty("id").GetInt64());
        article.GetProperty("author").GetProperty("username").GetString().Should().Be("alice");
        (await _api.Database.ScalarAsync<string>("SELECT title FROM articles WHERE id = @id", new { id })).Should().Be("Hello");
    }

    [Fact]
    public async Task Content_is_stored_and_returned_verbatim()
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");
        const string content = "<script>alert('x')</script>\n  & \"quotes\" — ünïcödé  ";

        var created = await client.CreateArticleAsync(content: content);
        using var response = await client.GetAsync($"/api/v1/articles/{created.GetProperty("id").GetInt64()}");

        (await response.ReadJsonAsync()).GetProperty("content").GetString().Should().Be(content);
        (await _api.Database.ScalarAsync<string>("SELECT content FROM articles")).Should().Be(content);
    }

    [Fact]
    public async Task Invalid_title_and_content_are_reported_together()
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");

        using var response = await client.PostJsonAsync("/api/v1/articles", new { title = "   ", content = "          " });

        var problem = await response.ReadProblemAsync(400, "validation");
        problem.FieldErrors("title").Should().NotBeEmpty();
        problem.FieldErrors("content").Should().NotBeEmpty();
    }

    [Fact]
    public async Task Another_users_article_is_the_same_404_as_a_missing_one()
    {
        using var alice = _api.CreateApiClient();
        await alice.RegisterAsync("alice");
        var article = await alice.CreateArticleAsync();
        using var bob = _api.CreateApiClient();
        await bob.RegisterAsync("bob");

        using var others = await bob.GetAsync($"/api/v1/articles/{article.GetProperty("id").GetInt64()}");
        using var missing = await bob.GetAsync("/api/v1/articles/999999");

        var othersProblem = await others.ReadProblemAsync(404, "not-found");
        var missingProblem = await missing.ReadProblemAsync(404);
        othersProblem.GetProperty("detail").GetString().Should().Be(missingProblem.GetProperty("detail").GetString());
        using var list = await bob.GetAsync("/api/v1/articles");
        (await list.ReadJsonAsync()).GetProperty("items").GetArrayLength().Should().Be(0);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("abc")]
    public async Task An_id_that_names_no_article_is_the_same_404_as_a_missing_one(string id)
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");

        using var response = await client.GetAsync($"/api/v1/articles/{id}");
        using var missing = await client.GetAsync("/api/v1/articles/999999");

        await response.ReadProblemAsync(404, "not-found");
        await missing.ReadProblemAsync(404, "not-found");
    }

    [Fact]
    public async Task The_list_pages_through_own_articles_newest_first_with_an_opaque_cursor()
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await client.CreateArticleAsync(title: $"Article {i}")).GetProperty("id").GetInt64());
        }

        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            using var response = await client.GetAsync(cursor is null ? "/api/v1/articles?limit=2" : $"/api/v1/articles?limit=2&cursor={cursor}");
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            var page = await response.ReadJsonAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetInt64()));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null);

        pages.Should().Be(3);
        seen.Should().Equal(ids.AsEnumerable().Reverse());
    }

    [Fact]
    public async Task The_default_page_holds_20_articles()
    {
        using var client = _api.CreateApiClient();
        var user = await client.RegisterAsync("alice");
        for (var i = 0; i < 21; i++)
        {
            await _api.Database.ExecuteAsync(
                "INSERT INTO articles (author_id, title, content, created_at) VALUES (@Id, 'T', 'Some content.', '2026-11-26T22:44:10.0000000Z')",
                new { Id = user.GetProperty("id").GetInt64() });
        }

        using var response = await client.GetAsync("/api/v1/articles");

        var page = await response.ReadJsonAsync();
        page.GetProperty("items").GetArrayLength().Should().Be(20);
        page.GetProperty("nextCursor").GetString().Should().NotBeNull();
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("limit=-1")]
    [InlineData("limit=abc")]
    [InlineData("limit=1.5")]
    [InlineData("cursor=abc")]
    [InlineData("cursor=0")]
    [InlineData("cursor=-3")]
    [InlineData("cursor=99999999999999999999999")]
    public async Task Limit_and_cursor_out_of_bounds_are_400_problems(string query)
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");

        using var response = await client.GetAsync($"/api/v1/articles?{query}");

        var problem = await response.ReadProblemAsync(400, "validation");
        problem.GetProperty("errors").EnumerateObject().Select(field => field.Name).Should().BeSubsetOf(["limit", "cursor"]);
    }

    [Theory]
    [InlineData("limit=1")]
    [InlineData("limit=100")]
    [InlineData("cursor=1")]
    public async Task Limit_and_cursor_within_bounds_are_accepted(string query)
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");

        using var response = await client.GetAsync($"/api/v1/articles?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Creating_articles_is_limited_per_user_with_429_and_Retry_After()
    {
        await using var api = new BlogApiFactory(new() { ["Blog:RateLimits:ArticlesPerMinute"] = "3" });
        using var alice = api.CreateApiClient();
        await alice.RegisterAsync("alice");
        using var bob = api.CreateApiClient();
        await bob.RegisterAsync("bob");
        for (var i = 0; i < 3; i++)
        {
            await alice.CreateArticleAsync();
        }

        using var refused = await alice.PostJsonAsync("/api/v1/articles", new { title = "One more", content = "Some content for the article." });

        await refused.ReadProblemAsync(429);
        int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(1, 60);
        (await api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM articles")).Should().Be(3);
        await bob.CreateArticleAsync();
    }
}
