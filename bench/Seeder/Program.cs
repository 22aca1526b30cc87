// Seeder: fills a Blog database fast, straight through SQL: a SQLite file (--db PATH) or a PostgreSQL database
// (--postgres CONNECTION, an Npgsql connection string; a missing database is created).
//
//   seed      --db PATH | --postgres CONNECTION [--articles N] [--authors K] [--users U] [--password P]
//             [--content-length L] [--migrations DIR]
//   cursor    --db PATH | --postgres CONNECTION [--author ID] [--page P] [--limit 20]   prints the nextCursor that
//             leads to page P
//   hash-time [--count N] [--threads N]   prints the milliseconds of one password verification
//   sizes     --db PATH | --postgres CONNECTION   prints the database's size, with and without the search index
//
// The schema comes from Blog.Features' own migration files for the engine, recorded in schema_version as Blog's
// Migrator records them, so the API starts on the seeded database without changing it.
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;

var command = args.Length > 0 ? args[0] : "help";
var options = Args.Parse(args.Skip(1).ToArray());
try
{
    return command switch
    {
        "seed" => Seed(options),
        "cursor" => Cursor(options),
        "hash-time" => HashTime(options),
        "sizes" => Sizes(options),
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
        usage: Seeder seed (--db PATH | --postgres CONNECTION) [--articles N] [--authors K] [--users U] [--password P]
                           [--content-length L] [--migrations DIR]
               Seeder cursor (--db PATH | --postgres CONNECTION) [--author ID] [--page P] [--limit 20]
               Seeder hash-time [--count N] [--threads N]
               Seeder sizes (--db PATH | --postgres CONNECTION)
        Users are named bench1..benchU (email benchN@example.com), all with the role author and the same password
        (default bench-password-1); articles go round-robin to users 1..K: article i belongs to user (i mod K) + 1.
        """);
    return 2;
}

static int Seed(Args options)
{
    var plan = SeedPlan.From(options);
    var migrations = options.Optional("migrations");
    var (postgres, db) = Engine(options);
    if (postgres is not null)
    {
        PostgresSeeder.Seed(postgres, plan, migrations);
    }
    else
    {
        SqliteSeeder.Seed(db!, plan, migrations);
    }

    return 0;
}

static int Cursor(Args options)
{
    var page = options.Long("page", 500);
    var limit = options.Long("limit", 20);
    var (postgres, db) = Engine(options);
    if (page <= 1)
    {
        Console.WriteLine();
        return 0;
    }

    using DbConnection connection = postgres is not null ? PostgresSeeder.Open(postgres) : SqliteSeeder.Open(db!, readOnly: true);
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT id FROM articles WHERE author_id = @Author ORDER BY id DESC LIMIT 1 OFFSET @Offset";
    command.AddParameter("@Author", options.Long("author", 1));
    command.AddParameter("@Offset", ((page - 1) * limit) - 1);
    var id = command.ExecuteScalar();
    if (id is null)
    {
        Console.Error.WriteLine($"seeder: the author has fewer than {(page - 1) * limit} articles");
        return 1;
    }

    Console.WriteLine(Convert.ToString(id, CultureInfo.InvariantCulture));
    return 0;
}

// One line: "total=BYTES without_search=BYTES", the database's size and its size without the search index (migration
// 0005). SQLite: the file, and a copy with the FTS5 tables dropped and vacuumed. PostgreSQL: pg_database_size, less
// the two GIN indexes and the stored search_vector and title_vector columns of every row.
static int Sizes(Args options)
{
    var (postgres, db) = Engine(options);
    long total, withoutSearch;
    if (postgres is not null)
    {
        using var connection = PostgresSeeder.Open(postgres);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT pg_database_size(current_database()),
                   pg_database_size(current_database())
                   - pg_relation_size('ix_articles_search_vector') - pg_relation_size('ix_articles_title_vector')
                   - COALESCE(pg_relation_size(to_regclass('ix_articles_search_newest')), 0)
                   - (SELECT COALESCE(sum(pg_column_size(search_vector) + pg_column_size(title_vector)), 0) FROM articles)
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        (total, withoutSearch) = (reader.GetInt64(0), reader.GetInt64(1));
    }
    else
    {
        total = new FileInfo(db!).Length;
        var copy = Path.Combine(Path.GetTempPath(), $"seeder-sizes-{Guid.NewGuid():N}.db");
        try
        {
            File.Copy(db!, copy);
            using (var connection = SqliteSeeder.Open(copy))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "DROP TABLE articles_search; DROP TABLE articles_title_search; DROP TABLE search_words; VACUUM;";
                command.ExecuteNonQuery();
            }

            withoutSearch = new FileInfo(copy).Length;
        }
        finally
        {
            File.Delete(copy);
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total={total} without_search={withoutSearch}"));
    return 0;
}

// Exactly one of --db PATH (a SQLite file) and --postgres CONNECTION (an Npgsql connection string).
static (string? Postgres, string? Db) Engine(Args options) =>
    (options.Optional("postgres"), options.Optional("db")) switch
    {
        ({ } postgres, null) => (postgres, null),
        (null, { } db) => (null, db),
        _ => throw new ArgumentException("give either --db PATH (SQLite) or --postgres CONNECTION (PostgreSQL)"),
    };

static int HashTime(Args options)
{
    // --threads N: N verifications at once (as N concurrent logins would run them); prints the wall time per
    // verification on one thread, and with --threads > 1 also the aggregate rate in a second line.
    var count = (int)options.Long("count", 10);
    var threads = (int)options.Long("threads", 1);
    var hasher = new PasswordHasher<object>(SeedPlan.HasherOptions());
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
