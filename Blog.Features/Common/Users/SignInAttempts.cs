using Blog.Features.Common.Data;
using Blog.Features.Common.Pipeline;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Blog.Features.Common.Users;

/// <summary>
/// The login lockout, shared by everything that checks a user's password: sign-in, password change and account
/// deletion. Attempts are counted per identifier (a normalized username or email address, whether or not such a user
/// exists), and each is reserved in one atomic write before any hash runs: however many guesses arrive at once, at
/// most <see cref="MaxFailures"/> passwords are checked before the identifier locks for
/// <see cref="LockoutDuration"/>, even for the right password. A success clears the count.
/// </summary>
public sealed partial class SignInAttempts(IDbConnectionFactory database, TimeProvider clock, ILogger<SignInAttempts> logger)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(5);

    // Counts this attempt, unless a lock is active; a row past its expiry (lock over, or five minutes without an
    // attempt) starts again at one. SET reads the row as it was before the update, on both engines.
    private const string ReserveSql = """
        INSERT INTO login_failures (identifier, attempts, locked_until, expires_at) VALUES (@Identifier, 1, NULL, @ForgetAt)
        ON CONFLICT (identifier) DO UPDATE SET
            attempts = CASE
                WHEN login_failures.expires_at <= @Now THEN 1
                WHEN login_failures.locked_until IS NOT NULL THEN login_failures.attempts
                ELSE login_failures.attempts + 1 END,
            locked_until = CASE WHEN login_failures.expires_at <= @Now THEN NULL ELSE login_failures.locked_until END,
            expires_at = CASE
                WHEN login_failures.locked_until IS NOT NULL AND login_failures.expires_at > @Now THEN login_failures.expires_at
                ELSE @ForgetAt END
        RETURNING attempts AS Attempts, locked_until AS LockedUntil
        """;

    // The attempts reserved so far have all failed or are still running: either way the limit is reached. A lock
    // already set is left as it is.
    private const string LockSql = """
        UPDATE login_failures SET locked_until = @LockedUntil, expires_at = @LockedUntil
        WHERE identifier = @Identifier AND attempts >= @MaxFailures AND locked_until IS NULL
        """;

    private const string ClearSql = "DELETE FROM login_failures WHERE identifier = @Identifier";

    /// <summary>How a submitted sign-in identifier is counted: trimmed, upper case (as the users' normalized columns).</summary>
    public static string Normalize(string identifier) => identifier.Trim().ToUpperInvariant();

    /// <summary>
    /// Counts one attempt under each of <paramref name="identifiers"/> (normalized), or refuses it when any of them is
    /// locked. Check the password only after a success.
    /// </summary>
    public async Task<Result<Attempt>> ReserveAsync(IReadOnlyList<string> identifiers, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var failuresInARow = 0;
        TimeSpan? retryAfter = null;
        await using (var writer = await database.OpenForWriteAsync(cancellationToken))
        {
            foreach (var identifier in identifiers)
            {
                var reservation = await writer.QuerySingleAsync<Reservation>(ReserveSql, new { Identifier = identifier, Now = now, ForgetAt = now + LockoutDuration });
                failuresInARow = Math.Max(failuresInARow, reservation.Attempts);
                if (reservation.LockedUntil > now || reservation.Attempts > MaxFailures)
                {
                    // Attempts over the limit while none has locked yet wait for those still running, which lock or clear it.
                    var wait = reservation.LockedUntil > now ? reservation.LockedUntil.Value - now : LockoutDuration;
                    retryAfter = retryAfter > wait ? retryAfter : wait;
                }
            }
        }

        if (retryAfter is { } locked)
        {
            LogLockedOut(logger);
            return Error.LockedOut("Too many failed sign-in attempts. Try again later.", locked);
        }

        return new Attempt(identifiers, failuresInARow, now);
    }

    /// <summary>Records the attempt's password as wrong; true when that locked one of its identifiers.</summary>
    public async Task<bool> FailAsync(Attempt attempt, long? userId, CancellationToken cancellationToken)
    {
        var locked = 0;
        await using (var writer = await database.OpenForWriteAsync(cancellationToken))
        {
            foreach (var identifier in attempt.Identifiers)
            {
                locked += await writer.ExecuteAsync(LockSql, new { Identifier = identifier, LockedUntil = attempt.At + LockoutDuration, MaxFailures });
            }
        }

        if (locked > 0)
        {
            LogLockStarted(logger, userId);
        }

        return locked > 0;
    }

    /// <summary>Records the attempt's password as right: its identifiers start again from zero.</summary>
    public async Task SucceedAsync(Attempt attempt, CancellationToken cancellationToken)
    {
        await using var writer = await database.OpenForWriteAsync(cancellationToken);
        foreach (var identifier in attempt.Identifiers)
        {
            await writer.ExecuteAsync(ClearSql, new { Identifier = identifier });
        }
    }

    /// <summary>An attempt reserved under <paramref name="Identifiers"/>, the <paramref name="FailuresInARow"/>-th in a row (counting itself) of the most-tried of them.</summary>
    public sealed record Attempt(IReadOnlyList<string> Identifiers, int FailuresInARow, DateTime At);

    private sealed class Reservation
    {
        public int Attempts { get; init; }

        public DateTime? LockedUntil { get; init; }
    }

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Sign-in identifier locked out after repeated failures (user {UserId}; no user id: no such account)")]
    private static partial void LogLockStarted(ILogger logger, long? userId);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Sign-in refused: identifier is locked out")]
    private static partial void LogLockedOut(ILogger logger);
}
