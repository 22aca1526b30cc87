using Blog.Features.Common.Data;
using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Blog.Api.Infrastructure.Database;

/// <summary>
/// The host's hooks into the database that AddBlogFeatures sets up: the health check, the expired-row cleanup and
/// the schema at start-up.
/// </summary>
public static partial class DatabaseExtensions
{
    public static IServiceCollection AddDatabaseHosting(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddHostedService<ExpiredRowCleanup>();
        return services;
    }

    /// <summary>
    /// Creates or upgrades the schema before the server takes requests. A database server that cannot be reached is
    /// one clear log line naming it (never its password) and <see langword="false"/>: the process then ends.
    /// </summary>
    public static async Task<bool> MigrateDatabaseAsync(this WebApplication app)
    {
        try
        {
            await app.Services.GetRequiredService<Migrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
            return true;
        }
        catch (Exception exception) when (app.Services.GetRequiredService<IDatabaseErrors>().IsUnavailable(exception))
        {
            var server = new NpgsqlConnectionStringBuilder(app.Configuration.GetConnectionString("Blog"));
            LogUnreachable(app.Logger, server.Host, server.Port, exception.GetBaseException().Message);
            return false;
        }
    }

    [LoggerMessage(EventId = 9002, Level = LogLevel.Critical, Message = "Cannot reach the database server at {Host}:{Port} ({Reason}); stopping")]
    private static partial void LogUnreachable(ILogger logger, string? host, int port, string reason);
}

/// <summary>Unhealthy (503 on /health) while the database cannot be reached, healthy again as soon as it can.</summary>
internal sealed class DatabaseHealthCheck(IDbConnectionFactory database, IDatabaseErrors errors) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM schema_version");
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (errors.IsUnavailable(exception))
        {
            // Said without the exception: a down database is reported by every check, and needs no stack trace.
            return HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
    }
}
