using System.Data.Common;
using Npgsql;

namespace Blog.Features.Common.Data.Postgres;

/// <summary>
/// Connections from one <see cref="NpgsqlDataSource"/> (its pool). PostgreSQL runs concurrent writers itself, so
/// writers do not take turns here.
/// </summary>
public sealed class PostgresConnectionFactory(NpgsqlDataSource dataSource) : IDbConnectionFactory
{
    public DatabaseProvider Provider => DatabaseProvider.Postgres;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await dataSource.OpenConnectionAsync(cancellationToken);

    public Task<DbConnection> OpenForWriteAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    public IPreparedQuery Prepare(string sql, params string[] parameterNames) => new PreparedQuery(dataSource, sql, parameterNames);

    /// <summary>
    /// Npgsql keeps a statement prepared on each physical connection once asked to, and preparing the same SQL again
    /// on that connection finds it: every call asks, only the first on a connection costs a round trip.
    /// </summary>
    private sealed class PreparedQuery(NpgsqlDataSource dataSource, string sql, string[] parameterNames) : IPreparedQuery
    {
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
            ArgumentOutOfRangeException.ThrowIfNotEqual(values.Length, parameterNames.Length, nameof(values));
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand(sql, connection);
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters.AddWithValue(parameterNames[i], values[i] ?? DBNull.Value);
            }

            await command.PrepareAsync(cancellationToken);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await consume(reader, cancellationToken);
        }

        public void Dispose()
        {
        }
    }
}
