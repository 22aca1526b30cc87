using System.Data.Common;
using System.Globalization;

/// <summary>
/// Applies an engine's <c>Blog.Features/Common/Data/&lt;Engine&gt;/Migrations/NNNN_*.sql</c> as Blog's Migrator does: the
/// preparation statement (creating <c>schema_version</c>), then each script not yet recorded, in its own transaction
/// with its <c>schema_version</c> row, in order. The API then starts on the database without changing it.
/// </summary>
internal static class Migrations
{
    /// <param name="storedTimestamp">The parameter value of a UTC timestamp as Blog stores it on this engine.</param>
    public static void Apply(DbConnection connection, string directory, string preparation, Func<DateTime, object> storedTimestamp)
    {
        Execute(connection, null, preparation);
        var applied = new HashSet<long>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT version FROM schema_version";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                applied.Add(reader.GetInt64(0));
            }
        }

        var scripts = Directory.GetFiles(directory, "*.sql")
            .Select(path => (Path: path, Version: int.Parse(Path.GetFileName(path).AsSpan(0, 4), CultureInfo.InvariantCulture)))
            .OrderBy(script => script.Version);
        foreach (var (path, version) in scripts.Where(script => !applied.Contains(script.Version)))
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, File.ReadAllText(path));
            using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES (@Version, @AppliedAt)";
                record.AddParameter("@Version", version);
                record.AddParameter("@AppliedAt", storedTimestamp(DateTime.UtcNow));
                record.ExecuteNonQuery();
            }

            transaction.Commit();
            Console.WriteLine($"applied migration {Path.GetFileName(path)}");
        }
    }

    /// <summary>The migrations folder of an engine (<c>Sqlite</c> or <c>Postgres</c>), found above the seeder's build output.</summary>
    public static string Find(string engine)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Blog.Features", "Common", "Data", engine, "Migrations");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new ArgumentException($"cannot find Blog.Features/Common/Data/{engine}/Migrations above the seeder; pass --migrations DIR");
    }

    private static void Execute(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

internal static class CommandExtensions
{
    /// <summary>A parameter in the engine's own type; both engines take <c>@Name</c> in the SQL.</summary>
    public static void AddParameter(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
