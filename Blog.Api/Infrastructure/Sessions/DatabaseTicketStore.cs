using System.Buffers.Text;
using System.Security.Cryptography;
using Blog.Features.Common.Data.Sqlite;
using Blog.Features.Common.Data;
using Dapper;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Blog.Api.Infrastructure.Sessions;

/// <summary>
/// Keeps authentication tickets in the <c>sessions</c> table; the cookie carries only a random key. Deleting the
/// row (logout), deactivating the user or passing the absolute lifetime ends the session at once, because every
/// request reads its session row.
/// </summary>
public sealed class DatabaseTicketStore(IDbConnectionFactory database, IOptions<SessionOptions> options, TimeProvider clock) : ITicketStore, IDisposable
{
    private const string InsertSql = """
        INSERT INTO sessions (id, user_id, ticket, expires_at, absolute_expires_at)
        VALUES (@Id, @UserId, @Ticket, @ExpiresAt, @AbsoluteExpiresAt)
        """;

    // A key is only ever renewed for the user it was stored for.
    private const string RenewSql = "UPDATE sessions SET ticket = @Ticket, expires_at = @ExpiresAt WHERE id = @Id AND user_id = @UserId";

    internal const string RetrieveSql = """
        SELECT s.ticket, s.user_id
        FROM sessions s
        JOIN users u ON u.id = s.user_id
        WHERE s.id = @Id AND u.active = TRUE AND s.expires_at > @Now AND s.absolute_expires_at > @Now
        """;

    private const string RemoveSql = "DELETE FROM sessions WHERE id = @Id";

    // Every signed-in request runs it: it stays compiled.
    private readonly PreparedQuery _retrieve = new(database, RetrieveSql, "@Id", "@Now");

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var userId = SessionClaims.UserId(ticket.Principal) ?? throw new InvalidOperationException("A session needs a signed-in user.");
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await connection.ExecuteAsync(InsertSql, new
        {
            Id = id,
            UserId = userId,
            Ticket = TicketSerializer.Default.Serialize(ticket),
            ExpiresAt = ExpiresAt(ticket, now),
            AbsoluteExpiresAt = (now + options.Value.AbsoluteLifetime).UtcDateTime,
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
        var row = await _retrieve.QueryFirstOrDefaultAsync(
            reader => new SessionRow((byte[])reader[0], reader.GetInt64(1)),
            cancellationToken,
            key,
            UtcDateTimeHandler.ToText(clock.GetUtcNow().UtcDateTime));
        var ticket = row is null ? null : TicketSerializer.Default.Deserialize(row.Ticket);
        // A ticket is only ever good for the user its row was stored for.
        return ticket is not null && SessionClaims.UserId(ticket.Principal) == row!.UserId ? ticket : null;
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await connection.ExecuteAsync(RemoveSql, new { Id = key });
    }

    public void Dispose() => _retrieve.Dispose();

    private sealed record SessionRow(byte[] Ticket, long UserId);

    private DateTime ExpiresAt(AuthenticationTicket ticket, DateTimeOffset now) =>
        (ticket.Properties.ExpiresUtc ?? now + options.Value.IdleTimeout).UtcDateTime;
}
