using System.Collections.Concurrent;
using System.Data.Common;

namespace Blog.Features.Common.Data.Sqlite;

/// <summary>
/// One query kept compiled, for the look-up that runs on every request. Microsoft.Data.Sqlite compiles the SQL of
/// every new command again, and for a one-row look-up compiling costs more than running; this keeps a few commands
/// prepared, each on a pooled connection it holds, and binds new values on each call.
/// </summary>
public sealed class PreparedQuery(SqliteConnectionFactory database, string sql, params string[] parameterNames) : IPreparedQuery
{
    // Enough for every request of a busy two-core server to find one idle; surplus commands are closed on return.
    private static readonly int MaxIdle = Environment.ProcessorCount * 8;

    private readonly ConcurrentBag<DbCommand> _idle = [];

    // Counted apart: ConcurrentBag.Count locks every thread's list, on the hot path.
    private int _idleCount;

    public Task<T?> QueryFirstOrDefaultAsync<T>(Func<DbDataReader, T> read, CancellationToken cancellationToken, params object?[] values)
        where T : class =>
        RunAsync(async (reader, token) => await reader.ReadAsync(token) ? read(reader) : null, cancellationToken, values);

    public Task<IReadOnlyList<T>> QueryAsync<T>(Func<DbDataReader, T> read, CancellationToken cancellationToken, params object?[] values) =>
        RunAsync<IReadOnlyList<T>>(
            async (reader, token) =>
            {
                var rows = new List<T>();
                while (await reader.ReadAsync(token))
                {
                    rows.Add(read(reader));
                }

                return rows;
            },
            cancellationToken,
            values);

    private async Task<TResult> RunAsync<TResult>(Func<DbDataReader, CancellationToken, Task<TResult>> consume, CancellationToken cancellationToken, object?[] values)
    {
        // A kept command still holds the previous call's values: a missing one must not run with them.
        ArgumentOutOfRangeException.ThrowIfNotEqual(values.Length, parameterNames.Length, nameof(values));
        DbCommand command;
        if (_idle.TryTake(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            command = idle;
        }
        else
        {
            command = await PrepareAsync(cancellationToken);
        }

        try
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] switch
                {
                    null => DBNull.Value,
                    DateTime timestamp => UtcDateTimeHandler.ToText(timestamp),
                    var value => value,
                };
            }

            TResult result;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                result = await consume(reader, cancellationToken);
            }

            Return(command);
            return result;
        }
        catch
        {
            // A command that failed is not trusted again.
            Close(command);
            throw;
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var command))
        {
            Close(command);
        }
    }

    private async Task<DbCommand> PrepareAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        var command = connection.CreateCommand();
        try
        {
            command.CommandText = sql;
            foreach (var name in parameterNames)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            await command.PrepareAsync(cancellationToken);
            return command;
        }
        catch
        {
            Close(command);
            throw;
        }
    }

    private void Return(DbCommand command)
    {
        if (Interlocked.Increment(ref _idleCount) <= MaxIdle)
        {
            _idle.Add(command);
        }
        else
        {
            Interlocked.Decrement(ref _idleCount);
            Close(command);
        }
    }

    // SQLite's close is synchronous: the async forms would only wrap it.
    private static void Close(DbCommand command)
    {
        var connection = command.Connection;
        command.Dispose();
        connection?.Dispose();
    }
}
