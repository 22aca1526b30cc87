using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

/// <summary>
/// (c) Abusive requests over raw sockets (so that nothing is tidied up by an HTTP client): random bytes, truncated and
/// deeply nested JSON, invalid UTF-8, wrong and missing content types, huge headers and query strings, unknown methods,
/// path tricks, broken framing. A share of them carry a valid session and CSRF pair so that they reach the endpoints.
/// Passes when no answer is a 5xx, /health answers 200 afterwards, and the server's RSS comes back near its start.
/// </summary>
internal static class Malformed
{
    private const int Parallelism = 32;

    private static readonly string[] UnsafePaths = ["/api/v1/articles", "/api/v1/login", "/api/v1/register", "/api/v1/logout"];

    private static readonly string[] ValidBodies =
    [
        """{"title":"Malformed soak","content":"A valid article body, used as the base of broken ones."}""",
        """{"usernameOrEmail":"nobody-at-all","password":"not-the-password"}""",
        """{"username":"x","email":"not-an-email","password":"short"}""",
        "{}",
    ];

    private static readonly string[] PathTricks =
    [
        "/api/v1/../../etc/passwd", "/api/v1/%2e%2e/%2e%2e/etc/passwd", "/api/v1/..%2f..%2fetc%2fpasswd", "/../../../../etc/passwd",
        "/api/v1/articles/%00", "/api/v1/articles/1%00", "/api/v1/articles%00.json", "//", "//api//v1//articles", "///api/v1/users/current",
        "/api/v1/articles/-1", "/api/v1/articles/0", "/api/v1/articles/99999999999999999999999", "/api/v1/articles/0x10",
        "/api/v1/articles/1e3", "/api/v1/articles/%FF%FE", "/api/v1/articles/%C0%AF", "/%", "/api/v1/%zz", "/api/v1/articles/%",
        "/api/v1\\..\\..\\windows\\win.ini", "/api/v1/users/current/..;/..;/", "/api/v1/articles?limit=%00",
        "/api/v1/articles?limit=0", "/api/v1/articles?limit=101", "/api/v1/articles?limit=-1", "/api/v1/articles?limit=1e3",
        "/api/v1/articles?limit=20&limit=30", "/api/v1/articles?cursor=0", "/api/v1/articles?cursor=-5", "/api/v1/articles?cursor=%FF",
        "/api/v1/articles?cursor=99999999999999999999999", "/api/v1/articles?cursor=abc&limit=abc", "/api/v1/articles?limit",
        "/api/v1/articles?=&&=&limit==", "/api/v1/articles/1/../2", "/api/v1/ärticles", "/api/v1/articles#fragment",
        "/api/v1/users/current%20", "/api/v1/users/current/", "/API/V1/USERS/CURRENT", "/api", "/api/", "/api/v1", "/api/v1/",
        "/api/v2/articles", "/.env", "/.git/config", "/index.html", "/health/..", "/health%00", "*",
        "http://127.0.0.1/api/v1/articles", "http://evil.example/api/v1/users/current", "/api/v1/articles/1;jsessionid=1",
    ];

    private static readonly string[] Methods =
    [
        "FOO", "PROPFIND", "MKCOL", "BREW", "get", "Post", "CONNECT", "TRACE", "OPTIONS", "PATCH", "PUT", "DELETE", "HEAD",
        "G@T", "GET\tX", "QUERY", new string('M', 300),
    ];

    private static readonly string[] ContentTypes =
    [
        "text/plain", "application/xml", "multipart/form-data; boundary=xyz", "application/x-www-form-urlencoded",
        "application/jsonx", "application/json; charset=utf-16", "application/json; charset=bogus", "", "*/*",
        "application/*", "json", "application/json, text/plain", "application/problem+json", "text/json",
        "application/json; charset=\"", "application/json;;;", "\u00ffapplication/json",
    ];

    private delegate byte[] Generator(Random random, Target target);

    private sealed record Target(string HostHeader, string Cookie, string Xsrf);

    public static async Task Run(string url, int pid, int count, int seed)
    {
        var uri = new Uri(url);
        using var client = await BlogClient.RegisterAsync(url, $"abuse{Environment.ProcessId % 100000}r{Random.Shared.Next(100000)}");
        var target = new Target($"{uri.Host}:{uri.Port}", client.CookieHeader, client.Xsrf);

        // Warm the server up with ordinary traffic first, so that the RSS it starts from is its working size.
        for (var i = 0; i < 200; i++)
        {
            (await client.Http.GetAsync(i % 2 == 0 ? "/api/v1/articles?limit=20" : "/api/v1/users/current")).Dispose();
        }

        var rssBefore = RssMb(pid);
        var generators = new (string Name, Generator Make)[]
        {
            ("random bytes", RandomBytes), ("garbage request line", GarbageRequestLine), ("truncated JSON", TruncatedJson),
            ("deeply nested JSON", NestedJson), ("invalid UTF-8", InvalidUtf8), ("wrong content type", WrongContentType),
            ("missing content type", MissingContentType), ("huge headers", HugeHeaders), ("huge query string", HugeQuery),
            ("unknown method", UnknownMethod), ("path trick", PathTrick), ("broken framing", BrokenFraming),
            ("wrong JSON types", WrongJsonTypes), ("oversized body", OversizedBody),
        };

        var statuses = new ConcurrentDictionary<string, int>();
        var byGenerator = new ConcurrentDictionary<string, int>();
        var serverErrors = new ConcurrentQueue<string>();
        var versionAnswers = 0;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (n, _) =>
        {
            var random = new Random(HashCode.Combine(seed, n));
            var (name, make) = generators[random.Next(generators.Length)];
            var request = make(random, target);
            var status = await SendRaw(uri, request);
            var bucket = status?.ToString(CultureInfo.InvariantCulture) ?? "closed";
            statuses.AddOrUpdate(bucket, 1, (_, c) => c + 1);
            byGenerator.AddOrUpdate($"{name}: {bucket}", 1, (_, c) => c + 1);
            if (status == 505 && !IsHttp11Or10(request))
            {
                // Kestrel's own answer to a request line that names another HTTP version: the right answer, not a fault.
                Interlocked.Increment(ref versionAnswers);
            }
            else if (status >= 500)
            {
                serverErrors.Enqueue($"{status} for {name}: {Head(request)}{ContentType(request)}");
            }
        });

        var summary = string.Join(", ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Value}×{s.Key}"));
        if (Environment.GetEnvironmentVariable("SOAK_VERBOSE") == "1")
        {
            foreach (var (key, value) in byGenerator.OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                Console.Error.WriteLine($"  {key}: {value}");
            }
        }

        Report.Check("malformed-no-5xx", serverErrors.IsEmpty,
            $"{count} requests in {watch.Elapsed.TotalSeconds:F1} s, answers {summary} (closed: no status line before the server closed;" +
            $" {versionAnswers}×505 answer request lines of other HTTP versions)" +
            (serverErrors.IsEmpty ? "" : "; 5xx e.g. " + string.Join(" | ", serverErrors.Distinct().Take(6))));

        // Malformed requests may have signed the abuse session out (a valid logout is among them): check with a new one.
        using var fresh = await BlogClient.RegisterAsync(url, $"after{Environment.ProcessId % 100000}r{Random.Shared.Next(100000)}");
        using (var health = await fresh.Http.GetAsync("/health"))
        using (var list = await fresh.Http.GetAsync("/api/v1/articles?limit=20"))
        {
            Report.Check("malformed-still-healthy", health.StatusCode == HttpStatusCode.OK && list.StatusCode == HttpStatusCode.OK,
                $"/health {(int)health.StatusCode}, signed-in list {(int)list.StatusCode}");
        }

        if (pid > 0)
        {
            // The pools may hold on to buffers for a while: give the server up to 20 s (with ordinary traffic) to let go.
            var limit = (rssBefore * 1.25) + 32;
            var rssAfter = RssMb(pid);
            var peak = rssAfter;
            for (var waited = 0; rssAfter > limit && waited < 20; waited++)
            {
                await Task.Delay(1000);
                (await fresh.Http.GetAsync("/health")).Dispose();
                rssAfter = RssMb(pid);
            }

            Report.Check("malformed-rss-back", rssAfter <= limit,
                $"RSS {rssBefore:F0} MB before, {peak:F0} MB right after, {rssAfter:F0} MB settled (limit {limit:F0} MB = before × 1.25 + 32)");
        }
    }

    private static double RssMb(int pid)
    {
        if (pid <= 0)
        {
            return 0;
        }

        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
            }
        }

        return 0;
    }

    private static string ContentType(byte[] request)
    {
        var text = Encoding.Latin1.GetString(request, 0, Math.Min(request.Length, 4096));
        var start = text.IndexOf("\r\nContent-Type:", StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return "";
        }

        var end = text.IndexOf('\r', start + 2);
        return $" [{text[(start + 2)..(end < 0 ? text.Length : end)]}]";
    }

    private static bool IsHttp11Or10(byte[] request)
    {
        var line = Head(request);
        return line.EndsWith(" HTTP/1.1", StringComparison.Ordinal) || line.EndsWith(" HTTP/1.0", StringComparison.Ordinal);
    }

    private static string Head(byte[] request)
    {
        var text = Encoding.Latin1.GetString(request, 0, Math.Min(request.Length, 200));
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return (end > 0 ? text[..end] : text).Replace("\r", "", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal);
    }

    /// <summary>Sends the bytes, half-closes, and reads the status code of the answer (null: closed without one).</summary>
    private static async Task<int?> SendRaw(Uri uri, byte[] request)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(uri.Host), uri.Port), timeout.Token);
            try
            {
                await socket.SendAsync(request, SocketFlags.None, timeout.Token);
            }
            catch (SocketException)
            {
                // The server may answer and close before it has read everything (e.g. 431); read what it said.
            }

            // A request the server thinks unfinished (a short body, a request line without its end) gets its end of
            // stream after a second of silence. Not at once: Kestrel drops the answer to a request whose client has
            // already half-closed.
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
            quiet.CancelAfter(TimeSpan.FromSeconds(1));
            var buffer = new byte[4096];
            var received = 0;
            var halfClosed = false;
            while (received < buffer.Length)
            {
                int n;
                try
                {
                    n = await socket.ReceiveAsync(buffer.AsMemory(received), SocketFlags.None, halfClosed ? timeout.Token : quiet.Token);
                }
                catch (OperationCanceledException) when (!halfClosed && !timeout.IsCancellationRequested)
                {
                    halfClosed = true;
                    socket.Shutdown(SocketShutdown.Send);
                    continue;
                }

                if (n == 0)
                {
                    break;
                }

                received += n;
                if (Array.IndexOf(buffer, (byte)'\n', 0, received) >= 0)
                {
                    break;
                }
            }

            var line = Encoding.Latin1.GetString(buffer, 0, received);
            return line.Length >= 12 && line.StartsWith("HTTP/1.", StringComparison.Ordinal)
                && int.TryParse(line.AsSpan(9, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status)
                ? status
                : null;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------------ generators

    private static byte[] Request(string method, string target, Target to, Random random, IEnumerable<string>? headers = null, byte[]? body = null,
        bool signedIn = true, bool contentLength = true)
    {
        var text = new StringBuilder();
        text.Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\n");
        text.Append("Host: ").Append(to.HostHeader).Append("\r\n");
        if (signedIn && random.NextDouble() < 0.7)
        {
            text.Append("Cookie: ").Append(to.Cookie).Append("\r\nX-XSRF-TOKEN: ").Append(to.Xsrf).Append("\r\n");
        }

        foreach (var header in headers ?? [])
        {
            text.Append(header).Append("\r\n");
        }

        if (body is not null && contentLength)
        {
            text.Append("Content-Length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        text.Append("Connection: close\r\n\r\n");
        var head = Encoding.Latin1.GetBytes(text.ToString());
        return body is null ? head : [.. head, .. body];
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static byte[] Json(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] RandomBytes(Random random, Target to)
    {
        var bytes = new byte[random.Next(1, 8192)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] GarbageRequestLine(Random random, Target to)
    {
        var junk = new char[random.Next(1, 200)];
        for (var i = 0; i < junk.Length; i++)
        {
            junk[i] = (char)random.Next(1, 256);
        }

        return random.Next(3) switch
        {
            0 => Encoding.Latin1.GetBytes($"GET /{new string(junk)} HTTP/1.1\r\nHost: {to.HostHeader}\r\n\r\n"),
            1 => Encoding.Latin1.GetBytes($"{new string(junk)}\r\n\r\n"),
            _ => Encoding.Latin1.GetBytes($"GET / HTTP/{random.Next(0, 10)}.{random.Next(0, 10)}\r\nHost: {to.HostHeader}\r\n{new string(junk)}\r\n\r\n"),
        };
    }

    private static byte[] TruncatedJson(Random random, Target to)
    {
        var body = Json(Pick(random, ValidBodies));
        return Request("POST", Pick(random, UnsafePaths), to, random, ["Content-Type: application/json"], body[..random.Next(0, body.Length)]);
    }

    private static byte[] NestedJson(Random random, Target to)
    {
        var depth = Pick(random, [10, 63, 64, 65, 100, 1000, 10_000, 30_000]);
        var open = random.Next(2) == 0 ? "[" : "{\"a\":";
        var close = open == "[" ? "]" : "}";
        var nested = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        var body = random.Next(2) == 0 ? nested : $$"""{"title":{{nested}},"content":"nested content here"}""";
        return Request("POST", Pick(random, UnsafePaths), to, random, ["Content-Type: application/json"], Json(body));
    }

    private static byte[] InvalidUtf8(Random random, Target to)
    {
        byte[][] bad = [[0xFF], [0xFE, 0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x80]];
        var prefix = Json("""{"title":"bad """);
        var suffix = Json(""" utf8","content":"content with invalid bytes inside"}""");
        var body = (byte[])[.. prefix, .. Pick(random, bad), .. suffix];
        return random.Next(4) switch
        {
            0 => Request("GET", "/api/v1/articles?cursor=" + Encoding.Latin1.GetString([0xFF, 0xC0]), to, random),
            1 => Request("GET", "/api/v1/users/current", to, random, ["X-Custom: " + Encoding.Latin1.GetString([0xFF, 0xFE, 0xC0])]),
            2 => Request("POST", "/api/v1/articles", to, random, ["Content-Type: application/json"], Json("""{"title":"\ud800 lone","content":"lone surrogate \udfff in here"}""")),
            _ => Request("POST", Pick(random, UnsafePaths), to, random, ["Content-Type: application/json"], body),
        };
    }

    private static byte[] WrongContentType(Random random, Target to) =>
        Request(Pick(random, ["POST", "PUT", "PATCH", "DELETE"]), Pick(random, UnsafePaths), to, random,
            ["Content-Type: " + Pick(random, ContentTypes)], Json(Pick(random, ValidBodies)));

    private static byte[] MissingContentType(Random random, Target to) =>
        Request("POST", Pick(random, UnsafePaths), to, random, null, random.Next(3) == 0 ? [] : Json(Pick(random, ValidBodies)));

    private static byte[] HugeHeaders(Random random, Target to)
    {
        var size = Pick(random, [8 * 1024, 16 * 1024, 33 * 1024, 64 * 1024, 200 * 1024]);
        IEnumerable<string> headers = random.Next(3) switch
        {
            0 => [$"X-Big: {new string('a', size)}"],
            1 => Enumerable.Range(0, size / 64).Select(i => $"X-H{i}: {new string('b', 50)}"),
            _ => [$"Cookie: {new string('c', size)}=1"],
        };
        return Request(random.Next(2) == 0 ? "GET" : "POST", random.Next(2) == 0 ? "/api/v1/articles" : "/api/v1/login", to, random,
            ["Content-Type: application/json", .. headers], Json("{}"));
    }

    private static byte[] HugeQuery(Random random, Target to)
    {
        var size = Pick(random, [2 * 1024, 8 * 1024, 9 * 1024, 64 * 1024, 300 * 1024]);
        var query = random.Next(2) == 0 ? "limit=" + new string('9', size) : string.Join('&', Enumerable.Range(0, size / 8).Select(i => $"k{i}=v"));
        return Request("GET", "/api/v1/articles?" + query, to, random);
    }

    private static byte[] UnknownMethod(Random random, Target to) =>
        Request(Pick(random, Methods), random.Next(2) == 0 ? Pick(random, UnsafePaths) : "/api/v1/articles/1", to, random,
            ["Content-Type: application/json"], Json(Pick(random, ValidBodies)));

    private static byte[] PathTrick(Random random, Target to)
    {
        var method = Pick(random, ["GET", "GET", "POST", "HEAD", "DELETE"]);
        return method == "POST"
            ? Request(method, Pick(random, PathTricks), to, random, ["Content-Type: application/json"], Json(Pick(random, ValidBodies)))
            : Request(method, Pick(random, PathTricks), to, random);
    }

    private static byte[] BrokenFraming(Random random, Target to)
    {
        var body = Json(Pick(random, ValidBodies));
        var path = Pick(random, UnsafePaths);
        var host = to.HostHeader;
        var cookie = $"Cookie: {to.Cookie}\r\nX-XSRF-TOKEN: {to.Xsrf}\r\n";
        var json = Encoding.UTF8.GetString(body);
        string raw = random.Next(14) switch
        {
            0 => $"POST {path} HTTP/1.1\r\nHost: {host}\r\n{cookie}Content-Type: application/json\r\nContent-Length: -1\r\n\r\n{json}",
            1 => $"POST {path} HTTP/1.1\r\nHost: {host}\r\n{cookie}Content-Type: application/json\r\nContent-Length: abc\r\n\r\n{json}",
            2 => $"POST {path} HTTP/1.1\r\nHost: {host}\r\n{cookie}Content-Type: application/json\r\nContent-Length: 5\r\nContent-Length: 50\r\n\r\n{json}",
            3 => $"POST {path} HTTP/1.1\r\nHost: {host}\r\n{cookie}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{json}\r\n0\r\n\r\n",
            4 => $"POST {path} HTTP/1.1\r\nHost: {host}\r\n{cookie}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n{json.Length:x}\r\n{json}\r\n0\r\n\r\n",
            5 => $"POST {path} HTTP/1.1\r\nHost: {host}\r\n{cookie}Content-Type: application/json\r\nTransfer-Encoding: gzip\r\n\r\n{json}",
            6 => $"POST {path} HTTP/1.1\r\nHost: {host}\r\n{cookie}Content-Type: application/json\r\nContent-Length: {json.Length + 100}\r\n\r\n{json}",
            7 => $"GET /api/v1/users/current HTTP/1.0\r\n\r\n",
            8 => $"GET /api/v1/users/current HTTP/2.0\r\nHost: {host}\r\n\r\n",
            9 => $"GET /api/v1/users/current HTTP/1.1\r\n\r\n",
            10 => $"GET /api/v1/users/current HTTP/1.1\r\nHost: {host}\r\nNoColonHeader\r\n\r\n",
            11 => $"GET /api/v1/users/current HTTP/1.1\r\nHost: {host}\r\nX-Nul: a\0b\r\n\r\n",
            12 => $"GET /api/v1/users/current HTTP/1.1\r\nHost: {host}\r\nX-Fold: a\r\n folded\r\n\r\n",
            _ => $"GET /api/v1/users/current HTTP/1.1\nHost: {host}\nX-Space : a\n\n",
        };
        return Encoding.Latin1.GetBytes(raw);
    }

    private static byte[] WrongJsonTypes(Random random, Target to)
    {
        string[] bodies =
        [
            "null", "[]", "\"x\"", "1", "true", """{"title":1,"content":2}""", """{"title":null,"content":null}""",
            """{"title":{},"content":[]}""", """{"usernameOrEmail":null,"password":null}""", """{"usernameOrEmail":[],"password":{}}""",
            """{"username":null,"email":null,"password":null}""", """{"username":1,"email":true,"password":[]}""",
            """{"title":"t","content":"long enough content","extra":1}""", """{"title":"a","title":"b","content":"duplicate keys here"}""",
            """{"title":"\u0000\u0001","content":"control characters \u0000 inside"}""", """{"title":1e400,"content":-1e400}""",
            "\uFEFF{\"title\":\"bom\",\"content\":\"starts with a byte order mark\"}", """{"title":"c" /* comment */,"content":"x"}""",
            """{"title":"trailing","content":"comma in the object",}""", """{"title":"   ","content":"          "}""",
            """{"title":"x","content":"y"}""", "{\"title\":\"" + new string('t', 60_000) + "\",\"content\":\"big title\"}",
            "{\"username\":\"" + new string('u', 5000) + "\",\"email\":\"e@e.e\",\"password\":\"" + new string('p', 5000) + "\"}",
            "{\"usernameOrEmail\":\"" + new string('u', 50_000) + "\",\"password\":\"x\"}",
        ];
        return Request("POST", Pick(random, UnsafePaths), to, random, ["Content-Type: application/json"], Json(Pick(random, bodies)));
    }

    private static byte[] OversizedBody(Random random, Target to)
    {
        var size = Pick(random, [64 * 1024 + 1, 100 * 1024, 1024 * 1024]);
        var body = Json("{\"title\":\"big\",\"content\":\"" + new string('x', size) + "\"}");
        return random.Next(2) == 0
            ? Request("POST", Pick(random, UnsafePaths), to, random, ["Content-Type: application/json"], body)
            : Request("POST", Pick(random, UnsafePaths), to, random, ["Content-Type: application/json", "Transfer-Encoding: chunked"],
                [.. Encoding.ASCII.GetBytes($"{body.Length:x}\r\n"), .. body, .. "\r\n0\r\n\r\n"u8.ToArray()], contentLength: false);
    }
}
