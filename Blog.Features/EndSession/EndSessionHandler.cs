using Blog.Features.Common.Data;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Dapper;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Blog.Features.EndSession;

/// <summary>Deleting the row ends the session at once: its next request finds no session, the same 401 as after logout.</summary>
internal sealed partial class EndSessionHandler(IDbConnectionFactory database, ICurrentUser currentUser, ILogger<EndSessionHandler> logger)
    : ICommandHandler<EndSessionRequest, Result<EndedSession>>
{
    internal const string NoSuchSession = "No such session.";

    // The user is part of the key: another user's session is not there to end.
    private const string Sql = "DELETE FROM sessions WHERE public_id = @Id AND user_id = @UserId";

    public async ValueTask<Result<EndedSession>> Handle(EndSessionRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        if (await connection.ExecuteAsync(Sql, new { request.Id, UserId = currentUser.Id }) == 0)
        {
            return Error.NotFound(NoSuchSession);
        }

        var wasCurrent = request.Id == currentUser.SessionId;
        LogEnded(logger, currentUser.Id, wasCurrent);
        return new EndedSession(wasCurrent);
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "User {UserId} ended one of their sessions (their current one: {Current})")]
    private static partial void LogEnded(ILogger logger, long userId, bool current);
}
