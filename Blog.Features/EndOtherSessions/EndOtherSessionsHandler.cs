using Blog.Features.Common.Data;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Dapper;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Blog.Features.EndOtherSessions;

internal sealed partial class EndOtherSessionsHandler(IDbConnectionFactory database, ICurrentUser currentUser, ILogger<EndOtherSessionsHandler> logger)
    : ICommandHandler<EndOtherSessionsRequest, Result<Done>>
{
    private const string Sql = "DELETE FROM sessions WHERE user_id = @UserId AND public_id <> @Current";

    public async ValueTask<Result<Done>> Handle(EndOtherSessionsRequest request, CancellationToken cancellationToken)
    {
        int ended;
        await using (var connection = await database.OpenForWriteAsync(cancellationToken))
        {
            ended = await connection.ExecuteAsync(Sql, new { UserId = currentUser.Id, Current = currentUser.SessionId ?? string.Empty });
        }

        LogEnded(logger, currentUser.Id, ended);
        return default(Done);
    }

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "User {UserId} ended their {Sessions} other sessions")]
    private static partial void LogEnded(ILogger logger, long userId, int sessions);
}
