using System.Net;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.Http;

/// <summary>API.md, "Articles, continued": GET /api/v1/articles?q= over HTTP, its 200 and every 400.</summary>
public sealed class SearchTests : IAsyncLifetime
{
    private readonly BlogApiFactory _api = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task A_search_answers_the_matching_articles_with_snippets_best_first()
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");
        var inContent = (await client.CreateArticleAsync("Notes", "We met at the <b>café</b> by the river.")).GetProperty("id").GetInt64();
        var inTitle = (await client.CreateArticleAsync("Café reviews", "Three places worth a visit.")).GetProperty("id").GetInt64();
        await client.CreateArticleAsync("Elsewhere", "Nothing to see here at all.");

        using var response = await client.GetAsync("/api/v1/articles?q=CAFE");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var page = await response.ReadJsonAsync();
        var items = page.GetProperty("items").EnumerateArray().ToList();
        items.Select(item => item.GetProperty("id").GetInt64()).Should().Equal(inTitle, inContent);
        items[1].GetProperty("snippet").GetString().Should().Be("We met at the &lt;b&gt;<mark>café</mark>&lt;/b&gt; by the river.");
        items[1].GetProperty("content").GetString().Should().Be("We met at the <b>café</b> by the river.");
        items[1].GetProperty("author").GetProperty("username").GetString().Should().Be("alice");
        page.GetProperty("nextCursor").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Pages_of_a_search_follow_its_cursor()
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");
        for (var i = 0; i < 5; i++)
        {
            await client.CreateArticleAsync($"Kite {i}", "Kites fly in the wind.");
        }

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            using var response = await client.GetAsync("/api/v1/articles?q=kite&limit=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            var page = await response.ReadJsonAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetInt64()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        seen.Should().HaveCount(5).And.OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData("q=", "q")]
    [InlineData("q=&limit=5", "q")]
    [InlineData("q=word&limit=0", "limit")]
    [InlineData("q=word&limit=101", "limit")]
    [InlineData("q=word&cursor=abc", "cursor")]
    [InlineData("q=word&cursor=12", "cursor")]
    public async Task Invalid_search_parameters_are_400_problems_keyed_by_parameter(string query, string field)
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");

        using var response = await client.GetAsync("/api/v1/articles?" + query);

        var problem = await response.ReadProblemAsync(400, "validation");
        problem.FieldErrors(field).Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_query_over_200_characters_is_a_400_problem()
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");

        using var response = await client.GetAsync("/api/v1/articles?q=" + new string('x', 201));

        (await response.ReadProblemAsync(400, "validation")).FieldErrors("q").Should().Equal("The search must be 1 to 200 characters.");
    }

    [Fact]
    public async Task A_cursor_of_another_search_or_of_the_plain_list_is_a_400_problem()
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");
        for (var i = 0; i < 3; i++)
        {
            await client.CreateArticleAsync($"Kite {i}", "Kites and strings in the wind.");
        }

        var searchCursor = (await (await client.GetAsync("/api/v1/articles?q=kites&limit=1")).ReadJsonAsync()).GetProperty("nextCursor").GetString()!;
        var listCursor = (await (await client.GetAsync("/api/v1/articles?limit=1")).ReadJsonAsync()).GetProperty("nextCursor").GetString()!;

        using var otherSearch = await client.GetAsync("/api/v1/articles?q=strings&limit=1&cursor=" + Uri.EscapeDataString(searchCursor));
        using var listWithSearchCursor = await client.GetAsync("/api/v1/articles?limit=1&cursor=" + Uri.EscapeDataString(searchCursor));
        using var searchWithListCursor = await client.GetAsync("/api/v1/articles?q=kites&limit=1&cursor=" + listCursor);

        (await otherSearch.ReadProblemAsync(400, "validation")).FieldErrors("cursor").Should().Equal("The cursor belongs to another search.");
        (await listWithSearchCursor.ReadProblemAsync(400, "validation")).FieldErrors("cursor").Should().NotBeEmpty();
        (await searchWithListCursor.ReadProblemAsync(400, "validation")).FieldErrors("cursor").Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("%22")]
    [InlineData("NEAR(a%20b)")]
    [InlineData("a%20OR%20b")]
    [InlineData("-a")]
    [InlineData("a:b")]
    [InlineData("%5E*")]
    [InlineData("(")]
    [InlineData("'")]
    [InlineData("%3F!.")]
    public async Task Syntax_characters_in_a_query_answer_200(string q)
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice");
        await client.CreateArticleAsync("A b", "NEAR a b OR and so on.");

        using var response = await client.GetAsync("/api/v1/articles?q=" + q);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_authors_articles_are_never_found()
    {
        using var bob = _api.CreateApiClient();
        await bob.RegisterAsync("bob");
        await bob.CreateArticleAsync("Private plans", "The secret word is marzipan.");
        using var alice = _api.CreateApiClient();
        await alice.RegisterAsync("alice");

        using var response = await alice.GetAsync("/api/v1/articles?q=marzipan");

        (await response.ReadJsonAsync()).GetProperty("items").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task A_search_signed_out_is_401()
    {
        using var client = _api.CreateApiClient();

        using var response = await client.GetAsync("/api/v1/articles?q=word");

        await response.ReadProblemAsync(401, "unauthorized");
    }
}
