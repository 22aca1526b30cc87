using Blog.Features.Common.Data;
using Blog.Features.Common.Users;
using Dapper;

namespace Blog.Api.Infrastructure.AccessTokens;

/// <summary>
/// Finds the access token of a secret by its SHA-256, with its user, in one indexed query, and records its last use
/// at most once a minute, so that a script's reads stay reads.
/// </summary>
public sealed class AccessTokenStore(IDbConnectionFactory database, TimeProvider clock) : IDisposable
{
    /// <summary>How stale <c>last_used_at</c> may get before a request writes it again.</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    // One row per role of the user (one row with a null role when there is none). Expiry, staleness and the user's
    // state come back as flags, so that a refusal can say why.
    internal const string FindSql = """
        SELECT t.id, t.user_id, t.scopes, t.expires_at > @Now, t.last_used_at IS NULL OR t.last_used_at <= @StaleBefore,
               u.username, u.email, u.active, r.name
        FROM access_tokens t
        JOIN users u ON u.id = t.user_id
        LEFT JOIN user_roles ur ON ur.user_id = u.id
        LEFT JOIN roles r ON r.id = ur.role_id
        WHERE t.secret_hash = @SecretHash
        """;

    // Conditional, so that requests racing past a stale value (on any instance) change the row once.
    private const string TouchSql = """
        UPDATE access_tokens SET last_used_at = @Now
        WHERE id = @Id AND (last_used_at IS NULL OR last_used_at <= @StaleBefore)
        """;

    // Every bearer request runs it: it stays compiled.
    private readonly IPreparedQuery _find = database.Prepare(FindSql, "@SecretHash", "@Now", "@StaleBefore");

    public async Task<AccessTokenLookup?> FindAsync(string secret, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await _find.QueryAsync(
            reader => new Row(
                reader.GetInt64(0),
                reader.GetInt64(1),
                reader.GetString(2),
                reader.GetBoolean(3),
                reader.GetBoolean(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.GetBoolean(7),
                reader.IsDBNull(8) ? null : reader.GetString(8)),
            cancellationToken,
            AccessTokenSecret.Hash(secret),
            now,
            now - LastUseResolution);
        if (rows.Count == 0)
        {
            return null;
        }

        var token = rows[0];
        var roles = rows.Where(row => row.Role is not null).Select(row => row.Role!).Order(StringComparer.Ordinal).ToArray();
        return new AccessTokenLookup(
            token.Id,
            new UserResponse(token.UserId, token.Username, token.Email, roles),
            token.Scopes.Split(Scopes.StoredSeparator),
            token.Live,
            token.UserActive,
            token.LastUseStale);
    }

    public async Task TouchAsync(long id, CancellationToken cancellationToken)
    {
        var now = Timestamps.Now(clock);
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await connection.ExecuteAsync(TouchSql, new { Id = id, Now = now, StaleBefore = now - LastUseResolution });
    }

    public void Dispose() => _find.Dispose();

    private sealed record Row(long Id, long UserId, string Scopes, bool Live, bool LastUseStale, string Username, string Email, bool UserActive, string? Role);
}

/// <summary>An access token as found by its secret: whether it may act is for the caller to decide, and say why not.</summary>
public sealed record AccessTokenLookup(long Id, UserResponse User, IReadOnlyList<string> Scopes, bool Live, bool UserActive, bool LastUseStale);
