using Dapper;
using Npgsql;

namespace Blog.Features.Common.Data.Postgres;

/// <summary>PostgreSQL advisory locks, held by a connection of their own, so every instance on the database sees them.</summary>
public sealed class PostgresLocks(NpgsqlDataSource dataSource) : IDatabaseLocks
{
    public async Task<IAsyncDisposable> AcquireAsync(string name, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync("SELECT pg_advisory_lock(hashtext(@Name))", new { Name = Key(name) });
            return new Held(connection, name);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            if (await connection.ExecuteScalarAsync<bool>("SELECT pg_try_advisory_lock(hashtext(@Name))", new { Name = Key(name) }))
            {
                return new Held(connection, name);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    private static string Key(string name) => "blog:" + name;

    private sealed class Held(NpgsqlConnection connection, string name) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(hashtext(@Name))", new { Name = Key(name) });
            }
            finally
            {
                // Returned to the pool, the connection is reset, which would release the lock anyway.
                await connection.DisposeAsync();
            }
        }
    }
}
