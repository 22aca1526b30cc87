using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Blog.Features.Common.Data;

/// <summary>
/// Applies the engine's embedded <c>Migrations/NNNN_name.sql</c> scripts not yet recorded in <c>schema_version</c>,
/// each in its own transaction, in order. Both engines have the same versions. Instances that start together on an
/// empty database take turns under one lock: the first applies, the others then find nothing left to do.
/// </summary>
public sealed partial class Migrator(IDbConnectionFactory database, IDatabaseLocks locks, MigrationScripts scripts, ILogger<Migrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var migrating = await locks.AcquireAsync("migrations", cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var statement in scripts.Preparation)
        {
            await connection.ExecuteAsync(statement);
        }

        var applied = (await connection.QueryAsync<int>("SELECT version FROM schema_version")).ToHashSet();
        foreach (var (version, resource) in scripts.All().Where(script => !applied.Contains(script.Version)))
        {
            await ApplyAsync(connection, version, resource, cancellationToken);
            LogApplied(logger, version, resource);
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

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Applied database migration {Version} ({Resource})")]
    private static partial void LogApplied(ILogger logger, int version, string resource);
}

/// <summary>An engine's migrations: the statements that prepare a database for them, and its numbered scripts.</summary>
public sealed class MigrationScripts(string resourcePrefix, params string[] preparation)
{
    /// <summary>Run before every migration, idempotent: at least creating <c>schema_version</c> if it is missing.</summary>
    public IReadOnlyList<string> Preparation { get; } = preparation;

    public IEnumerable<(int Version, string Resource)> All() =>
        typeof(MigrationScripts).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(resourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => (Version: int.Parse(name.AsSpan(resourcePrefix.Length, 4), provider: System.Globalization.CultureInfo.InvariantCulture), Resource: name))
            .OrderBy(script => script.Version);
}
