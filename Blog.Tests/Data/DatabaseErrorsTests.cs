using System.Data.Common;
using Blog.Features.Common.Data;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.Data;

/// <summary>The engine tells slices which unique index a failed write broke, without the slices naming the engine.</summary>
public sealed class DatabaseErrorsTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    private IDatabaseErrors _errors = null!;

    public async ValueTask InitializeAsync()
    {
        _errors = _database.GetRequiredService<IDatabaseErrors>();
        await _database.MigrateAsync();
        await _database.InsertUserAsync("ada");
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_duplicate_username_is_a_unique_violation_on_that_column_only()
    {
        var exception = await FailingWriteAsync("UPDATE users SET username_normalized = 'ADA' WHERE username = 'grace'");

        _errors.IsUniqueViolation(exception, "users.username_normalized").Should().BeTrue();
        _errors.IsUniqueViolation(exception, "users.email_normalized").Should().BeFalse();
    }

    [Fact]
    public async Task Another_constraint_is_not_a_unique_violation()
    {
        var exception = await FailingWriteAsync("INSERT INTO user_roles (user_id, role_id) VALUES (999999, 1)");

        _errors.IsUniqueViolation(exception, "users.username_normalized").Should().BeFalse();
    }

    private async Task<DbException> FailingWriteAsync(string sql)
    {
        await _database.InsertUserAsync("grace");
        var write = () => _database.ExecuteAsync(sql);
        return (await write.Should().ThrowAsync<DbException>()).Which;
    }
}
