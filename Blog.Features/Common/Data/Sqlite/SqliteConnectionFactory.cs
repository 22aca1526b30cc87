using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Blog.Features.Common.Data.Sqlite;

/// <summary>Opens pooled SQLite connections with the per-connection pragmas applied; writers take turns.</summary>
public sealed class SqliteConnectionFactory : IDbConnectionFactory, IDisposable
{
    // journal_mode=WAL is a property of the file and is set once by the migrator. foreign_keys is set here rather
    // than with the connection string's Foreign Keys=True, which Microsoft.Data.Sqlite runs on every open.
    private const string ConnectionPragmas = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";

    // The native connections the pool hands out again keep their pragmas: apply them once per native connection,
    // not on every open.
    private static readonly ConditionalWeakTable<sqlite3, object> Prepared = [];
    private static readonly object Applied = new();

    // SQLite lets one connection write at a time. Writers that meet its lock wait in its busy handler, which sleeps
    // in growing steps (1, 2, 5, 10 ... 100 ms) and leaves the cores idle; waiting here instead wakes the next
    // writer the moment the previous one is done, in arrival order.
    private readonly SemaphoreSlim _writer = new(1, 1);

    public SqliteConnectionFactory(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        ConnectionString = builder.ToString();
        if (Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }
    }

    public string ConnectionString { get; }

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (!Prepared.TryGetValue(connection.Handle!, out _))
            {
                await using var pragmas = connection.CreateCommand();
                pragmas.CommandText = ConnectionPragmas;
                await pragmas.ExecuteNonQueryAsync(cancellationToken);
                Prepared.TryAdd(connection.Handle!, Applied);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<DbConnection> OpenForWriteAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            var connection = await OpenAsync(cancellationToken);
            var released = 0;
            connection.StateChange += (_, change) =>
            {
                if (change.CurrentState == ConnectionState.Closed && Interlocked.Exchange(ref released, 1) == 0)
                {
                    _writer.Release();
                }
            };
            return connection;
        }
        catch
        {
            _writer.Release();
            throw;
        }
    }

    public IPreparedQuery Prepare(string sql, params string[] parameterNames) => new PreparedQuery(this, sql, parameterNames);

    public void Dispose() => _writer.Dispose();
}
