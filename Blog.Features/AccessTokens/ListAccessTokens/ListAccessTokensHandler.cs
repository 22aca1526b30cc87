using Blog.Features.Common.Data;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Dapper;
using Mediator;

namespace Blog.Features.AccessTokens.ListAccessTokens;

internal sealed class ListAccessTokensHandler(IDbConnectionFactory database, ICurrentUser currentUser)
    : IQueryHandler<ListAccessTokensRequest, Result<IReadOnlyList<AccessTokenResponse>>>
{
    private const string Sql = """
        SELECT id AS Id, name AS Name, scopes AS Scopes, created_at AS CreatedAt, expires_at AS ExpiresAt, last_used_at AS LastUsedAt
        FROM access_tokens
        WHERE user_id = @UserId
        ORDER BY id DESC
        """;

    public async ValueTask<Result<IReadOnlyList<AccessTokenResponse>>> Handle(ListAccessTokensRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AccessTokenRow>(Sql, new { UserId = currentUser.Id });
        return rows.Select(row => row.ToResponse()).ToArray();
    }
}
