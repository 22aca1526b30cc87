using Blog.Features.Common.Articles;
using Blog.Features.CreateArticle;
using Blog.Features.GetArticle;
using Blog.Features.RerenderArticles;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.RerenderArticles;

public sealed class RerenderArticlesTests : IAsyncLifetime
{
    private readonly FeatureHost _host = new();
    private long _aliceId;

    public async ValueTask InitializeAsync()
    {
        await _host.InitializeAsync();
        _aliceId = await _host.Database.InsertUserAsync("alice");
        _host.User.SignIn(_aliceId, "alice", "author");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Writing_stores_the_renderer_s_name_and_version_beside_the_HTML()
    {
        await _host.SendAsync(new CreateArticleRequest("Title", "Some *content*."));

        var stored = await _host.Database.QueryAsync<(string Html, string Name, string Version)>(
            "SELECT content_html, renderer_name, renderer_version FROM articles");

        stored.Should().Equal(("<p>Some <em>content</em>.</p>\n", MarkdownRenderer.Name, _host.GetRequiredService<MarkdownRenderer>().Version));
    }

    [Fact]
    public async Task Rows_of_another_renderer_are_rendered_again_in_batches_and_current_ones_left_alone()
    {
        var current = (await _host.SendAsync(new CreateArticleRequest("Current", "Already *current*."))).Value;
        for (var i = 0; i < 5; i++)
        {
            await _host.Database.ExecuteAsync(
                "INSERT INTO articles (author_id, title, content, created_at) VALUES (@AuthorId, 'Old', 'Old **bold** text.', @CreatedAt)",
                new { AuthorId = _aliceId, CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
        }

        await _host.Database.ExecuteAsync("UPDATE articles SET renderer_version = 'older' WHERE id = @Id", new { current.Id });
        await _host.Database.ExecuteAsync("UPDATE articles SET renderer_name = 'escaped-text' WHERE title = 'Old' AND id = (SELECT MIN(id) FROM articles WHERE title = 'Old')");

        var result = await _host.SendAsync(new RerenderArticlesRequest(BatchSize: 2));
        var again = await _host.SendAsync(new RerenderArticlesRequest(BatchSize: 2));

        result.Value.Should().Be(new RerenderSummary(6, 0));
        again.Value.Should().Be(new RerenderSummary(0, 0));
        (await _host.Database.QueryAsync<string>("SELECT content_html FROM articles WHERE title = 'Old'"))
            .Should().HaveCount(5).And.OnlyContain(html => html == "<p>Old <strong>bold</strong> text.</p>\n");
        (await _host.Database.ScalarAsync<long>("SELECT MAX(version) FROM articles")).Should().Be(1, "a new rendering is not a new revision");
        (await _host.SendAsync(new GetArticleRequest(current.Id))).Value.Should().BeEquivalentTo(current);
    }

    [Fact]
    public async Task The_migration_leaves_existing_rows_escaped_and_marked_for_the_rerender()
    {
        // The migration's own UPDATE, run again on a row as it was before the migration.
        var migration = await File.ReadAllTextAsync(Repository.PathOf(
            "Blog.Features", "Common", "Data", TestDatabase.Provider.ToString(), "Migrations", "0004_article_lifecycle.sql"));
        var update = migration[migration.IndexOf("UPDATE articles", StringComparison.Ordinal)..];
        update = update[..(update.IndexOf(';', update.IndexOf("renderer_version", StringComparison.Ordinal)) + 1)];
        await _host.Database.ExecuteAsync(
            "INSERT INTO articles (author_id, title, content, created_at) VALUES (@AuthorId, 'Old', @Content, @CreatedAt)",
            new { AuthorId = _aliceId, Content = "<script>alert(\"1\")</script> & *x*\nline two", CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) });

        await _host.Database.ExecuteAsync(update);

        var html = await _host.Database.ScalarAsync<string>("SELECT content_html FROM articles");
        html.Should().Be("<p>&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; &amp; *x*<br>line two</p>");
        (await _host.SendAsync(new RerenderArticlesRequest())).Value.Rendered.Should().Be(1);
        (await _host.Database.ScalarAsync<string>("SELECT content_html FROM articles"))
            .Should().Be("<p>&lt;script&gt;alert(\"1\")&lt;/script&gt; &amp; <em>x</em>\nline two</p>\n");
    }
}
