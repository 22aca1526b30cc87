using Blog.Features.Common.Data;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Dapper;
using Mediator;

namespace Blog.Features.ListSessions;

internal sealed class ListSessionsHandler(IDbConnectionFactory database, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListSessionsRequest, Result<IReadOnlyList<SessionResponse>>>
{
    // Expired rows wait for the cleanup; they are no session any more.
    private const string Sql = """
        SELECT public_id AS Id, created_at AS CreatedAt, last_seen_at AS LastSeenAt, user_agent AS UserAgent, ip_address AS IpAddress
        FROM sessions
        WHERE user_id = @UserId AND expires_at > @Now AND absolute_expires_at > @Now
        ORDER BY last_seen_at DESC, created_at DESC, public_id
        """;

    public async ValueTask<Result<IReadOnlyList<SessionResponse>>> Handle(ListSessionsRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SessionRow>(Sql, new { UserId = currentUser.Id, Now = clock.GetUtcNow().UtcDateTime });
        return rows
            .Select(row => new SessionResponse(
                row.Id, row.CreatedAt, row.LastSeenAt, DeviceName.From(row.UserAgent), row.UserAgent, row.IpAddress, row.Id == currentUser.SessionId))
            .ToList();
    }

    private sealed class SessionRow
    {
        public required string Id { get; init; }

        public DateTime CreatedAt { get; init; }

        public DateTime LastSeenAt { get; init; }

        public string? UserAgent { get; init; }

        public string? IpAddress { get; init; }
    }
}
