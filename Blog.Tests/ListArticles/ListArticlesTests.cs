using Blog.Features.Common.Articles;
using Blog.Features.Common.Pipeline;
using Blog.Features.CreateArticle;
using Blog.Features.ListArticles;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.ListArticles;

public sealed class ListArticlesTests : IAsyncLifetime
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
        var result = await _host.SendAsync(new ListArticlesRequest(null, null));

        result.Error.Should().Be(new Error(ErrorKind.Unauthorized, "Sign in to continue."));
    }

    [Fact]
    public async Task An_anonymous_caller_is_unauthorized_before_validation()
    {
        var result = await _host.SendAsync(new ListArticlesRequest("abc", "abc"));

        result.Error!.Kind.Should().Be(ErrorKind.Unauthorized);
    }

    [Fact]
    public async Task A_user_without_articles_gets_an_empty_last_page()
    {
        _host.User.SignIn(_aliceId, "alice", "author");

        var result = await _host.SendAsync(new ListArticlesRequest(null, null));

        result.IsSuccess.Should().BeTrue();
        result.Value.Items.Should().BeEmpty();
        result.Value.NextCursor.Should().BeNull();
    }

    [Fact]
    public async Task Only_the_callers_own_articles_are_listed_newest_first()
    {
        var alice1 = await CreateAsAsync(_aliceId, "alice", "Alice one");
        await CreateAsAsync(_bobId, "bob", "Bob one");
        var alice2 = await CreateAsAsync(_aliceId, "alice", "Alice two");
        await CreateAsAsync(_bobId, "bob", "Bob two");
        var alice3 = await CreateAsAsync(_aliceId, "alice", "Alice three");
        _host.User.SignIn(_aliceId, "alice", "author");

        var result = await _host.SendAsync(new ListArticlesRequest(null, null));

        result.Value.Items.Should().BeEquivalentTo([alice3, alice2, alice1], options => options.WithStrictOrdering());
        result.Value.Items.Should().AllSatisfy(article => article.Author.Should().Be(new AuthorResponse(_aliceId, "alice")));
        result.Value.Items.Select(article => article.CreatedAt.Kind).Should().AllBeEquivalentTo(DateTimeKind.Utc);
        result.Value.NextCursor.Should().BeNull();
    }

    [Fact]
    public async Task The_default_limit_is_20()
    {
        await InsertArticlesAsync(_aliceId, 25);
        _host.User.SignIn(_aliceId, "alice", "author");

        var result = await _host.SendAsync(new ListArticlesRequest(null, null));

        result.Value.Items.Should().HaveCount(20);
        result.Value.NextCursor.Should().NotBeNull();
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("100", 100)]
    [InlineData("7", 7)]
    public async Task Limits_of_1_to_100_are_honoured(string limit, int expected)
    {
        await InsertArticlesAsync(_aliceId, 101);
        _host.User.SignIn(_aliceId, "alice", "author");

        var result = await _host.SendAsync(new ListArticlesRequest(limit, null));

        result.Value.Items.Should().HaveCount(expected);
        result.Value.NextCursor.Should().NotBeNull();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("")]
    [InlineData(" 5")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    public async Task A_limit_outside_1_to_100_is_a_validation_error_keyed_limit(string limit)
    {
        _host.User.SignIn(_aliceId, "alice", "author");

        var result = await _host.SendAsync(new ListArticlesRequest(limit, null));

        result.Error!.Kind.Should().Be(ErrorKind.Validation);
        result.Error.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["limit"] = ["The limit must be a whole number from 1 to 100."],
        });
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("")]
    [InlineData("1e3")]
    [InlineData("99999999999999999999")]
    public async Task A_cursor_that_no_page_gave_is_a_validation_error_keyed_cursor(string cursor)
    {
        _host.User.SignIn(_aliceId, "alice", "author");

        var result = await _host.SendAsync(new ListArticlesRequest(null, cursor));

        result.Error!.Kind.Should().Be(ErrorKind.Validation);
        result.Error.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["cursor"] = ["The cursor must be the nextCursor of a previous page."],
        });
    }

    [Fact]
    public async Task An_invalid_limit_and_cursor_are_reported_at_once()
    {
        _host.User.SignIn(_aliceId, "alice", "author");

        var result = await _host.SendAsync(new ListArticlesRequest("0", "abc"));

        result.Error!.Kind.Should().Be(ErrorKind.Validation);
        result.Error.Errors!.Keys.Should().BeEquivalentTo("limit", "cursor");
    }

    [Theory]
    [InlineData(7, 3)]
    [InlineData(6, 3)]
    [InlineData(1, 1)]
    [InlineData(45, 20)]
    public async Task Keyset_pages_walk_all_articles_without_duplicates_or_gaps(int count, int limit)
    {
        await InsertArticlesAsync(_bobId, 5);
        var ids = await InsertArticlesAsync(_aliceId, count);
        await InsertArticlesAsync(_bobId, 5);
        _host.User.SignIn(_aliceId, "alice", "author");

        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var result = await _host.SendAsync(new ListArticlesRequest(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), cursor));
            result.IsSuccess.Should().BeTrue();
            result.Value.Items.Should().NotBeEmpty("a page is only promised when there is something on it");
            result.Value.Items.Count.Should().BeLessThanOrEqualTo(limit);
            seen.AddRange(result.Value.Items.Select(article => article.Id));
            cursor = result.Value.NextCursor;
            pages++;
            pages.Should().BeLessThanOrEqualTo(count, "the walk must end");
        }
        while (cursor is not null);

        seen.Should().Equal(ids.OrderDescending());
        pages.Should().Be((count + limit - 1) / limit);
    }

    [Fact]
    public async Task An_article_created_between_pages_does_not_shift_the_next_page()
    {
        var ids = await InsertArticlesAsync(_aliceId, 4);
        _host.User.SignIn(_aliceId, "alice", "author");
        var first = (await _host.SendAsync(new ListArticlesRequest("2", null))).Value;

        await _host.SendAsync(new CreateArticleRequest("Newer", "Newer content here."));
        var second = (await _host.SendAsync(new ListArticlesRequest("2", first.NextCursor))).Value;

        first.Items.Select(article => article.Id).Concat(second.Items.Select(article => article.Id)).Should().Equal(ids.OrderDescending());
        second.NextCursor.Should().BeNull();
    }


    private async Task<ArticleResponse> CreateAsAsync(long userId, string username, string title)
    {
        _host.User.SignIn(userId, username, "author");
        _host.Clock.Advance(TimeSpan.FromSeconds(1));
        var result = await _host.SendAsync(new CreateArticleRequest(title, $"Content of {title}."));
        _host.User.SignOut();
        return result.Value;
    }

    /// <summary>Inserts articles directly (one statement each, ascending ids) and answers their ids.</summary>
    private async Task<List<long>> InsertArticlesAsync(long authorId, int count)
    {
        var ids = new List<long>(count);
        for (var i = 0; i < count; i++)
        {
            ids.Add(await _host.Database.ScalarAsync<long>(
                """
                INSERT INTO articles (author_id, title, content, created_at)
                VALUES (@AuthorId, 'Title ' || @I, 'Content number ' || @I, '2026-11-26T22:44:10.0000000Z')
                RETURNING id
                """,
                new { AuthorId = authorId, I = i }));
        }

        return ids;
    }
}
