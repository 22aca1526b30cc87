using Blog.Features.Common.Data;
using Blog.Features.Common.Http;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Blog.Features.GetArticle;
using Dapper;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Blog.Features.DeleteArticle;

internal sealed partial class DeleteArticleHandler(IDbConnectionFactory database, ICurrentUser currentUser, ILogger<DeleteArticleHandler> logger)
    : ICommandHandler<DeleteArticleRequest, Result<Done>>
{
    private const string DeleteSql = "DELETE FROM articles WHERE id = @Id AND author_id = @AuthorId";

    // As for an edit, the version check and the delete are one statement.
    private const string DeleteVersionSql = DeleteSql + " AND version = @Version";

    private const string CurrentVersionSql = "SELECT version FROM articles WHERE id = @Id AND author_id = @AuthorId";

    public async ValueTask<Result<Done>> Handle(DeleteArticleRequest request, CancellationToken cancellationToken)
    {
        var ifMatch = EntityTags.Read(request.IfMatch);
        long? expected = ifMatch is { StrongVersions: [var only], WeakVersions.Count: 0 } ? only : null;
        var article = new { request.Id, AuthorId = currentUser.Id, Version = expected.GetValueOrDefault() };

        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        var deleted = ifMatch.Kind switch
        {
            PreconditionKind.None or PreconditionKind.Any => await connection.ExecuteAsync(DeleteSql, article),
            _ when expected is not null => await connection.ExecuteAsync(DeleteVersionSql, article),
            _ => 0,
        };
        if (deleted == 0)
        {
            var current = ifMatch.Kind == PreconditionKind.Versions
                ? await connection.QuerySingleOrDefaultAsync<long?>(CurrentVersionSql, article)
                : null;
            return current is { } version
                ? Error.PreconditionFailed("This article was changed elsewhere. Reload it before deleting it.", version)
                : Error.NotFound(GetArticleHandler.NoSuchArticle);
        }

        LogDeleted(logger, request.Id, currentUser.Id);
        return default(Done);
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Article {ArticleId} deleted by its author {UserId}")]
    private static partial void LogDeleted(ILogger logger, long articleId, long userId);
}
