using System.Globalization;
using Blog.Features.Common.Pipeline;
using Blog.Features.CreateArticle;
using Blog.Features.SearchArticles;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.SearchArticles;

/// <summary>API.md, "Articles, continued", search: matching, ranking, paging, snippets, isolation, on both engines.</summary>
public sealed class SearchArticlesTests : IAsyncLifetime
{
    private readonly FeatureHost _host = new();
    private long _aliceId;
    private long _bobId;

    public async ValueTask InitializeAsync()
    {
        await _host.InitializeAsync();
        _aliceId = await _host.Database.InsertUserAsync("alice");
        _bobId = await _host.Database.InsertUserAsync("bob");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task An_anonymous_caller_is_unauthorized()
    {
        var result = await _host.SendAsync(new SearchArticlesRequest("x", null, null));

        result.Error!.Kind.Should().Be(ErrorKind.Unauthorized);
    }

    [Fact]
    public async Task Every_word_must_match_in_the_title_or_the_content()
    {
        var both = await InsertAsync(_aliceId, "Walking in Lisbon", "The trams are yellow and steep.");
        await InsertAsync(_aliceId, "Walking in Porto", "The river is wide.");
        await InsertAsync(_aliceId, "Trams of the world", "Nothing about the city.");

        (await SearchIdsAsync("walking trams")).Should().Equal(both);
        (await SearchIdsAsync("WALKING YELLOW")).Should().Equal(both);
        (await SearchIdsAsync("walking nowhere")).Should().BeEmpty();
    }

    [Fact]
    public async Task The_last_word_matches_as_a_prefix_and_the_others_only_whole()
    {
        var lisbon = await InsertAsync(_aliceId, "Notes", "Lisbon has many hills and trams.");

        (await SearchIdsAsync("lisb")).Should().Equal(lisbon);
        (await SearchIdsAsync("hills tra")).Should().Equal(lisbon);
        (await SearchIdsAsync("hil trams")).Should().BeEmpty("only the last word is a prefix");
    }

    [Fact]
    public async Task Title_matches_come_first_then_relevance_then_newest()
    {
        var contentOnce = await InsertAsync(_aliceId, "Other", "One mention of gardens in a long text about many other things entirely.");
        var contentOften = await InsertAsync(_aliceId, "Else", "Gardens, gardens, gardens.");
        var titleOld = await InsertAsync(_aliceId, "Gardens", "Nothing here.");
        var titleNew = await InsertAsync(_aliceId, "Gardens", "Nothing here.");

        (await SearchIdsAsync("gardens")).Should().Equal(titleNew, titleOld, contentOften, contentOnce);
    }

    [Fact]
    public async Task Ties_are_newest_first()
    {
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await InsertAsync(_aliceId, "Same", "Identical text about orchards."));
        }

        (await SearchIdsAsync("orchards")).Should().Equal(ids.AsEnumerable().Reverse());
    }

    [Theory]
    [InlineData("cafe", "Le café du coin")]
    [InlineData("café", "Le cafe du coin")]
    [InlineData("CAFÉ", "Le Café du coin")]
    [InlineData("creme brulee", "Crème brûlée, enfin")]
    [InlineData("naïve", "A naive approach")]
    public async Task Accents_and_case_do_not_matter(string query, string content)
    {
        var id = await InsertAsync(_aliceId, "Food", content);

        (await SearchIdsAsync(query)).Should().Equal(id);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"quoted")]
    [InlineData("*")]
    [InlineData("alpha*")]
    [InlineData("NEAR")]
    [InlineData("NEAR(alpha beta)")]
    [InlineData("alpha AND")]
    [InlineData("OR alpha")]
    [InlineData("NOT")]
    [InlineData("-alpha")]
    [InlineData("alpha:beta")]
    [InlineData("title:alpha")]
    [InlineData("^alpha")]
    [InlineData("(alpha")]
    [InlineData("alpha)")]
    [InlineData("'")]
    [InlineData("!?.,;")]
    [InlineData("{title}: alpha")]
    [InlineData("alpha + beta")]
    [InlineData("a & b | !c <-> d:*")]
    [InlineData("\\")]
    public async Task Syntax_characters_are_plain_words_never_errors(string query)
    {
        var id = await InsertAsync(_aliceId, "Alpha and beta", "NEAR AND OR NOT title are words here, alpha beta.");

        var result = await _host.SendAsync(new SearchArticlesRequest(query, null, null), _aliceId);

        result.IsSuccess.Should().BeTrue();
        var words = Blog.Features.SearchArticles.SearchTerms.Parse(query).Words;
        if (words.Count > 0 && words.All(word => "alpha beta near and or not title".Contains(word.ToLowerInvariant(), StringComparison.Ordinal)))
        {
            result.Value.Items.Select(item => item.Id).Should().Equal(id);
        }
    }

    [Fact]
    public async Task Operators_are_searched_as_words()
    {
        var near = await InsertAsync(_aliceId, "Near the sea", "We stayed near.");
        await InsertAsync(_aliceId, "Far away", "Alpha beta.");

        (await SearchIdsAsync("NEAR")).Should().Equal(near);
        (await SearchIdsAsync("alpha OR gamma")).Should().BeEmpty("OR is a word every article must hold");
        (await SearchIdsAsync("-alpha")).Should().HaveCount(1);
    }

    [Fact]
    public async Task A_query_of_only_punctuation_finds_nothing()
    {
        await InsertAsync(_aliceId, "Something", "Some content.");

        var result = await _host.SendAsync(new SearchArticlesRequest("?!-", null, null), _aliceId);

        result.Value.Items.Should().BeEmpty();
        result.Value.NextCursor.Should().BeNull();
    }

    [Fact]
    public async Task Only_the_callers_own_articles_are_found_even_with_the_same_words()
    {
        var own = await InsertAsync(_aliceId, "Shared words", "Secret recipe with saffron.");
        for (var i = 0; i < 30; i++)
        {
            await InsertAsync(_bobId, "Shared words", "Secret recipe with saffron.");
        }

        (await SearchIdsAsync("saffron")).Should().Equal(own);
        (await SearchIdsAsync("shared")).Should().Equal(own);
        _host.User.SignIn(_bobId, "bob", "author");
        var bobs = await _host.SendAsync(new SearchArticlesRequest("saffron", "100", null));
        bobs.Value.Items.Should().HaveCount(30).And.NotContain(item => item.Id == own);
    }

    [Theory]
    [InlineData(7, 3, 0)]
    [InlineData(45, 20, 0)]
    [InlineData(25, 4, 10)]
    public async Task Keyset_pages_walk_the_ranked_results_without_duplicates_or_gaps(int count, int limit, int titled)
    {
        var expected = new List<long>();
        for (var i = 0; i < count; i++)
        {
            // Varying repetitions give varying scores; some titles hold the word too.
            var repeats = string.Join(' ', Enumerable.Repeat("lantern", 1 + i % 4));
            await InsertAsync(_bobId, "Lantern", "lantern");
            expected.Add(await InsertAsync(_aliceId, i < titled ? "Lantern" : "Lamp " + i, $"{repeats} and other words {i}."));
        }

        var all = await SearchIdsAsync("lantern", "100");
        all.Should().BeEquivalentTo(expected);

        var seen = await WalkAsync("lantern", limit);
        seen.Should().Equal(all, "paging must give the same order as one page");
        seen.Take(titled).Should().BeEquivalentTo(expected.Take(titled));
    }

    [Fact]
    public async Task Paging_over_more_matches_than_the_ranked_window_has_no_duplicates_or_gaps()
    {
        var window = Blog.Features.SearchArticles.SearchArticlesHandler.RankedWindow;
        var ids = await BulkInsertAsync(_aliceId, window + 150, i => i % 500 == 0 ? "Beacon title" : "Plain", i => i % 3 == 0 ? "beacon beacon light" : "beacon light and more words");

        var seen = await WalkAsync("beacon", 100);

        seen.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(ids);
        var titled = ids.Where((_, i) => i % 500 == 0).ToList();
        seen.Take(titled.Count).Should().BeEquivalentTo(titled, "title matches come first");
        seen.TakeLast(100).Should().BeInDescendingOrder("matches beyond the ranked window follow newest first");
    }

    [Fact]
    public async Task A_word_in_every_article_and_a_word_in_one_of_a_hundred_find_the_same_newest_matches()
    {
        // With statistics, PostgreSQL walks the author's newest articles for the common word and asks an index for the
        // rare one: RUM where the extension is installed, else GIN. Every way gives the contract's order.
        var window = SearchArticlesHandler.RankedWindow;
        var ids = await BulkInsertAsync(_aliceId, window + 200, _ => "Plain", i => i % 100 == 0 ? "common words and a rare one" : "common words only");
        await BulkInsertAsync(_bobId, 300, _ => "Plain", _ => "common rare words of another author");
        await _host.Database.ExecuteAsync("ANALYZE articles");

        await FindsTheNewestAsync();
        if (!TestDatabase.IsSqlite)
        {
            await _host.Database.ExecuteAsync("DROP INDEX IF EXISTS ix_articles_search_newest");
            await FindsTheNewestAsync();
        }

        async Task FindsTheNewestAsync()
        {
            (await WalkAsync("rare", 5)).Should().Equal(ids.Where((_, i) => i % 100 == 0).Reverse());
            (await WalkAsync("rar", 5)).Should().Equal(ids.Where((_, i) => i % 100 == 0).Reverse());
            var common = await WalkAsync("common", 100);
            common.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(ids);
            common.Take(window).Should().BeEquivalentTo(ids.TakeLast(window), "the ranked window is the newest matches");
        }
    }

    [Fact]
    public async Task On_PostgreSQL_the_newest_matches_index_exists_when_the_rum_extension_is_installed()
    {
        Assert.SkipWhen(TestDatabase.IsSqlite, "RUM is a PostgreSQL extension");
        var installed = await _host.Database.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'rum')");

        var index = await _host.Database.ScalarAsync<bool>("SELECT to_regclass('ix_articles_search_newest') IS NOT NULL");

        index.Should().Be(installed);
    }

    [Fact]
    public async Task A_word_grown_common_since_the_statistics_still_finds_the_newest_matches()
    {
        Assert.SkipWhen(TestDatabase.IsSqlite, "PostgreSQL chooses its plan by the planner's statistics");

        // The statistics say "flood" is in no article, so the search asks the GIN index; past its 50,000 matches the
        // statement walks the author's articles instead.
        await BulkInsertAsync(_aliceId, 100, _ => "Plain", _ => "calm water");
        await _host.Database.ExecuteAsync("ANALYZE articles");
        await _host.Database.ExecuteAsync(
            """
            INSERT INTO articles (author_id, title, content, created_at)
            SELECT @AuthorId, 'Plain', 'flood water ' || n, '2026-11-29T03:00:00Z' FROM generate_series(1, 50001) AS n
            """,
            new { AuthorId = _aliceId });
        var newest = (await _host.Database.QueryAsync<long>("SELECT id FROM articles ORDER BY id DESC LIMIT 1000")).ToList();

        var page = (await _host.SendAsync(new SearchArticlesRequest("flood", "20", null), _aliceId)).Value;

        page.Items.Should().HaveCount(20);
        page.Items.Select(item => item.Id).Should().BeSubsetOf(newest, "the ranked window is the newest 1,000 matches");
        page.NextCursor.Should().NotBeNull();
    }

    [Fact]
    public async Task A_last_word_that_begins_more_words_than_are_spelled_out_still_finds_every_match()
    {
        // SQLite names the index's words that begin with the last word, up to 64; past that the prefix goes as it is.
        var ids = await BulkInsertAsync(_aliceId, 80, _ => "Plain", i => $"quill{i:D2}x and ink");

        (await WalkAsync("quill", 30)).Should().BeEquivalentTo(ids);
        (await WalkAsync("quill0", 30)).Should().BeEquivalentTo(ids.Take(10));
        (await WalkAsync("ink quill7", 30)).Should().BeEquivalentTo(ids.Skip(70));
        (await SearchIdsAsync("quillz")).Should().BeEmpty();
    }

    [Fact]
    public async Task The_snippet_marks_the_matches_around_the_first_one_and_escapes_everything_else()
    {
        var longText = string.Concat(Enumerable.Repeat("filler text ", 40)) + "<script>alert(1)</script> & the Émeraude stone, emeralds too. " + string.Concat(Enumerable.Repeat("tail words ", 40));
        await InsertAsync(_aliceId, "Jewels", longText);

        var item = (await _host.SendAsync(new SearchArticlesRequest("emer", null, null), _aliceId)).Value.Items.Single();

        item.Snippet.Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; the <mark>Émeraude</mark> stone, <mark>emeralds</mark> too.");
        item.Snippet.Should().StartWith("…").And.EndWith("…");
        item.Snippet.Should().NotContain("<script");
        PlainText(item.Snippet).Length.Should().BeLessThanOrEqualTo(200);
        item.Content.Should().Be(longText);
    }

    [Fact]
    public async Task A_title_only_match_shows_the_start_of_the_content()
    {
        await InsertAsync(_aliceId, "Harbour", "Boats <b>and</b> nets.");

        var item = (await _host.SendAsync(new SearchArticlesRequest("harbour", null, null), _aliceId)).Value.Items.Single();

        item.Snippet.Should().Be("Boats &lt;b&gt;and&lt;/b&gt; nets.");
    }

    [Fact]
    public async Task New_edited_and_deleted_articles_are_found_or_not_at_once()
    {
        _host.User.SignIn(_aliceId, "alice", "author");
        var created = (await _host.SendAsync(new CreateArticleRequest("Fresh", "A word like zeppelin."))).Value;
        (await SearchIdsAsync("zeppelin")).Should().Equal(created.Id);

        await _host.Database.ScalarAsync<long>("UPDATE articles SET content = 'Now about airships.' WHERE id = @Id", new { created.Id });
        (await SearchIdsAsync("zeppelin")).Should().BeEmpty();
        (await SearchIdsAsync("airships")).Should().Equal(created.Id);

        await _host.Database.ScalarAsync<long>("UPDATE articles SET title = 'Renamed blimp' WHERE id = @Id", new { created.Id });
        (await SearchIdsAsync("fresh")).Should().BeEmpty();
        (await SearchIdsAsync("blimp")).Should().Equal(created.Id);

        await _host.Database.ScalarAsync<long>("DELETE FROM articles WHERE id = @Id", new { created.Id });
        (await SearchIdsAsync("airships")).Should().BeEmpty();
        (await SearchIdsAsync("blimp")).Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task An_empty_or_too_long_query_is_a_validation_error_keyed_q(string? query)
    {
        query ??= new string('a', 201);

        var result = await _host.SendAsync(new SearchArticlesRequest(query, null, null), _aliceId);

        result.Error!.Kind.Should().Be(ErrorKind.Validation);
        result.Error.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]> { ["q"] = ["The search must be 1 to 200 characters."] });
    }

    [Fact]
    public async Task A_query_of_200_characters_is_accepted()
    {
        var result = await _host.SendAsync(new SearchArticlesRequest(new string('a', 200), null, null), _aliceId);

        result.IsSuccess.Should().BeTrue();
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("7")]
    [InlineData("")]
    [InlineData("czF8YWJjfDB8MHwxfDU")]
    public async Task A_cursor_that_no_search_gave_is_a_validation_error_keyed_cursor(string cursor)
    {
        var result = await _host.SendAsync(new SearchArticlesRequest("word", null, cursor), _aliceId);

        result.Error!.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]> { ["cursor"] = ["The cursor must be the nextCursor of a previous page."] });
    }

    [Fact]
    public async Task A_cursor_of_another_search_is_a_validation_error_keyed_cursor()
    {
        for (var i = 0; i < 3; i++)
        {
            await InsertAsync(_aliceId, "Kite", "Kites and strings.");
        }

        var first = (await _host.SendAsync(new SearchArticlesRequest("kites", "1", null), _aliceId)).Value;
        var again = await _host.SendAsync(new SearchArticlesRequest("KITES", "1", first.NextCursor), _aliceId);
        var other = await _host.SendAsync(new SearchArticlesRequest("strings", "1", first.NextCursor), _aliceId);

        again.IsSuccess.Should().BeTrue("the same words in other case are the same search");
        other.Error!.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]> { ["cursor"] = ["The cursor belongs to another search."] });
    }

    private static string PlainText(string snippet) =>
        System.Net.WebUtility.HtmlDecode(snippet.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal));

    private async Task<List<long>> SearchIdsAsync(string query, string? limit = null)
    {
        var result = await _host.SendAsync(new SearchArticlesRequest(query, limit, null), _aliceId);
        result.IsSuccess.Should().BeTrue();
        return result.Value.Items.Select(item => item.Id).ToList();
    }

    private async Task<List<long>> WalkAsync(string query, int limit)
    {
        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var result = await _host.SendAsync(new SearchArticlesRequest(query, limit.ToString(CultureInfo.InvariantCulture), cursor), _aliceId);
            result.IsSuccess.Should().BeTrue();
            result.Value.Items.Should().NotBeEmpty("a page is only promised when there is something on it");
            result.Value.Items.Count.Should().BeLessThanOrEqualTo(limit);
            seen.AddRange(result.Value.Items.Select(item => item.Id));
            cursor = result.Value.NextCursor;
            (++pages).Should().BeLessThan(10_000, "the walk must end");
        }
        while (cursor is not null);

        return seen;
    }

    private Task<long> InsertAsync(long authorId, string title, string content) =>
        _host.Database.ScalarAsync<long>(
            """
            INSERT INTO articles (author_id, title, content, created_at)
            VALUES (@AuthorId, @Title, @Content, '2026-11-26T22:44:10.0000000Z')
            RETURNING id
            """,
            new { AuthorId = authorId, Title = title, Content = content });

    /// <summary>Many articles, ascending ids, their title and content by index.</summary>
    private async Task<List<long>> BulkInsertAsync(long authorId, int count, Func<int, string> title, Func<int, string> content)
    {
        var ids = new List<long>(count);
        for (var i = 0; i < count; i++)
        {
            ids.Add(await InsertAsync(authorId, title(i), content(i)));
        }

        return ids;
    }
}

internal static class SearchHostExtensions
{
    /// <summary>Sends <paramref name="request"/> as the author <paramref name="userId"/>.</summary>
    public static Task<Result<SearchPage>> SendAsync(this FeatureHost host, SearchArticlesRequest request, long userId)
    {
        host.User.SignIn(userId, userId == 1 ? "alice" : "bob", "author");
        return host.SendAsync(request);
    }
}
