using Blog.Features.Common;
using Dapper;

namespace Blog.Api.Infrastructure.Sessions;

/// <summary>Deletes expired session rows every few minutes; expired sessions are already refused when read.</summary>
public sealed partial class ExpiredSessionCleanup(IDbConnectionFactory database, TimeProvider clock, ILogger<ExpiredSessionCleanup> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    private const string Sql = "DELETE FROM sessions WHERE expires_at <= @Now OR absolute_expires_at <= @Now";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var connection = await database.OpenForWriteAsync(stoppingToken);
                var deleted = await connection.ExecuteAsync(Sql, new { Now = clock.GetUtcNow().UtcDateTime });
                LogDeleted(logger, deleted);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Debug, Message = "Deleted {Count} expired sessions")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Error, Message = "Deleting expired sessions failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
