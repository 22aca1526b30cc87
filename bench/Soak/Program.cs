// Soak: the checks bench/soak.sh runs against a live Blog.Api. Every check prints one line, "PASS name: detail" or
// "FAIL name: detail"; soak.sh counts them. DB is the database the API writes to, read directly: --db PATH (a SQLite
// file) or --postgres CONNECTION (an Npgsql connection string). Commands:
//
//   creates   --url U DB --clients 50 --count N             N concurrent creates from signed-in clients; 201s = rows
//   writes    --url U --ids FILE [--clients 8] [--seconds 60]  sustained creates until the server goes away (kill -9)
//   verify    --url U DB --ids FILE                         after the restart: every id answered 201 is stored, the
//                                                           engine's own consistency check passes
//   malformed --url U --pid PID --count M [--seed S]        abusive requests: no 5xx, still healthy, RSS back down
using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

var command = args.Length > 0 ? args[0] : "";
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}

string Opt(string name, string? fallback = null) =>
    options.TryGetValue(name, out var value) ? value : fallback ?? throw new ArgumentException($"--{name} is required");
int IntOpt(string name, int fallback) => int.Parse(Opt(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

try
{
    switch (command)
    {
        case "creates":
            await Checks.Creates(Opt("url"), Store.From(options), IntOpt("clients", 50), IntOpt("count", 1000));
            break;
        case "writes":
            await Checks.Writes(Opt("url"), Opt("ids"), IntOpt("clients", 8), IntOpt("seconds", 60));
            break;
        case "verify":
            await Checks.Verify(Opt("url"), Store.From(options), Opt("ids"));
            break;
        case "malformed":
            await Malformed.Run(Opt("url"), IntOpt("pid", 0), IntOpt("count", 1000), IntOpt("seed", Environment.TickCount));
            break;
        default:
            Console.Error.WriteLine("usage: Soak creates|writes|verify|malformed --url U ... (see the top of Program.cs)");
            return 2;
    }

    return 0;
}
catch (Exception exception)
{
    Console.WriteLine($"FAIL {command}: unexpected {exception.GetType().Name}: {exception.Message}");
    return 1;
}

internal static class Report
{
    public static int Failed { get; private set; }

    public static void Check(string name, bool passed, string detail)
    {
        if (!passed)
        {
            Failed++;
        }

        Console.WriteLine($"{(passed ? "PASS" : "FAIL")} {name}: {detail}");
    }
}

/// <summary>A browser-like client: its own cookies, the XSRF-TOKEN cookie echoed in X-XSRF-TOKEN on unsafe requests.</summary>
internal sealed class BlogClient : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private readonly Uri _base;

    private BlogClient(string url)
    {
        _base = new Uri(url);
        Http = new HttpClient(new SocketsHttpHandler { CookieContainer = _cookies, UseCookies = true, MaxConnectionsPerServer = 2 })
        {
            BaseAddress = _base,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public HttpClient Http { get; }

    public string Xsrf => _cookies.GetCookies(_base)["XSRF-TOKEN"]?.Value ?? "";

    public string CookieHeader => _cookies.GetCookieHeader(_base);

    public static async Task<BlogClient> RegisterAsync(string url, string username)
    {
        var client = new BlogClient(url);
        (await client.Http.GetAsync("/api/v1/users/current")).Dispose();
        using var response = await client.PostJsonAsync("/api/v1/register",
            $$"""{"username":"{{username}}","email":"{{username}}@example.com","password":"soak-passphrase-{{username}}"}""");
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"register {username} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-XSRF-TOKEN", Xsrf);
        return Http.SendAsync(request);
    }

    public async Task<(int Status, long? Id)> CreateArticleAsync(int n)
    {
        using var response = await PostJsonAsync("/api/v1/articles",
            $$"""{"title":"Soak article {{n}}","content":"Written by the soak test, number {{n}}, to count what was stored."}""");
        if (response.StatusCode != HttpStatusCode.Created)
        {
            return ((int)response.StatusCode, null);
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (201, body.RootElement.GetProperty("id").GetInt64());
    }

    public void Dispose() => Http.Dispose();
}

internal static class Checks
{
    private static string Unique(string prefix) => $"{prefix}{Environment.ProcessId % 100000}r{Random.Shared.Next(100000)}";

    private static async Task<BlogClient[]> RegisterMany(string url, string prefix, int count)
    {
        var clients = new BlogClient[count];
        var stem = Unique(prefix);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (i, _) => clients[i] = await BlogClient.RegisterAsync(url, $"{stem}x{i}"));
        return clients;
    }

    /// <summary>(a) N creates from signed-in clients at once: as many rows as 201 answers, the same ids, no 5xx.</summary>
    public static async Task Creates(string url, Store store, int clientCount, int count)
    {
        var before = store.StoredIds();
        var clients = await RegisterMany(url, "soak", clientCount);
        var ids = new ConcurrentBag<long>();
        var statuses = new ConcurrentDictionary<int, int>();
        var errors = 0;
        var started = DateTime.UtcNow;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = clientCount }, async (n, _) =>
        {
            try
            {
                var (status, id) = await clients[n % clientCount].CreateArticleAsync(n);
                statuses.AddOrUpdate(status, 1, (_, c) => c + 1);
                if (id is { } value)
                {
                    ids.Add(value);
                }
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref errors);
            }
        });
        var seconds = (DateTime.UtcNow - started).TotalSeconds;
        foreach (var client in clients)
        {
            client.Dispose();
        }

        var created = store.StoredIds();
        created.ExceptWith(before);
        var answered = ids.ToHashSet();
        var summary = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Value}×{s.Key}")) + (errors > 0 ? $", {errors} connection errors" : "");
        var fiveHundreds = statuses.Where(s => s.Key >= 500).Sum(s => s.Value);
        Report.Check("creates-no-5xx", fiveHundreds == 0 && errors == 0, $"{count} creates from {clientCount} clients in {seconds:F1} s: {summary}");
        Report.Check("creates-201-equals-rows", answered.Count == created.Count && answered.SetEquals(created),
            $"{answered.Count} answered 201, {created.Count} new rows{(answered.SetEquals(created) ? ", same ids" : ", ids differ")}");
        Report.Check("creates-all-201", ids.Count == count, $"{ids.Count} of {count} answered 201");
    }

    /// <summary>(b) Sustained creates until the server disappears; the ids answered 201 go to a file.</summary>
    public static async Task Writes(string url, string idsFile, int clientCount, int maxSeconds)
    {
        var clients = await RegisterMany(url, "kill", clientCount);
        Console.Error.WriteLine("writes: started");
        var ids = new ConcurrentQueue<long>();
        var statuses = new ConcurrentDictionary<int, int>();
        long firstFailureTicks = 0;
        var deadline = DateTime.UtcNow.AddSeconds(maxSeconds);
        var counter = 0;
        await Task.WhenAll(clients.Select(async client =>
        {
            while (DateTime.UtcNow < deadline)
            {
                var failedSince = Interlocked.Read(ref firstFailureTicks);
                if (failedSince != 0 && DateTime.UtcNow.Ticks - failedSince > TimeSpan.TicksPerSecond)
                {
                    return;
                }

                try
                {
                    var (status, id) = await client.CreateArticleAsync(Interlocked.Increment(ref counter));
                    statuses.AddOrUpdate(status, 1, (_, c) => c + 1);
                    if (id is { } value)
                    {
                        ids.Enqueue(value);
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
                {
                    Interlocked.CompareExchange(ref firstFailureTicks, DateTime.UtcNow.Ticks, 0);
                    await Task.Delay(50);
                }
            }
        }));

        await File.WriteAllLinesAsync(idsFile, ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var summary = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Value}×{s.Key}"));
        Report.Check("kill-writes-answered", ids.Count > 0 && firstFailureTicks != 0,
            $"{ids.Count} creates answered 201 before the server went away ({summary}){(firstFailureTicks == 0 ? "; the server never went away" : "")}");
        Report.Check("kill-writes-no-5xx", statuses.Keys.All(s => s < 500), summary);
    }

    /// <summary>(b, after the restart) every article answered 201 before the kill is stored; the engine's check passes.</summary>
    public static async Task Verify(string url, Store store, string idsFile)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
        using (var health = await http.GetAsync("/health"))
        {
            Report.Check("restart-healthy", health.StatusCode == HttpStatusCode.OK, $"/health answered {(int)health.StatusCode} after the restart");
        }

        var answered = (await File.ReadAllLinesAsync(idsFile)).Where(line => line.Length > 0).Select(long.Parse).ToList();
        var stored = store.StoredIds();
        var missing = answered.Where(id => !stored.Contains(id)).ToList();
        Report.Check("kill-no-lost-201", missing.Count == 0,
            $"{answered.Count} ids answered 201 before the kill, {missing.Count} missing{(missing.Count > 0 ? $" (e.g. {string.Join(", ", missing.Take(5))})" : "")}; {stored.Count} rows stored");

        var (check, problems) = store.CheckIntegrity();
        Report.Check("kill-integrity-check", problems.Count == 0, $"{check}: {(problems.Count == 0 ? "ok" : string.Join("; ", problems.Take(5)))}");
    }
}

/// <summary>The database the API writes to, read directly.</summary>
internal abstract class Store
{
    public static Store From(IReadOnlyDictionary<string, string> options) =>
        (options.GetValueOrDefault("db"), options.GetValueOrDefault("postgres")) switch
        {
            ({ } db, null) => new SqliteStore(db),
            (null, { } connectionString) => new PostgresStore(connectionString),
            _ => throw new ArgumentException("give either --db PATH (SQLite) or --postgres CONNECTION (PostgreSQL)"),
        };

    public HashSet<long> StoredIds()
    {
        var ids = new HashSet<long>();
        foreach (var id in Query("SELECT id FROM articles", reader => reader.GetInt64(0)))
        {
            ids.Add(id);
        }

        return ids;
    }

    /// <summary>The engine's own consistency check: its name, and what it found wrong (nothing when the database is sound).</summary>
    public abstract (string Check, IReadOnlyList<string> Problems) CheckIntegrity();

    protected List<T> Query<T>(string sql, Func<DbDataReader, T> read)
    {
        using var connection = Connection();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>A new connection, not pooled: each check reads the database as it is now.</summary>
    protected abstract DbConnection Connection();
}

internal sealed class SqliteStore(string path) : Store
{
    public override (string Check, IReadOnlyList<string> Problems) CheckIntegrity() =>
        ("PRAGMA integrity_check", Query("PRAGMA integrity_check", reader => reader.GetString(0)).Where(line => line != "ok").ToList());

    protected override DbConnection Connection() =>
        new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
}

/// <summary>
/// PostgreSQL survives a client killed mid-transaction by design; what is checked is that it did: amcheck (contrib,
/// installed into the database here) verifies every table's heap, and every B-tree index against its table.
/// </summary>
internal sealed class PostgresStore(string connectionString) : Store
{
    private const string HeapCheckSql = """
        SELECT c.relname, v.msg
        FROM pg_class c LEFT JOIN LATERAL verify_heapam(c.oid) v ON TRUE
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
        """;

    // bt_index_check raises an error on the first corruption it finds.
    private const string IndexCheckSql = """
        SELECT c.relname, bt_index_check(c.oid, TRUE)::text
        FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
        WHERE c.relnamespace = 'public'::regnamespace AND am.amname = 'btree'
        """;

    public override (string Check, IReadOnlyList<string> Problems) CheckIntegrity()
    {
        try
        {
            Query("CREATE EXTENSION IF NOT EXISTS amcheck", _ => 0);
            var indexes = Query(IndexCheckSql, reader => reader.GetString(0));
            var heap = Query(HeapCheckSql, reader => (Table: reader.GetString(0), Problem: reader.IsDBNull(1) ? null : reader.GetString(1)));
            var tables = heap.Select(row => row.Table).Distinct().Count();
            return ($"amcheck of {tables} tables (verify_heapam) and {indexes.Count} B-tree indexes (bt_index_check, heapallindexed)",
                heap.Where(row => row.Problem is not null).Select(row => $"{row.Table}: {row.Problem}").ToList());
        }
        catch (PostgresException corrupt) when (corrupt.SqlState.StartsWith("XX", StringComparison.Ordinal))
        {
            return ("amcheck", [corrupt.MessageText]);
        }
    }

    protected override DbConnection Connection() =>
        new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
}
