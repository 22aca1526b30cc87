using Blog.Features.Common.Data.Sqlite;
using Blog.Features.Common.Data;
using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Blog.Api.Infrastructure.Database;

/// <summary>The host's hooks into the database that AddBlogFeatures sets up: the health check and the schema at start-up.</summary>
public static class DatabaseExtensions
{
    public static IServiceCollection AddDatabaseHealthCheck(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary>Creates or upgrades the schema before the server takes requests.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app) =>
        await app.Services.GetRequiredService<Migrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
}

internal sealed class DatabaseHealthCheck(IDbConnectionFactory database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM schema_version");
        return HealthCheckResult.Healthy();
    }
}
