using System.Globalization;
using Blog.Features.Common.Articles;
using Blog.Features.Common.Data;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Dapper;
using Mapster;
using Mediator;

namespace Blog.Features.ListArticles;

internal sealed class ListArticlesHandler(IDbConnectionFactory database, ICurrentUser currentUser, TypeAdapterConfig mappings)
    : IQueryHandler<ListArticlesRequest, Result<ArticlePage>>
{
    // Keyset pagination on the (author_id, id DESC) index: every page costs the same, however deep.
    // One row beyond the page tells whether there is a next one.
    internal const string Sql = $"""
        SELECT {ArticleSql.Columns}
        {ArticleSql.From}
        WHERE a.author_id = @AuthorId AND a.id < @Before
        ORDER BY a.id DESC
        LIMIT @Take
        """;

    public async ValueTask<Result<ArticlePage>> Handle(ListArticlesRequest request, CancellationToken cancellationToken)
    {
        // The validator has refused the requests whose limit or cursor did not read.
        var limit = request.PageSize!.Value;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<ArticleRow>(Sql, new { AuthorId = currentUser.Id, request.Before, Take = limit + 1 })).AsList();

        var hasMore = rows.Count > limit;
        var items = new List<ArticleResponse>(Math.Min(rows.Count, limit));
        for (var i = 0; i < rows.Count && i < limit; i++)
        {
            items.Add(rows[i].Adapt<ArticleResponse>(mappings));
        }

        var nextCursor = hasMore ? items[^1].Id.ToString(CultureInfo.InvariantCulture) : null;
        return new ArticlePage(items, nextCursor);
    }
}
