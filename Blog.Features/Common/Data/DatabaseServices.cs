using Blog.Features.Common.Data.Postgres;
using Blog.Features.Common.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Features.Common.Data;

public static class DatabaseServices
{
    /// <summary>
    /// The configured engine behind <see cref="IDbConnectionFactory"/>, <see cref="IDatabaseErrors"/> and
    /// <see cref="IDatabaseLocks"/>, its migrations, and the timestamp handling Dapper needs on both engines. A relative
    /// SQLite file name is resolved against <paramref name="contentRoot"/>.
    /// </summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, DatabaseProvider provider, string connectionString, string contentRoot)
    {
        UtcDateTimeHandler.Register();
        _ = provider switch
        {
            DatabaseProvider.Sqlite => services.AddSqliteDatabase(connectionString, contentRoot),
            DatabaseProvider.Postgres => services.AddPostgresDatabase(connectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Blog:Database:Provider is Sqlite or Postgres."),
        };
        services.AddSingleton<Migrator>();
        return services;
    }
}
