using System.Buffers.Text;
using System.Security.Cryptography;
using Blog.Features.Common.Data;
using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Blog.Api.Infrastructure.Sessions;

/// <summary>
/// Keeps authentication tickets in the <c>sessions</c> table; the cookie carries only a random key. Deleting the
/// row (logout, ending it from the session list, a password change elsewhere), deactivating the user or passing the
/// absolute lifetime ends the session at once, because every request reads its session row. Each row also has a
/// public id (what the user's own session list names it by), the device it began on and when it was last seen,
/// written at most once a <see cref="LastSeenPrecision"/> so that reads do not turn into writes.
/// </summary>
public sealed class DatabaseTicketStore(IDbConnectionFactory database, IOptions<SessionOptions> options, TimeProvider clock) : ITicketStore, IDisposable
{
    /// <summary>How stale <c>last_seen_at</c> may be: it is written on the first request after this long.</summary>
    public static readonly TimeSpan LastSeenPrecision = TimeSpan.FromMinutes(1);

    private const string InsertSql = """
        INSERT INTO sessions (id, public_id, user_id, ticket, expires_at, absolute_expires_at, created_at, last_seen_at, user_agent, ip_address)
        VALUES (@Id, @PublicId, @UserId, @Ticket, @ExpiresAt, @AbsoluteExpiresAt, @CreatedAt, @CreatedAt, @UserAgent, @IpAddress)
        """;

    // A key is only ever renewed for the user it was stored for.
    private const string RenewSql = "UPDATE sessions SET ticket = @Ticket, expires_at = @ExpiresAt WHERE id = @Id AND user_id = @UserId";

    internal const string RetrieveSql = """
        SELECT s.ticket, s.user_id, s.public_id, s.last_seen_at <= @SeenBefore
        FROM sessions s
        JOIN users u ON u.id = s.user_id
        WHERE s.id = @Id AND u.active = TRUE AND s.expires_at > @Now AND s.absolute_expires_at > @Now
        """;

    private const string RemoveSql = "DELETE FROM sessions WHERE id = @Id";

    // Requests that arrive together may each find the time stale; the condition lets one of them write.
    private const string SeenSql = "UPDATE sessions SET last_seen_at = @Now WHERE id = @Id AND last_seen_at <= @SeenBefore";

    private const string ReplaceKeySql = "UPDATE sessions SET id = @NewKey WHERE id = @Key AND user_id = @UserId";

    // Every signed-in request runs it: it stays compiled.
    private readonly IPreparedQuery _retrieve = database.Prepare(RetrieveSql, "@Id", "@Now", "@SeenBefore");

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var id = NewKey();
        var now = clock.GetUtcNow();
        var userId = SessionClaims.UserId(ticket.Principal) ?? throw new InvalidOperationException("A session needs a signed-in user.");
        var device = SessionDevice.TakeFrom(ticket.Properties);
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await connection.ExecuteAsync(InsertSql, new
        {
            Id = id,
            PublicId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            UserId = userId,
            Ticket = TicketSerializer.Default.Serialize(ticket),
            ExpiresAt = ExpiresAt(ticket, now),
            AbsoluteExpiresAt = (now + options.Value.AbsoluteLifetime).UtcDateTime,
            CreatedAt = Timestamps.Now(clock),
            device.UserAgent,
            device.IpAddress,
        });
        return id;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await connection.ExecuteAsync(RenewSql, new
        {
            Id = key,
            UserId = SessionClaims.UserId(ticket.Principal),
            Ticket = TicketSerializer.Default.Serialize(ticket),
            ExpiresAt = ExpiresAt(ticket, clock.GetUtcNow()),
        });
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var seenBefore = now - LastSeenPrecision;
        var row = await _retrieve.QueryFirstOrDefaultAsync(
            reader => new SessionRow((byte[])reader[0], reader.GetInt64(1), reader.GetString(2), reader.GetBoolean(3)),
            cancellationToken,
            key,
            now,
            seenBefore);
        var ticket = row is null ? null : TicketSerializer.Default.Deserialize(row.Ticket);
        // A ticket is only ever good for the user its row was stored for.
        if (ticket is null || SessionClaims.UserId(ticket.Principal) != row!.UserId)
        {
            return null;
        }

        if (row.LastSeenIsStale)
        {
            await using var connection = await database.OpenForWriteAsync(cancellationToken);
            await connection.ExecuteAsync(SeenSql, new { Id = key, Now = Timestamps.Now(clock), SeenBefore = seenBefore });
        }

        SessionClaims.AddSessionId(ticket.Principal, row.PublicId);
        return ticket;
    }

    /// <summary>
    /// Moves <paramref name="key"/>'s session, if it is <paramref name="userId"/>'s, under a new random key, which it
    /// answers (null when there is no such session). The old key stops working at once; the session keeps its public
    /// id, start and device.
    /// </summary>
    public async Task<string?> ReplaceKeyAsync(string key, long userId, CancellationToken cancellationToken)
    {
        var newKey = NewKey();
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        var moved = await connection.ExecuteAsync(ReplaceKeySql, new { Key = key, NewKey = newKey, UserId = userId });
        return moved == 1 ? newKey : null;
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await connection.ExecuteAsync(RemoveSql, new { Id = key });
    }

    public void Dispose() => _retrieve.Dispose();

    private static string NewKey() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private sealed record SessionRow(byte[] Ticket, long UserId, string PublicId, bool LastSeenIsStale);

    private DateTime ExpiresAt(AuthenticationTicket ticket, DateTimeOffset now) =>
        (ticket.Properties.ExpiresUtc ?? now + options.Value.IdleTimeout).UtcDateTime;
}
