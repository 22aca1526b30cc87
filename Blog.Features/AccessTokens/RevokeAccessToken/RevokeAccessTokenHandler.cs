using Blog.Features.Common.Data;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Dapper;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Blog.Features.AccessTokens.RevokeAccessToken;

internal sealed partial class RevokeAccessTokenHandler(IDbConnectionFactory database, ICurrentUser currentUser, ILogger<RevokeAccessTokenHandler> logger)
    : ICommandHandler<RevokeAccessTokenRequest, Result<Done>>
{
    internal const string NoSuchToken = "No such access token.";

    // The user is part of the key: another user's token is not found, so nobody learns it exists.
    private const string Sql = "DELETE FROM access_tokens WHERE id = @Id AND user_id = @UserId";

    public async ValueTask<Result<Done>> Handle(RevokeAccessTokenRequest request, CancellationToken cancellationToken)
    {
        int deleted;
        await using (var connection = await database.OpenForWriteAsync(cancellationToken))
        {
            deleted = await connection.ExecuteAsync(Sql, new { request.Id, UserId = currentUser.Id });
        }

        if (deleted == 0)
        {
            return Error.NotFound(NoSuchToken);
        }

        LogRevoked(logger, currentUser.Id, request.Id);
        return default(Done);
    }

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "User {UserId} revoked access token {TokenId}")]
    private static partial void LogRevoked(ILogger logger, long userId, long tokenId);
}
