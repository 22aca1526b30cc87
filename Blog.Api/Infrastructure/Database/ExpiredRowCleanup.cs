using Blog.Features.Common.Data;
using Dapper;

namespace Blog.Api.Infrastructure.Database;

/// <summary>
/// Deletes expired session rows, forgotten sign-in attempt counts and past rate-limit windows every few minutes, so
/// that no table grows without bound; expired rows are already ignored when read. With several instances on one
/// database, one of them cleans at a time and the others skip that round.
/// </summary>
public sealed partial class ExpiredRowCleanup(IDbConnectionFactory database, IDatabaseLocks locks, TimeProvider clock, ILogger<ExpiredRowCleanup> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    private const string DeleteSessionsSql = "DELETE FROM sessions WHERE expires_at <= @Now OR absolute_expires_at <= @Now";

    private const string DeleteLoginAttemptsSql = "DELETE FROM login_failures WHERE expires_at <= @Now";

    private const string DeleteRateLimitWindowsSql = "DELETE FROM rate_limit_windows WHERE ends_at <= @Now";

    public async Task DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        await using var cleaning = await locks.TryAcquireAsync("expired-rows-cleanup", cancellationToken);
        if (cleaning is null)
        {
            return;
        }

        var now = new { Now = clock.GetUtcNow().UtcDateTime };
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        var sessions = await connection.ExecuteAsync(DeleteSessionsSql, now);
        var loginAttempts = await connection.ExecuteAsync(DeleteLoginAttemptsSql, now);
        await connection.ExecuteAsync(DeleteRateLimitWindowsSql, now);
        LogDeleted(logger, sessions, loginAttempts);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await DeleteExpiredAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Debug, Message = "Deleted {Sessions} expired sessions and {LoginAttempts} forgotten sign-in attempt counts")]
    private static partial void LogDeleted(ILogger logger, int sessions, int loginAttempts);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Error, Message = "Deleting expired sessions and sign-in attempt counts failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
