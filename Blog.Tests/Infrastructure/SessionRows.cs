namespace Blog.Tests.Infrastructure;

/// <summary>Session rows arranged straight through SQL, for the handlers that list and end them.</summary>
public static class SessionRows
{
    /// <summary>Adds a live session of <paramref name="userId"/> under <paramref name="publicId"/> (its key is <c>key-</c> and the id).</summary>
    public static Task InsertSessionAsync(
        this TestDatabase database, long userId, string publicId, DateTime lastSeenAt, string? userAgent = null, string? ipAddress = null) =>
        database.ExecuteAsync(
            """
            INSERT INTO sessions (id, public_id, user_id, ticket, expires_at, absolute_expires_at, created_at, last_seen_at, user_agent, ip_address)
            VALUES (@Key, @PublicId, @UserId, @Ticket, @Far, @Far, @CreatedAt, @LastSeenAt, @UserAgent, @IpAddress)
            """,
            new
            {
                Key = "key-" + publicId,
                PublicId = publicId,
                UserId = userId,
                Ticket = new byte[] { 0 },
                Far = new DateTime(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                CreatedAt = lastSeenAt.AddHours(-1),
                LastSeenAt = lastSeenAt,
                UserAgent = userAgent,
                IpAddress = ipAddress,
            });

    /// <summary>The public ids of <paramref name="userId"/>'s sessions, in order.</summary>
    public static async Task<IReadOnlyList<string>> SessionIdsAsync(this TestDatabase database, long userId) =>
        await database.QueryAsync<string>("SELECT public_id FROM sessions WHERE user_id = @userId ORDER BY public_id", new { userId });
}
