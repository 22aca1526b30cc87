using Blog.Features.Common.Data;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Dapper;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Blog.Features.AccessTokens.CreateAccessToken;

internal sealed partial class CreateAccessTokenHandler(
    IDbConnectionFactory database,
    ICurrentUser currentUser,
    TimeProvider clock,
    ILogger<CreateAccessTokenHandler> logger) : ICommandHandler<CreateAccessTokenRequest, Result<AccessTokenResponse>>
{
    // Takes the user's row lock on PostgreSQL, so that one user's concurrent creations count live tokens one after
    // the other; SQLite writes one transaction at a time anyway.
    private const string LockUserSql = "UPDATE users SET active = active WHERE id = @UserId";

    private const string CountLiveSql = "SELECT COUNT(*) FROM access_tokens WHERE user_id = @UserId AND expires_at > @Now";

    // The unique index on (user_id, name) decides a taken name, races included: no row comes back.
    private const string InsertSql = """
        INSERT INTO access_tokens (user_id, name, scopes, secret_hash, created_at, expires_at)
        VALUES (@UserId, @Name, @Scopes, @SecretHash, @CreatedAt, @ExpiresAt)
        ON CONFLICT (user_id, name) DO NOTHING
        RETURNING id
        """;

    public async ValueTask<Result<AccessTokenResponse>> Handle(CreateAccessTokenRequest request, CancellationToken cancellationToken)
    {
        var secret = AccessTokenSecret.New();
        var createdAt = Timestamps.Now(clock);
        // In the order the contract lists them, whatever order they were sent in.
        var scopes = Scopes.All.Where(request.Scopes.Contains).ToArray();
        var token = new
        {
            UserId = currentUser.Id,
            Name = request.Name.Trim(),
            Scopes = string.Join(Scopes.StoredSeparator, scopes),
            SecretHash = AccessTokenSecret.Hash(secret),
            CreatedAt = createdAt,
            ExpiresAt = createdAt.AddDays(request.ExpiresInDays),
        };

        long? id;
        await using (var connection = await database.OpenForWriteAsync(cancellationToken))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(LockUserSql, token, transaction);
            var live = await connection.ExecuteScalarAsync<long>(CountLiveSql, new { token.UserId, Now = createdAt }, transaction);
            if (live >= CreateAccessTokenRequest.MaxLiveTokens)
            {
                return Error.Conflict(
                    $"You have {CreateAccessTokenRequest.MaxLiveTokens} live access tokens, the most there can be. Revoke one first.");
            }

            id = await connection.QuerySingleOrDefaultAsync<long?>(InsertSql, token, transaction);
            await transaction.CommitAsync(cancellationToken);
        }

        if (id is null)
        {
            return Error.Conflict(new Dictionary<string, string[]> { ["name"] = ["You already have an access token with this name."] });
        }

        LogCreated(logger, token.UserId, id.Value, token.Scopes, token.ExpiresAt);
        return new AccessTokenRow(id.Value, token.Name, token.Scopes, token.CreatedAt, token.ExpiresAt, null).ToResponse(secret);
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "User {UserId} created access token {TokenId} with scopes {Scopes}, expiring {ExpiresAt:O}")]
    private static partial void LogCreated(ILogger logger, long userId, long tokenId, string scopes, DateTime expiresAt);
}
