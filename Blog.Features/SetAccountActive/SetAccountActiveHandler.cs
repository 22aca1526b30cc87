using Blog.Features.Common.Data;
using Blog.Features.Common.Pipeline;
using Dapper;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Blog.Features.SetAccountActive;

/// <summary>
/// Deactivation deletes the user's sessions in the same transaction, so that reactivating the account later does
/// not bring old cookies back to life.
/// </summary>
internal sealed partial class SetAccountActiveHandler(IDbConnectionFactory database, ILogger<SetAccountActiveHandler> logger)
    : ICommandHandler<SetAccountActiveRequest, Result<Done>>
{
    private const string SetActiveSql = "UPDATE users SET active = @Active WHERE username_normalized = @UsernameNormalized RETURNING id";

    private const string EndSessionsSql = "DELETE FROM sessions WHERE user_id = @UserId";

    public async ValueTask<Result<Done>> Handle(SetAccountActiveRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var userId = await connection.QuerySingleOrDefaultAsync<long?>(
            SetActiveSql, new { request.Active, UsernameNormalized = request.Username.ToUpperInvariant() }, transaction);
        if (userId is not { } id)
        {
            return Error.NotFound($"There is no account with the username '{request.Username}'.");
        }

        if (request.Active)
        {
            await transaction.CommitAsync(cancellationToken);
            LogReactivated(logger, id);
        }
        else
        {
            var endedSessions = await connection.ExecuteAsync(EndSessionsSql, new { UserId = id }, transaction);
            await transaction.CommitAsync(cancellationToken);
            LogDeactivated(logger, id, endedSessions);
        }

        return default(Done);
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "User {UserId} deactivated; {Sessions} sessions ended")]
    private static partial void LogDeactivated(ILogger logger, long userId, int sessions);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "User {UserId} reactivated")]
    private static partial void LogReactivated(ILogger logger, long userId);
}
