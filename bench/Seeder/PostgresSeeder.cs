using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

/// <summary>
/// Seeds a PostgreSQL database: Blog's PostgreSQL migrations (the seeder applies them itself, as on SQLite, so an
/// empty or missing database is fine), then users, roles and articles by binary COPY in one transaction, the identity
/// sequences moved past the ids written, and VACUUM ANALYZE so that the planner knows the tables before any request.
/// </summary>
internal static class PostgresSeeder
{
    private const string Preparation = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)";

    /// <summary>A connection without a command timeout: a COPY or a VACUUM of a million rows takes longer than the default 30 s.</summary>
    public static NpgsqlConnection Open(string connectionString) =>
        new(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0, Pooling = false }.ConnectionString);

    public static void Seed(string connectionString, SeedPlan plan, string? migrations)
    {
        var total = Stopwatch.StartNew();
        using var connection = OpenCreatingDatabase(connectionString);
        Migrations.Apply(connection, migrations ?? Migrations.Find("Postgres"), Preparation, utc => utc);

        long firstUserId, firstArticleId;
        TimeSpan usersTime, articlesTime;
        using (var transaction = connection.BeginTransaction())
        {
            var roleId = Scalar(connection, "SELECT id FROM roles WHERE name = 'author'");
            firstUserId = Scalar(connection, "SELECT COALESCE(MAX(id), 0) + 1 FROM users");
            firstArticleId = Scalar(connection, "SELECT COALESCE(MAX(id), 0) + 1 FROM articles");

            // COPY writes the identity columns as given (GENERATED ALWAYS applies to INSERT only), so ids are chosen
            // here as on SQLite, and the sequences are moved past them below.
            var watch = Stopwatch.StartNew();
            using (var users = connection.BeginBinaryImport(
                "COPY users (id, username, username_normalized, email, email_normalized, password_hash, active, created_at) FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = 0; i < plan.Users; i++)
                {
                    var id = firstUserId + i;
                    var name = SeedPlan.UserName(id);
                    var email = SeedPlan.Email(id);
                    users.StartRow();
                    users.Write(id, NpgsqlDbType.Bigint);
                    users.Write(name, NpgsqlDbType.Text);
                    users.Write(name.ToUpperInvariant(), NpgsqlDbType.Text);
                    users.Write(email, NpgsqlDbType.Text);
                    users.Write(email.ToUpperInvariant(), NpgsqlDbType.Text);
                    users.Write(plan.PasswordHash, NpgsqlDbType.Text);
                    users.Write(true, NpgsqlDbType.Boolean);
                    users.Write(plan.UsersCreatedAt, NpgsqlDbType.TimestampTz);
                }

                users.Complete();
            }

            using (var userRoles = connection.BeginBinaryImport("COPY user_roles (user_id, role_id) FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = 0; i < plan.Users; i++)
                {
                    userRoles.StartRow();
                    userRoles.Write(firstUserId + i, NpgsqlDbType.Bigint);
                    userRoles.Write(roleId, NpgsqlDbType.Bigint);
                }

                userRoles.Complete();
            }

            usersTime = watch.Elapsed;
            watch.Restart();
            using (var articles = connection.BeginBinaryImport(
                "COPY articles (id, author_id, title, content, content_html, renderer_name, renderer_version, version, created_at) FROM STDIN (FORMAT BINARY)"))
            {
                for (long i = 0; i < plan.Articles; i++)
                {
                    var id = firstArticleId + i;
                    articles.StartRow();
                    articles.Write(id, NpgsqlDbType.Bigint);
                    articles.Write(plan.AuthorOf(i, firstUserId), NpgsqlDbType.Bigint);
                    articles.Write(SeedPlan.Title(id), NpgsqlDbType.Text);
                    articles.Write(plan.ContentOf(i), NpgsqlDbType.Text);
                    articles.Write(plan.ContentHtmlOf(i), NpgsqlDbType.Text);
                    articles.Write(SeedPlan.RendererName, NpgsqlDbType.Text);
                    articles.Write(plan.RendererVersion, NpgsqlDbType.Text);
                    articles.Write(1L, NpgsqlDbType.Bigint);
                    articles.Write(plan.CreatedAt(i), NpgsqlDbType.TimestampTz);
                }

                articles.Complete();
            }

            // The next id Blog inserts is MAX(id) + 1; an empty table keeps its sequence as it is.
            Execute(connection, """
                SELECT setval(pg_get_serial_sequence('users', 'id'), MAX(id)) FROM users HAVING MAX(id) IS NOT NULL;
                SELECT setval(pg_get_serial_sequence('articles', 'id'), MAX(id)) FROM articles HAVING MAX(id) IS NOT NULL;
                """);
            transaction.Commit();
            articlesTime = watch.Elapsed;
        }

        Execute(connection, "VACUUM (ANALYZE) users, user_roles, articles");
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        Console.WriteLine(plan.Summary($"PostgreSQL database {target.Database} on {target.Host}:{target.Port}", firstUserId, firstArticleId,
            usersTime, articlesTime, total.Elapsed));
    }

    // A database named in the connection string but missing is created first, so that one cluster can hold several.
    private static NpgsqlConnection OpenCreatingDatabase(string connectionString)
    {
        var connection = Open(connectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch (PostgresException missing) when (missing.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            connection.Dispose();
        }

        var target = new NpgsqlConnectionStringBuilder(connectionString);
        using (var maintenance = Open(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString))
        {
            maintenance.Open();
            Execute(maintenance, $"CREATE DATABASE \"{target.Database!.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
        }

        Console.WriteLine($"created database {target.Database}");
        var created = Open(connectionString);
        created.Open();
        return created;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static long Scalar(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
