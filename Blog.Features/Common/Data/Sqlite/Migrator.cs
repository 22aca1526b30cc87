using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Blog.Features.Common.Data.Sqlite;

/// <summary>
/// Applies the embedded <c>Migrations/NNNN_name.sql</c> scripts not yet recorded in <c>schema_version</c>, each in
/// its own transaction, in order. Runs once at start-up; a new database file gets its whole schema.
/// </summary>
public sealed partial class Migrator(SqliteConnectionFactory database, ILogger<Migrator> logger)
{
    private const string ResourcePrefix = "Blog.Features.Common.Data.Sqlite.Migrations.";

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(database.DatabasePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL");
        await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
        var applied = (await connection.QueryAsync<int>("SELECT version FROM schema_version")).ToHashSet();

        foreach (var (version, name) in Scripts().Where(script => !applied.Contains(script.Version)))
        {
            await ApplyAsync(connection, version, name, cancellationToken);
            LogApplied(logger, version, name);
        }
    }

    private static async Task ApplyAsync(DbConnection connection, int version, string resource, CancellationToken cancellationToken)
    {
        await using var stream = typeof(Migrator).Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var sql = await reader.ReadToEndAsync(cancellationToken);

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(sql, transaction: transaction);
        await connection.ExecuteAsync(
            "INSERT INTO schema_version (version, applied_at) VALUES (@Version, @AppliedAt)",
            new { Version = version, AppliedAt = DateTime.UtcNow },
            transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    private static IEnumerable<(int Version, string Resource)> Scripts() =>
        typeof(Migrator).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => (Version: int.Parse(name.AsSpan(ResourcePrefix.Length, 4), provider: System.Globalization.CultureInfo.InvariantCulture), Resource: name))
            .OrderBy(script => script.Version);

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Applied database migration {Version} ({Resource})")]
    private static partial void LogApplied(ILogger logger, int version, string resource);
}
