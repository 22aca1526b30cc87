using Blog.Api.Infrastructure.Sessions;
using Blog.Tests.Infrastructure;
using Dapper;

namespace Blog.Tests.Data;

/// <summary>
/// The hot queries use an index, never a scan of their table or a temporary sort, on both engines. PostgreSQL would
/// rightly scan the tables of a fresh test database, so there sequential scans are priced out: the plan it then
/// picks shows that a fitting index exists and serves the query's WHERE and ORDER BY.
/// </summary>
public sealed class QueryPlanTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public async ValueTask InitializeAsync()
    {
        await _database.MigrateAsync();
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
            plan.Should().Contain(step => step.Contains("Index Scan using articles_pkey"));
            plan.Should().NotContain(step => step.Contains("Seq Scan"));
        }
    }

    [Fact]
    public async Task Reading_a_session_looks_it_up_by_its_key()
    {
        var plan = await PlanAsync(DatabaseTicketStore.RetrieveSql, new { Id = "key", Now = DateTime.UtcNow });

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

        await using var connection = await _database.Factory.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("SET enable_seqscan = off");
        return (await connection.QueryAsync<string>("EXPLAIN " + sql, parameters)).AsList();
    }
}
