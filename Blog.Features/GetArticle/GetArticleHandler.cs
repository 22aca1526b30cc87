using Blog.Features.Common.Articles;
using Blog.Features.Common.Data;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Dapper;
using Mapster;
using Mediator;

namespace Blog.Features.GetArticle;

internal sealed class GetArticleHandler(IDbConnectionFactory database, ICurrentUser currentUser, TypeAdapterConfig mappings)
    : IQueryHandler<GetArticleRequest, Result<ArticleResponse>>
{
    internal const string NoSuchArticle = "No such article.";

    // The author is part of the key: no row for another user's article, so no way to tell it exists.
    internal const string Sql = $"""
        SELECT {ArticleSql.Columns}
        {ArticleSql.From}
        WHERE a.id = @Id AND a.author_id = @AuthorId
        """;

    public async ValueTask<Result<ArticleResponse>> Handle(GetArticleRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ArticleRow>(Sql, new { request.Id, AuthorId = currentUser.Id });
        return row is null ? Error.NotFound(NoSuchArticle) : row.Adapt<ArticleResponse>(mappings);
    }
}
