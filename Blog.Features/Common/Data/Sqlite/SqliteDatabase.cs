using Microsoft.Extensions.DependencyInjection;

namespace Blog.Features.Common.Data.Sqlite;

public static class SqliteDatabase
{
    /// <summary>
    /// SQLite behind <see cref="IDbConnectionFactory"/> and <see cref="IDatabaseErrors"/>: the connection factory
    /// (pragmas, one writer at a time), its error codes, the migrations and the type handlers Dapper needs to read and
    /// write its values.
    /// </summary>
    public static IServiceCollection AddSqliteDatabase(this IServiceCollection services, string connectionString, string contentRoot)
    {
        UtcDateTimeHandler.Register();
        var factory = new SqliteConnectionFactory(connectionString, contentRoot);
        services.AddSingleton(factory);
        services.AddSingleton<IDbConnectionFactory>(factory);
        services.AddSingleton<IDatabaseErrors, SqliteErrors>();
        services.AddSingleton<Migrator>();
        return services;
    }
}
