using Blog.Features.Common.Data.Sqlite;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Blog.Tests.Infrastructure;

/// <summary>A real SQLite file in a fresh temporary folder, with the real migrations applied.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public TestDatabase()
    {
        Path = System.IO.Path.Combine(Folder, "blog.db");
        ConnectionString = $"Data Source={Path}";
        Factory = new SqliteConnectionFactory(ConnectionString, Folder);
    }

    public string Folder { get; } = Directory.CreateTempSubdirectory("blog-tests-").FullName;

    public string Path { get; }

    public string ConnectionString { get; }

    public SqliteConnectionFactory Factory { get; }

    public async Task MigrateAsync() => await new Migrator(Factory, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);

    /// <summary>Runs SQL against the file directly, outside the application: to arrange rows and to check them.</summary>
    public async Task<T?> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Factory.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<T>(sql, parameters);
    }

    /// <summary>Adds a user straight through SQL (no password hashing), with the role author unless told otherwise.</summary>
    public async Task<long> InsertUserAsync(string username, bool withAuthorRole = true)
    {
        var id = await ScalarAsync<long>(
            """
            INSERT INTO users (username, username_normalized, email, email_normalized, password_hash, active, created_at)
            VALUES (@Username, upper(@Username), @Username || '@example.com', upper(@Username || '@example.com'), 'not-a-real-hash', TRUE, '2026-01-01T00:00:00.0000000Z')
            RETURNING id
            """,
            new { Username = username });
        if (withAuthorRole)
        {
            await ExecuteAsync("INSERT INTO user_roles (user_id, role_id) SELECT @Id, id FROM roles WHERE name = 'author'", new { Id = id });
        }

        return id;
    }

    public async Task<int> ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await Factory.OpenAsync(CancellationToken.None);
        return await connection.ExecuteAsync(sql, parameters);
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Factory.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<T>(sql, parameters)).AsList();
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A connection of a still-stopping host may hold the file; the temp folder is cleaned up later.
        }

        return ValueTask.CompletedTask;
    }
}
