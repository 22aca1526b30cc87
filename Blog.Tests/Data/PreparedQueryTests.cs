using Blog.Features.Common.Data.Sqlite;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.Data;

public sealed class PreparedQueryTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private PreparedQuery _query = null!;

    public async ValueTask InitializeAsync()
    {
        await _database.MigrateAsync();
        await _database.InsertUserAsync("ada");
        await _database.InsertUserAsync("grace");
        _query = new PreparedQuery(_database.Factory, "SELECT username FROM users WHERE username = @Username AND active = @Active", "@Username", "@Active");
    }

    private static string Username(System.Data.Common.DbDataReader row) => row.GetString(0);

    public async ValueTask DisposeAsync()
    {
        _query.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Each_call_binds_its_own_values()
    {
        (await _query.QueryFirstOrDefaultAsync(Username, CancellationToken.None, "ada", true)).Should().Be("ada");
        (await _query.QueryFirstOrDefaultAsync(Username, CancellationToken.None, "grace", true)).Should().Be("grace");
        (await _query.QueryFirstOrDefaultAsync(Username, CancellationToken.None, "grace", false)).Should().BeNull();
        (await _query.QueryFirstOrDefaultAsync(Username, CancellationToken.None, "nobody", true)).Should().BeNull();
    }

    [Fact]
    public async Task Concurrent_calls_each_get_their_own_answer()
    {
        var names = Enumerable.Range(0, 200).Select(i => i % 2 == 0 ? "ada" : "grace").ToList();

        var answers = await Task.WhenAll(names.Select(name => Task.Run(() => _query.QueryFirstOrDefaultAsync(Username, CancellationToken.None, name, true))));

        answers.Should().Equal(names);
    }

    [Fact]
    public async Task A_query_sees_rows_changed_after_it_was_prepared()
    {
        (await _query.QueryFirstOrDefaultAsync(Username, CancellationToken.None, "ada", true)).Should().Be("ada");

        await _database.ExecuteAsync("UPDATE users SET active = FALSE WHERE username = 'ada'");

        (await _query.QueryFirstOrDefaultAsync(Username, CancellationToken.None, "ada", true)).Should().BeNull();
    }

    [Fact]
    public async Task A_call_must_give_every_parameter_a_value()
    {
        (await _query.QueryFirstOrDefaultAsync(Username, CancellationToken.None, "ada", true)).Should().Be("ada");

        var missing = () => _query.QueryFirstOrDefaultAsync(Username, CancellationToken.None, "ada");

        await missing.Should().ThrowAsync<ArgumentOutOfRangeException>();
        (await _query.QueryFirstOrDefaultAsync(Username, CancellationToken.None, "ada", true)).Should().Be("ada");
    }
}
