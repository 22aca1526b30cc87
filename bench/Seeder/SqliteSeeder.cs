using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

/// <summary>Seeds a SQLite file: one transaction, prepared commands, no journal during the load.</summary>
internal static class SqliteSeeder
{
    private const string Preparation =
        "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)";

    public static SqliteConnection Open(string path, bool readOnly = false) =>
        new(new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(path),
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());

    public static void Seed(string path, SeedPlan plan, string? migrations)
    {
        var total = Stopwatch.StartNew();
        var db = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(db)!);
        using var connection = Open(db);
        connection.Open();
        Migrations.Apply(connection, migrations ?? Migrations.Find("Sqlite"), Preparation, utc => Timestamp(utc));

        // Bulk load without a journal; the API's own setting (WAL) is put back at the end.
        Exec(connection, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;");

        using var transaction = connection.BeginTransaction();
        var roleId = Scalar(connection, transaction, "SELECT id FROM roles WHERE name = 'author'");
        var firstUserId = Scalar(connection, transaction, "SELECT COALESCE(MAX(id), 0) + 1 FROM users");
        var firstArticleId = Scalar(connection, transaction, "SELECT COALESCE(MAX(id), 0) + 1 FROM articles");

        var watch = Stopwatch.StartNew();
        using (var insertUser = Prepare(connection, transaction,
            "INSERT INTO users (id, username, username_normalized, email, email_normalized, password_hash, active, created_at) VALUES ($id, $u, $un, $e, $en, $h, TRUE, $c)",
            "$id", "$u", "$un", "$e", "$en", "$h", "$c"))
        using (var insertRole = Prepare(connection, transaction, "INSERT INTO user_roles (user_id, role_id) VALUES ($user, $role)", "$user", "$role"))
        {
            var p = insertUser.Parameters;
            p["$h"].Value = plan.PasswordHash;
            p["$c"].Value = Timestamp(plan.UsersCreatedAt);
            insertRole.Parameters["$role"].Value = roleId;
            for (var i = 0; i < plan.Users; i++)
            {
                var id = firstUserId + i;
                var name = SeedPlan.UserName(id);
                var email = SeedPlan.Email(id);
                p["$id"].Value = id;
                p["$u"].Value = name;
                p["$un"].Value = name.ToUpperInvariant();
                p["$e"].Value = email;
                p["$en"].Value = email.ToUpperInvariant();
                insertUser.ExecuteNonQuery();
                insertRole.Parameters["$user"].Value = id;
                insertRole.ExecuteNonQuery();
            }
        }

        var usersTime = watch.Elapsed;
        watch.Restart();
        using (var insertArticle = Prepare(connection, transaction,
            "INSERT INTO articles (id, author_id, title, content, content_html, renderer_name, renderer_version, version, created_at) " +
            "VALUES ($id, $a, $t, $c, $html, $rn, $rv, 1, $at)",
            "$id", "$a", "$t", "$c", "$html", "$rn", "$rv", "$at"))
        {
            var p = insertArticle.Parameters;
            p["$rn"].Value = SeedPlan.RendererName;
            p["$rv"].Value = plan.RendererVersion;
            for (long i = 0; i < plan.Articles; i++)
            {
                var id = firstArticleId + i;
                p["$id"].Value = id;
                p["$a"].Value = plan.AuthorOf(i, firstUserId);
                p["$t"].Value = SeedPlan.Title(id);
                p["$c"].Value = plan.ContentOf(i);
                p["$html"].Value = plan.ContentHtmlOf(i);
                p["$at"].Value = Timestamp(plan.CreatedAt(i));
                insertArticle.ExecuteNonQuery();
            }
        }

        transaction.Commit();
        var articlesTime = watch.Elapsed;
        Exec(connection, "PRAGMA journal_mode = WAL;");
        Console.WriteLine(plan.Summary(db, firstUserId, firstArticleId, usersTime, articlesTime, total.Elapsed));
    }

    // Blog's stored form on SQLite (its UtcDateTimeHandler): fixed-width ISO-8601 UTC text, sortable as text.
    private static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
