using Blog.Tests.Infrastructure;
using Dapper;

namespace Blog.Tests.Data;

/// <summary>Every connection the factory hands out, new or from the pool, has the pragmas of DESIGN.md.</summary>
public sealed class ConnectionTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public async ValueTask InitializeAsync() => await _database.MigrateAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Connections_use_WAL_a_busy_timeout_foreign_keys_and_normal_synchronous()
    {
        for (var i = 0; i < 3; i++)
        {
            await using var connection = await _database.Factory.OpenAsync(CancellationToken.None);
            (await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode;")).Should().Be("wal");
            (await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout;")).Should().Be(5000);
            (await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys;")).Should().Be(1);
            (await connection.ExecuteScalarAsync<long>("PRAGMA synchronous;")).Should().Be(1, "1 is NORMAL");
        }
    }
}
