// Seeder: fills a Blog SQLite database fast, straight through SQL.
//
//   seed      --db PATH [--articles N] [--authors K] [--users U] [--password P] [--content-length L] [--migrations DIR]
//   cursor    --db PATH [--author ID] [--page P] [--limit 20]   prints the nextCursor that leads to page P
//   hash-time [--count N] [--threads N]                         prints the milliseconds of one password verification
//
// The schema comes from Blog.Api's own migration files, recorded in schema_version as the API's Migrator records
// them, so the API starts on the seeded file without changing it.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

var command = args.Length > 0 ? args[0] : "help";
var options = Args.Parse(args.Skip(1).ToArray());
try
{
    return command switch
    {
        "seed" => Seed(options),
        "cursor" => Cursor(options),
        "hash-time" => HashTime(options),
        _ => Usage(),
    };
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine($"seeder: {exception.Message}");
    return 2;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Seeder seed --db PATH [--articles N] [--authors K] [--users U] [--password P] [--content-length L] [--migrations DIR]
               Seeder cursor --db PATH [--author ID] [--page P] [--limit 20]
               Seeder hash-time [--count N] [--threads N]
        Users are named bench1..benchU (email benchN@example.com), all with the role author and the same password
        (default bench-password-1); articles go round-robin to users 1..K: article i belongs to user (i mod K) + 1.
        """);
    return 2;
}

static int Seed(Args options)
{
    var db = Path.GetFullPath(options.Required("db"));
    var articles = options.Long("articles", 0);
    var authors = (int)options.Long("authors", 1);
    var users = (int)options.Long("users", authors);
    var password = options.String("password", "bench-password-1");
    var contentLength = (int)options.Long("content-length", 400);
    if (authors < 1 || users < authors)
    {
        throw new ArgumentException("need 1 <= --authors <= --users");
    }

    var total = Stopwatch.StartNew();
    Directory.CreateDirectory(Path.GetDirectoryName(db)!);
    using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString());
    connection.Open();
    Migrate(connection, options.Optional("migrations") ?? FindMigrations());

    // Bulk load without a journal; the API's own setting (WAL) is put back at the end.
    Exec(connection, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;");

    var hash = new PasswordHasher<object>(HasherOptions()).HashPassword(new object(), password);
    var now = DateTime.UtcNow;
    now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));

    using var transaction = connection.BeginTransaction();
    var roleId = Scalar<long>(connection, transaction, "SELECT id FROM roles WHERE name = 'author'");
    var firstUserId = Scalar<long>(connection, transaction, "SELECT COALESCE(MAX(id), 0) + 1 FROM users");
    var firstArticleId = Scalar<long>(connection, transaction, "SELECT COALESCE(MAX(id), 0) + 1 FROM articles");

    var watch = Stopwatch.StartNew();
    using (var insertUser = Prepare(connection, transaction,
        "INSERT INTO users (id, username, username_normalized, email, email_normalized, password_hash, active, created_at) VALUES ($id, $u, $un, $e, $en, $h, TRUE, $c)",
        "$id", "$u", "$un", "$e", "$en", "$h", "$c"))
    using (var insertRole = Prepare(connection, transaction, "INSERT INTO user_roles (user_id, role_id) VALUES ($user, $role)", "$user", "$role"))
    {
        var p = insertUser.Parameters;
        p["$h"].Value = hash;
        p["$c"].Value = Timestamp(now.AddYears(-1));
        insertRole.Parameters["$role"].Value = roleId;
        for (var i = 0; i < users; i++)
        {
            var id = firstUserId + i;
            var name = string.Create(CultureInfo.InvariantCulture, $"bench{id}");
            var email = string.Create(CultureInfo.InvariantCulture, $"bench{id}@example.com");
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
        "INSERT INTO articles (id, author_id, title, content, created_at) VALUES ($id, $a, $t, $c, $at)",
        "$id", "$a", "$t", "$c", "$at"))
    {
        var p = insertArticle.Parameters;
        var content = Content(contentLength);
        // Oldest first, one second apart, the newest a second ago: ids and timestamps grow together as in the API.
        var start = now.AddSeconds(-articles);
        for (long i = 0; i < articles; i++)
        {
            var id = firstArticleId + i;
            p["$id"].Value = id;
            p["$a"].Value = firstUserId + (i % authors);
            p["$t"].Value = string.Create(CultureInfo.InvariantCulture, $"Article {id}");
            p["$c"].Value = content;
            p["$at"].Value = Timestamp(start.AddSeconds(i));
            insertArticle.ExecuteNonQuery();
        }
    }

    transaction.Commit();
    var articlesTime = watch.Elapsed;
    Exec(connection, "PRAGMA journal_mode = WAL;");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"seeded {db}: {users} users (ids {firstUserId}..{firstUserId + users - 1}, password '{password}') in {usersTime.TotalSeconds:F1} s, " +
        $"{articles} articles over {authors} authors (ids {firstArticleId}..{firstArticleId + articles - 1}) in {articlesTime.TotalSeconds:F1} s; total {total.Elapsed.TotalSeconds:F1} s"));
    return 0;
}

static int Cursor(Args options)
{
    var page = options.Long("page", 500);
    var limit = options.Long("limit", 20);
    if (page <= 1)
    {
        Console.WriteLine();
        return 0;
    }

    using var connection = new SqliteConnection($"Data Source={Path.GetFullPath(options.Required("db"))};Mode=ReadOnly;Pooling=False");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT id FROM articles WHERE author_id = $a ORDER BY id DESC LIMIT 1 OFFSET $o";
    command.Parameters.AddWithValue("$a", options.Long("author", 1));
    command.Parameters.AddWithValue("$o", ((page - 1) * limit) - 1);
    var id = command.ExecuteScalar();
    if (id is null)
    {
        Console.Error.WriteLine($"seeder: the author has fewer than {(page - 1) * limit} articles");
        return 1;
    }

    Console.WriteLine(Convert.ToString(id, CultureInfo.InvariantCulture));
    return 0;
}

static int HashTime(Args options)
{
    // --threads N: N verifications at once (as N concurrent logins would run them); prints the wall time per
    // verification on one thread, and with --threads > 1 also the aggregate rate in a second line.
    var count = (int)options.Long("count", 10);
    var threads = (int)options.Long("threads", 1);
    var hasher = new PasswordHasher<object>(HasherOptions());
    var user = new object();
    var hash = hasher.HashPassword(user, "bench-password-1");
    hasher.VerifyHashedPassword(user, hash, "bench-password-1");
    var watch = Stopwatch.StartNew();
    Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
    {
        for (var i = 0; i < count; i++)
        {
            hasher.VerifyHashedPassword(user, hash, "bench-password-1");
        }
    });
    var elapsed = watch.Elapsed.TotalMilliseconds;
    Console.WriteLine((elapsed / count).ToString("F2", CultureInfo.InvariantCulture));
    if (threads > 1)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{threads * count * 1000 / elapsed:F1} verifications/s on {threads} threads"));
    }

    return 0;
}

// The same settings as Blog.Features' AddBlogFeatures: Identity v3, PBKDF2-HMAC-SHA512, 220,000 iterations.
static IOptions<PasswordHasherOptions> HasherOptions() =>
    Options.Create(new PasswordHasherOptions
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
        IterationCount = 220_000,
    });

// Applies Blog.Features/Common/Data/Sqlite/Migrations/NNNN_*.sql exactly as Blog's Migrator does.
static void Migrate(SqliteConnection connection, string directory)
{
    Exec(connection, "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
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
        using (var apply = connection.CreateCommand())
        {
            apply.Transaction = transaction;
            apply.CommandText = File.ReadAllText(path);
            apply.ExecuteNonQuery();
        }

        using (var record = connection.CreateCommand())
        {
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES ($v, $at)";
            record.Parameters.AddWithValue("$v", version);
            record.Parameters.AddWithValue("$at", DateTime.UtcNow);
            record.ExecuteNonQuery();
        }

        transaction.Commit();
        Console.WriteLine($"applied migration {Path.GetFileName(path)}");
    }
}

static string FindMigrations()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "Blog.Features", "Common", "Data", "Sqlite", "Migrations");
        if (Directory.Exists(candidate))
        {
            return candidate;
        }
    }

    throw new ArgumentException("cannot find Blog.Features/Common/Data/Sqlite/Migrations above the seeder; pass --migrations DIR");
}

// The stored form the brief names: fixed-width ISO-8601 UTC text, sortable as text.
static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

static string Content(int length)
{
    const string Words = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. ";
    var text = new StringBuilder(length + Words.Length);
    while (text.Length < length)
    {
        text.Append(Words);
    }

    return text.ToString(0, Math.Max(10, length)).TrimEnd();
}

static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
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

static void Exec(SqliteConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}

static T Scalar<T>(SqliteConnection connection, SqliteTransaction transaction, string sql)
{
    using var command = connection.CreateCommand();
    command.Transaction = transaction;
    command.CommandText = sql;
    return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
}

internal sealed class Args
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static Args Parse(string[] args)
    {
        var options = new Args();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }

            options._values[args[i][2..]] = args[++i];
        }

        return options;
    }

    public string Required(string name) => _values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    public string String(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    public long Long(string name, long fallback) =>
        _values.TryGetValue(name, out var value) ? long.Parse(value.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : fallback;
}
