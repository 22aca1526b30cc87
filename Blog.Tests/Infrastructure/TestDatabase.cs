using Blog.Features.Common.Data;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Blog.Tests.Infrastructure;

/// <summary>
/// A real, fresh database with the real migrations applied, on the engine the run is for: a SQLite file in a temporary
/// folder, or a database of its own on the PostgreSQL server that <c>BLOG_TEST_POSTGRES</c> names when
/// <c>BLOG_TEST_ENGINE=Postgres</c> (scripts/test.sh runs the suite once per engine).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static readonly DatabaseProvider Provider =
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("BLOG_TEST_ENGINE"), ignoreCase: true, out var provider) ? provider : DatabaseProvider.Sqlite;

    private readonly ServiceProvider _services;
    private readonly string? _postgresName;

    public TestDatabase()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            _postgresName = "blog_test_" + Guid.NewGuid().ToString("N")[..16];
            using (var server = new NpgsqlConnection(PostgresServer))
            {
                server.Open();
                server.Execute($"CREATE DATABASE {_postgresName}");
            }

            // Many hosts run at once in the suite: each pool stays small.
            ConnectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = _postgresName, MaxPoolSize = 10 }.ConnectionString;
        }
        else
        {
            ConnectionString = $"Data Source={System.IO.Path.Combine(Folder, "blog.db")}";
        }

        _services = new ServiceCollection().AddLogging().AddDatabase(Provider, ConnectionString, Folder).BuildServiceProvider();
        Factory = _services.GetRequiredService<IDbConnectionFactory>();
    }

    /// <summary>For the tests of SQLite's own plumbing: they are skipped on another engine.</summary>
    public static bool IsSqlite => Provider == DatabaseProvider.Sqlite;

    public string Folder { get; } = Directory.CreateTempSubdirectory("blog-tests-").FullName;

    public string ConnectionString { get; }

    public IDbConnectionFactory Factory { get; }

    private static string PostgresServer =>
        Environment.GetEnvironmentVariable("BLOG_TEST_POSTGRES")
        ?? throw new InvalidOperationException("BLOG_TEST_ENGINE=Postgres needs BLOG_TEST_POSTGRES, a connection string of a server to create test databases on.");

    public T GetRequiredService<T>() where T : notnull => _services.GetRequiredService<T>();

    public async Task MigrateAsync() => await _services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);

    /// <summary>Runs SQL against the database directly, outside the application: to arrange rows and to check them.</summary>
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
            VALUES (@Username, upper(@Username), @Username || '@example.com', upper(@Username || '@example.com'), 'not-a-real-hash', TRUE, @CreatedAt)
            RETURNING id
            """,
            new { Username = username, CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
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

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_postgresName is not null)
        {
            // FORCE ends the connections that hosts of the test still keep in their pools.
            await using var server = new NpgsqlConnection(PostgresServer);
            await server.OpenAsync();
            await server.ExecuteAsync($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)");
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A connection of a still-stopping host may hold the file; the temp folder is cleaned up later.
        }
    }
}
