using Blog.Api.Infrastructure.Sessions;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.Data;

/// <summary>
/// The hot queries use an index, never a scan of their table or a temporary sort, on both engines. PostgreSQL's
/// planner weighs table sizes, so there the tables first get enough rows to make the choice real.
/// </summary>
public sealed class QueryPlanTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public async ValueTask InitializeAsync()
    {
        await _database.MigrateAsync();
        if (!TestDatabase.IsSqlite)
        {
            await _database.ExecuteAsync(
                """
                INSERT INTO users (username, username_normalized, email, email_normalized, password_hash, active, created_at)
                SELECT 'user' || g, 'USER' || g, 'user' || g || '@example.com', 'USER' || g || '@EXAMPLE.COM', 'x', TRUE, now()
                FROM generate_series(1, 5000) g;
                INSERT INTO articles (author_id, title, content, created_at)
                SELECT 1 + g % 500, 'A title', 'Some content of the article.', now() FROM generate_series(1, 50000) g;
                INSERT INTO sessions (id, public_id, user_id, ticket, expires_at, absolute_expires_at, created_at, last_seen_at)
                SELECT 'key' || g, 'public' || g, 1 + g % 5000, '\x00', now() + interval '1 hour', now() + interval '1 day', now(), now()
                FROM generate_series(1, 5000) g;
                """);
        }

        await _database.ExecuteAsync("ANALYZE;");
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task The_article_list_seeks_the_author_id_index_in_order()
    {
        var plan = await PlanAsync(Features.ListArticles.ListArticlesHandler.Sql, new { AuthorId = 1, Before = long.MaxValue, Take = 21 });

        if (TestDatabase.IsSqlite)
        {
            plan.Should().Contain(step => step.Contains("ix_articles_author_id_id") && step.Contains("author_id=? AND id<?"));
            plan.Should().NotContain(step => step.Contains("TEMP B-TREE") || step.StartsWith("SCAN a", StringComparison.Ordinal));
        }
        else
        {
            plan.Should().Contain(step => step.Contains("Index Scan using ix_articles_author_id_id"));
            plan.Should().NotContain(step => step.Contains("Sort") || step.Contains("Seq Scan"));
        }
    }

    [Fact]
    public async Task Getting_an_article_looks_it_up_by_primary_key()
    {
        var plan = await PlanAsync(Features.GetArticle.GetArticleHandler.Sql, new { Id = 1, AuthorId = 1 });

        if (TestDatabase.IsSqlite)
        {
            plan.Should().Contain(step => step.StartsWith("SEARCH a USING INTEGER PRIMARY KEY", StringComparison.Ordinal));
            plan.Should().NotContain(step => step.StartsWith("SCAN", StringComparison.Ordinal));
        }
        else
        {
            // The primary key, or the (author_id, id) index, which finds the same one row with both conditions.
            plan.Should().Contain(step => step.Contains("Index Scan using articles_pkey") || step.Contains("Index Scan using ix_articles_author_id_id"));
            plan.Should().Contain(step => step.Contains("Index Cond") && step.Contains("id = 1"));
            plan.Should().NotContain(step => step.Contains("Seq Scan"));
        }
    }

    [Fact]
    public async Task Reading_a_session_looks_it_up_by_its_key()
    {
        var plan = await PlanAsync(DatabaseTicketStore.RetrieveSql, new { Id = "key", Now = DateTime.UtcNow, SeenBefore = DateTime.UtcNow });

        if (TestDatabase.IsSqlite)
        {
            plan.Should().Contain(step => step.Contains("sqlite_autoindex_sessions_1"));
            plan.Should().NotContain(step => step.StartsWith("SCAN", StringComparison.Ordinal));
        }
        else
        {
            plan.Should().Contain(step => step.Contains("Index Scan using sessions_pkey"));
            plan.Should().NotContain(step => step.Contains("Seq Scan"));
        }
    }

    private async Task<IReadOnlyList<string>> PlanAsync(string sql, object parameters)
    {
        if (TestDatabase.IsSqlite)
        {
            return (await _database.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + sql, parameters))
                .Select(step => step.Detail)
                .ToList();
        }

        return await _database.QueryAsync<string>("EXPLAIN " + sql, parameters);
    }
}
