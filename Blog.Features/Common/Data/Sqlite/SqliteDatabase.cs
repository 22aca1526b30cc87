using Microsoft.Extensions.DependencyInjection;

namespace Blog.Features.Common.Data.Sqlite;

public static class SqliteDatabase
{
    /// <summary>
    /// SQLite behind the engine-neutral data interfaces: the connection factory (pragmas, one writer at a time), its
    /// error codes, process-local locks and the migrations.
    /// </summary>
    public static IServiceCollection AddSqliteDatabase(this IServiceCollection services, string connectionString, string contentRoot)
    {
        var factory = new SqliteConnectionFactory(connectionString, contentRoot);
        services.AddSingleton(factory);
        services.AddSingleton<IDbConnectionFactory>(factory);
        services.AddSingleton<IDatabaseErrors, SqliteErrors>();
        services.AddSingleton<IDatabaseLocks, SqliteLocks>();
        services.AddSingleton(new MigrationScripts(
            "Blog.Features.Common.Data.Sqlite.Migrations.",
            // WAL is a property of the file: set once, it stays.
            "PRAGMA journal_mode = WAL",
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"));
        return services;
    }
}
