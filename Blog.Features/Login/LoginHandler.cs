using Blog.Features.Common.Data;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Dapper;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace Blog.Features.Login;

/// <summary>
/// Checks the credentials. Unknown user and wrong password answer the same and cost the same (a dummy hash is
/// verified). Attempts are counted per submitted identifier, whether or not such a user exists, and each is
/// reserved in one atomic write before any hash runs: however many guesses arrive at once, at most
/// <see cref="MaxFailures"/> passwords are checked before the identifier locks for five minutes, even for the
/// right password. A success clears the count.
/// </summary>
internal sealed partial class LoginHandler(
    IDbConnectionFactory database,
    Passwords passwords,
    TimeProvider clock,
    ILogger<LoginHandler> logger) : ICommandHandler<LoginRequest, Result<UserResponse>>
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(5);

    // Counts this attempt, unless a lock is active; a row past its expiry (lock over, or five minutes without an
    // attempt) starts again at one. SET reads the row as it was before the update, on both engines.
    private const string ReserveAttemptSql = """
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

    private const string FindUserSql = """
        SELECT id AS Id, username AS Username, email AS Email, password_hash AS PasswordHash, active AS Active
        FROM users
        WHERE username_normalized = @Identifier OR email_normalized = @Identifier;

        SELECT r.name
        FROM users u
        JOIN user_roles ur ON ur.user_id = u.id
        JOIN roles r ON r.id = ur.role_id
        WHERE u.username_normalized = @Identifier OR u.email_normalized = @Identifier
        ORDER BY r.name;
        """;

    // The attempts reserved so far have all failed or are still running: either way the limit is reached. A lock
    // already set is left as it is.
    private const string LockSql = """
        UPDATE login_failures SET locked_until = @LockedUntil, expires_at = @LockedUntil
        WHERE identifier = @Identifier AND attempts >= @MaxFailures AND locked_until IS NULL
        """;

    private const string ClearAttemptsSql = "DELETE FROM login_failures WHERE identifier = @Identifier";

    private const string UpgradeHashSql = "UPDATE users SET password_hash = @PasswordHash WHERE id = @Id";

    public async ValueTask<Result<UserResponse>> Handle(LoginRequest request, CancellationToken cancellationToken)
    {
        var identifier = request.UsernameOrEmail.Trim().ToUpperInvariant();
        var now = clock.GetUtcNow().UtcDateTime;
        Reservation reservation;
        await using (var writer = await database.OpenForWriteAsync(cancellationToken))
        {
            reservation = await writer.QuerySingleAsync<Reservation>(ReserveAttemptSql, new { Identifier = identifier, Now = now, ForgetAt = now + LockoutDuration });
        }

        if (reservation.LockedUntil > now || reservation.Attempts > MaxFailures)
        {
            LogLockedOut(logger);
            // Attempts over the limit while none has locked yet wait for those still running, which lock or clear it.
            var retryAfter = reservation.LockedUntil > now ? reservation.LockedUntil.Value - now : LockoutDuration;
            return Error.LockedOut("Too many failed sign-in attempts. Try again later.", retryAfter);
        }

        UserCredentials? user;
        string[] roles;
        await using (var reader = await database.OpenAsync(cancellationToken))
        {
            await using var results = await reader.QueryMultipleAsync(FindUserSql, new { Identifier = identifier });
            user = await results.ReadSingleOrDefaultAsync<UserCredentials>();
            roles = (await results.ReadAsync<string>()).ToArray();
        }

        if (user is null)
        {
            await passwords.VerifyDummyAsync(request.Password, cancellationToken);
            return await FailAsync(identifier, reservation.Attempts, now, userId: null, cancellationToken);
        }

        var verification = await passwords.VerifyAsync(user.PasswordHash, request.Password, cancellationToken);
        if (verification == PasswordVerificationResult.Failed)
        {
            return await FailAsync(identifier, reservation.Attempts, now, user.Id, cancellationToken);
        }

        if (!user.Active)
        {
            LogDisabled(logger, user.Id);
            return Error.Forbidden("Account is disabled.");
        }

        var upgradedHash = verification == PasswordVerificationResult.SuccessRehashNeeded
            ? await passwords.HashAsync(request.Password, cancellationToken)
            : null;
        await using (var writer = await database.OpenForWriteAsync(cancellationToken))
        {
            await writer.ExecuteAsync(ClearAttemptsSql, new { Identifier = identifier });
            if (upgradedHash is not null)
            {
                await writer.ExecuteAsync(UpgradeHashSql, new { user.Id, PasswordHash = upgradedHash });
                LogHashUpgraded(logger, user.Id);
            }
        }

        LogSignedIn(logger, user.Id);
        return new UserResponse(user.Id, user.Username, user.Email, roles);
    }

    private async Task<Result<UserResponse>> FailAsync(string identifier, int attempt, DateTime now, long? userId, CancellationToken cancellationToken)
    {
        await using var writer = await database.OpenForWriteAsync(cancellationToken);
        var locked = await writer.ExecuteAsync(LockSql, new { Identifier = identifier, LockedUntil = now + LockoutDuration, MaxFailures });
        if (locked > 0)
        {
            LogLockStarted(logger, userId);
        }
        else
        {
            LogFailed(logger, userId, attempt);
        }

        return Error.Unauthorized("Wrong username or password.");
    }

    private sealed class Reservation
    {
        public int Attempts { get; init; }

        public DateTime? LockedUntil { get; init; }
    }

    private sealed class UserCredentials
    {
        public long Id { get; init; }

        public required string Username { get; init; }

        public required string Email { get; init; }

        public required string PasswordHash { get; init; }

        public bool Active { get; init; }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "User {UserId} signed in")]
    private static partial void LogSignedIn(ILogger logger, long userId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Sign-in failed (user {UserId}, failure {Failures} in a row; no user id: no such account)")]
    private static partial void LogFailed(ILogger logger, long? userId, int failures);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Sign-in identifier locked out after repeated failures (user {UserId}; no user id: no such account)")]
    private static partial void LogLockStarted(ILogger logger, long? userId);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Sign-in refused: identifier is locked out")]
    private static partial void LogLockedOut(ILogger logger);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Sign-in refused: user {UserId} is disabled")]
    private static partial void LogDisabled(ILogger logger, long userId);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Password hash of user {UserId} upgraded to the current parameters")]
    private static partial void LogHashUpgraded(ILogger logger, long userId);
}
