using Blog.Tests.Infrastructure;
using Dapper;

namespace Blog.Tests.Data;

/// <summary>SQLite's connections: every one, new or from the pool, has the pragmas of DESIGN.md, and writers take turns.</summary>
public sealed class ConnectionTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public async ValueTask InitializeAsync()
    {
        Assert.SkipUnless(TestDatabase.IsSqlite, "SQLite's own connection plumbing");
        await _database.MigrateAsync();
    }

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

    [Fact]
    public async Task Writers_take_turns_and_readers_do_not_wait_for_them()
    {
        var first = await _database.Factory.OpenForWriteAsync(CancellationToken.None);
        var second = _database.Factory.OpenForWriteAsync(CancellationToken.None);

        await using (var reader = await _database.Factory.OpenAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)))
        {
            (await reader.ExecuteScalarAsync<long>("SELECT 1")).Should().Be(1);
        }

        await Task.Delay(100);
        second.IsCompleted.Should().BeFalse("the first writer still holds its connection");

        await first.DisposeAsync();
        await using var next = await second.WaitAsync(TimeSpan.FromSeconds(5));
        (await next.ExecuteAsync("INSERT INTO roles (name) VALUES ('editor')")).Should().Be(1);
    }

    [Fact]
    public async Task A_writer_that_gives_up_waiting_leaves_the_turn_to_the_next()
    {
        var first = await _database.Factory.OpenForWriteAsync(CancellationToken.None);
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var waiting = () => _database.Factory.OpenForWriteAsync(giveUp.Token);

        await waiting.Should().ThrowAsync<OperationCanceledException>();
        await first.DisposeAsync();
        await using var next = await _database.Factory.OpenForWriteAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
    }
}
