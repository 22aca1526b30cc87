using Blog.Features.Common.Articles;
using Blog.Features.Common.Pipeline;
using Blog.Features.CreateArticle;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.CreateArticle;

public sealed class CreateArticleTests : IAsyncLifetime
{
    private const string Content = "Some content for the article.";

    private readonly FeatureHost _host = new();
    private long _aliceId;

    public async ValueTask InitializeAsync()
    {
        await _host.InitializeAsync();
        _aliceId = await _host.Database.ScalarAsync<long>(
            """
            INSERT INTO users (username, username_normalized, email, email_normalized, password_hash, active, created_at)
            VALUES ('alice', 'ALICE', 'alice@example.com', 'ALICE@EXAMPLE.COM', 'not-a-real-hash', TRUE, '2026-01-01T00:00:00.0000000Z')
            RETURNING id
            """);
        await _host.Database.ExecuteAsync("INSERT INTO user_roles (user_id, role_id) SELECT @Id, id FROM roles WHERE name = 'author'", new { Id = _aliceId });
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task An_anonymous_caller_is_unauthorized_and_nothing_is_stored()
    {
        var result = await _host.SendAsync(new CreateArticleRequest("A title", Content));

        result.Error.Should().Be(new Error(ErrorKind.Unauthorized, "Sign in to continue."));
        (await ArticleCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task An_anonymous_caller_is_unauthorized_before_validation()
    {
        var result = await _host.SendAsync(new CreateArticleRequest("", ""));

        result.Error!.Kind.Should().Be(ErrorKind.Unauthorized);
    }

    [Fact]
    public async Task A_signed_in_caller_without_the_role_author_is_forbidden_and_nothing_is_stored()
    {
        _host.User.SignIn(_aliceId, "alice");

        var result = await _host.SendAsync(new CreateArticleRequest("A title", Content));

        result.Error.Should().Be(new Error(ErrorKind.Forbidden, "This needs the role 'author'."));
        (await ArticleCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task An_author_creates_an_article_stored_with_a_trimmed_title_and_verbatim_content()
    {
        _host.User.SignIn(_aliceId, "alice", "author");
        const string content = "  <script>alert('x')</script> & <b>bold</b>\n\tline two  ";

        var result = await _host.SendAsync(new CreateArticleRequest("  My first post  ", content));

        result.IsSuccess.Should().BeTrue();
        result.Value.Id.Should().BePositive();
        result.Value.Title.Should().Be("My first post");
        result.Value.Content.Should().Be(content);
        result.Value.Author.Should().Be(new AuthorResponse(_aliceId, "alice"));
        var rows = await _host.Database.QueryAsync<StoredArticle>(
            "SELECT id AS Id, author_id AS AuthorId, title AS Title, content AS Content, created_at AS CreatedAt FROM articles");
        var row = rows.Should().ContainSingle().Subject;
        row.Should().BeEquivalentTo(new { result.Value.Id, AuthorId = _aliceId, Title = "My first post", Content = content });
        row.CreatedAt.Should().Be(new DateTime(2026, 11, 26, 22, 44, 10, DateTimeKind.Utc));
    }

    [Fact]
    public async Task CreatedAt_is_the_clock_time_in_utc_to_the_whole_second()
    {
        _host.User.SignIn(_aliceId, "alice", "author");
        _host.Clock.Advance(TimeSpan.FromMilliseconds(1_999.5));

        var result = await _host.SendAsync(new CreateArticleRequest("A title", Content));

        result.Value.CreatedAt.Should().Be(new DateTime(2026, 11, 26, 22, 44, 11, DateTimeKind.Utc));
        result.Value.CreatedAt.Kind.Should().Be(DateTimeKind.Utc);
        var stored = await _host.Database.QueryAsync<DateTime>("SELECT created_at FROM articles WHERE id = @Id", new { result.Value.Id });
        stored.Should().Equal(result.Value.CreatedAt);
    }

    [Fact]
    public async Task A_title_of_120_characters_with_surrounding_spaces_is_accepted()
    {
        _host.User.SignIn(_aliceId, "alice", "author");
        var title = new string('t', 120);

        var result = await _host.SendAsync(new CreateArticleRequest($"   {title}   ", Content));

        result.IsSuccess.Should().BeTrue();
        (await _host.Database.ScalarAsync<string>("SELECT title FROM articles")).Should().Be(title);
    }

    [Theory]
    [InlineData("")]
    [InlineData("    ")]
    [InlineData(null)]
    public async Task A_missing_title_is_a_validation_error_keyed_title(string? title)
    {
        _host.User.SignIn(_aliceId, "alice", "author");

        var result = await _host.SendAsync(new CreateArticleRequest(title!, Content));

        result.Error!.Kind.Should().Be(ErrorKind.Validation);
        result.Error.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]> { ["title"] = ["Enter a title."] });
        (await ArticleCountAsync()).Should().Be(0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task A_title_of_121_characters_after_trimming_is_a_validation_error_keyed_title(string padding)
    {
        _host.User.SignIn(_aliceId, "alice", "author");

        var result = await _host.SendAsync(new CreateArticleRequest(padding + new string('t', 121) + padding, Content));

        result.Error!.Kind.Should().Be(ErrorKind.Validation);
        result.Error.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["title"] = ["The title must be at most 120 characters."],
        });
        (await ArticleCountAsync()).Should().Be(0);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(10_001)]
    public async Task Content_shorter_than_10_or_longer_than_10000_characters_is_a_validation_error(int length)
    {
        _host.User.SignIn(_aliceId, "alice", "author");

        var result = await _host.SendAsync(new CreateArticleRequest("A title", new string('c', length)));

        result.Error!.Kind.Should().Be(ErrorKind.Validation);
        result.Error.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["content"] = ["The content must be 10 to 10000 characters."],
        });
    }

    [Theory]
    [InlineData(10)]
    [InlineData(10_000)]
    public async Task Content_of_10_to_10000_characters_is_accepted(int length)
    {
        _host.User.SignIn(_aliceId, "alice", "author");

        var result = await _host.SendAsync(new CreateArticleRequest("A title", new string('c', length)));

        result.IsSuccess.Should().BeTrue();
        (await _host.Database.ScalarAsync<long>("SELECT length(content) FROM articles")).Should().Be(length);
    }

    [Theory]
    [InlineData("            ")]
    [InlineData(" \t\n\r \t\n\r \t\n\r ")]
    [InlineData(null)]
    public async Task Content_of_only_white_space_or_none_is_a_validation_error(string? content)
    {
        _host.User.SignIn(_aliceId, "alice", "author");

        var result = await _host.SendAsync(new CreateArticleRequest("A title", content!));

        result.Error!.Kind.Should().Be(ErrorKind.Validation);
        result.Error.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]> { ["content"] = ["Enter the content."] });
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once()
    {
        _host.User.SignIn(_aliceId, "alice", "author");

        var result = await _host.SendAsync(new CreateArticleRequest(" ", "too short"));

        result.Error!.Kind.Should().Be(ErrorKind.Validation);
        result.Error.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["title"] = ["Enter a title."],
            ["content"] = ["The content must be 10 to 10000 characters."],
        });
        (await ArticleCountAsync()).Should().Be(0);
    }

    private Task<long> ArticleCountAsync() => _host.Database.ScalarAsync<long>("SELECT COUNT(*) FROM articles");

    private sealed record StoredArticle(long Id, long AuthorId, string Title, string Content, DateTime CreatedAt);
}
