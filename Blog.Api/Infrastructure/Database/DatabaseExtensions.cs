using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Blog.Api.Infrastructure.Database;

public static class DatabaseExtensions
{
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        UtcDateTimeHandler.Register();
        var connectionString = configuration.GetConnectionString("Blog") ?? "Data Source=App_Data/blog.db";
        var factory = new SqliteConnectionFactory(connectionString, environment.ContentRootPath);
        services.AddSingleton(factory);
        services.AddSingleton<IDbConnectionFactory>(factory);
        services.AddSingleton<Migrator>();
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
