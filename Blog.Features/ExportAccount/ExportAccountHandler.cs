using System.Globalization;
using System.Runtime.CompilerServices;
using Blog.Features.Common.Articles;
using Blog.Features.Common.Data;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Dapper;
using Mapster;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Blog.Features.ExportAccount;

/// <summary>
/// Answers the user at once and the articles as a sequence that queries them when it is written: an unbuffered read
/// on a connection of its own, mapped row by row, so memory stays flat however many articles there are.
/// </summary>
internal sealed partial class ExportAccountHandler(
    IDbConnectionFactory database,
    ICurrentUser currentUser,
    TypeAdapterConfig mappings,
    TimeProvider clock,
    ILogger<ExportAccountHandler> logger) : IQueryHandler<ExportAccountRequest, Result<ExportedAccount>>
{
    private const string ArticlesSql = $"""
        SELECT {ArticleSql.Columns}
        {ArticleSql.From}
        WHERE a.author_id = @AuthorId
        ORDER BY a.id DESC
        """;

    public async ValueTask<Result<ExportedAccount>> Handle(ExportAccountRequest request, CancellationToken cancellationToken)
    {
        UserResponse? user;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            user = await ActiveUsers.FindAsync(connection, currentUser.Id);
        }

        if (user is null)
        {
            return Error.Unauthorized("Sign in to continue.");
        }

        LogExported(logger, user.Id);
        var date = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new ExportedAccount($"blog-export-{user.Username}-{date}.json", new AccountExport(user, ArticlesAsync(user.Id, cancellationToken)));
    }

    private async IAsyncEnumerable<ArticleResponse> ArticlesAsync(long authorId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await foreach (var row in connection.QueryUnbufferedAsync<ArticleRow>(ArticlesSql, new { AuthorId = authorId }).WithCancellation(cancellationToken))
        {
            yield return row.Adapt<ArticleResponse>(mappings);
        }
    }

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "User {UserId} exported their articles")]
    private static partial void LogExported(ILogger logger, long userId);
}
