using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Blog.Features.Common.Data.Postgres;

public static class PostgresDatabase
{
    /// <summary>
    /// PostgreSQL behind the engine-neutral data interfaces: one <see cref="NpgsqlDataSource"/> (its pooling), its error
    /// codes, advisory locks and the migrations.
    /// </summary>
    public static IServiceCollection AddPostgresDatabase(this IServiceCollection services, string connectionString)
    {
        // Made by the container, so that disposing it closes the pool's connections.
        services.AddSingleton(_ =>
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString);
            // The slices' statements are few and run constantly: prepared once per connection, PostgreSQL skips
            // parsing and planning them on every request. A connection string that sets its own value keeps it.
            if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
            {
                builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
            }

            return builder.Build();
        });
        services.AddSingleton<IDbConnectionFactory, PostgresConnectionFactory>();
        services.AddSingleton<IDatabaseErrors, PostgresErrors>();
        services.AddSingleton<IDatabaseLocks, PostgresLocks>();
        services.AddSingleton(new MigrationScripts(
            "Blog.Features.Common.Data.Postgres.Migrations.",
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)"));
        return services;
    }
}
