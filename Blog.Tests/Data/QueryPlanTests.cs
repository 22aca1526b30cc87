using Blog.Api.Infrastructure.Sessions;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.Data;

/// <summary>The hot queries use an index, never a scan of their table or a temporary sort.</summary>
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

        plan.Should().Contain(step => step.Contains("ix_articles_author_id_id") && step.Contains("author_id=? AND id<?"));
        plan.Should().NotContain(step => step.Contains("TEMP B-TREE") || step.StartsWith("SCAN a", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Getting_an_article_looks_it_up_by_primary_key()
    {
        var plan = await PlanAsync(Features.GetArticle.GetArticleHandler.Sql, new { Id = 1, AuthorId = 1 });

        plan.Should().Contain(step => step.StartsWith("SEARCH a USING INTEGER PRIMARY KEY", StringComparison.Ordinal));
        plan.Should().NotContain(step => step.StartsWith("SCAN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reading_a_session_looks_it_up_by_its_key()
    {
        var plan = await PlanAsync(DatabaseTicketStore.RetrieveSql, new { Id = "key", Now = DateTime.UtcNow });

        plan.Should().Contain(step => step.Contains("sqlite_autoindex_sessions_1"));
        plan.Should().NotContain(step => step.StartsWith("SCAN", StringComparison.Ordinal));
    }

    private async Task<IReadOnlyList<string>> PlanAsync(string sql, object parameters) =>
        (await _database.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + sql, parameters))
            .Select(step => step.Detail)
            .ToList();
}
