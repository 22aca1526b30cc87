using System.Net;
using Blog.Tests.Infrastructure;
using Npgsql;

namespace Blog.Tests.Http;

/// <summary>
/// Several API processes on one PostgreSQL database share everything a client can notice: sessions, keys, lockouts,
/// rate limits; they start together, survive each other's crash, and ride out a lost database. PostgreSQL only: on
/// SQLite one process serves one file.
/// </summary>
public sealed class MultiInstanceTests : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";

    private readonly TestDatabase _database = new();
    private readonly List<ApiProcess> _processes = [];

    public ValueTask InitializeAsync()
    {
        Assert.SkipWhen(TestDatabase.IsSqlite, "several instances share a PostgreSQL database");
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_cookie_signed_in_on_A_works_on_B_and_logging_out_on_B_ends_it_on_A()
    {
        var (a, b) = await StartTwoAsync();
        var browser = new CookieContainer();
        using var onA = Client(a, browser);
        using var onB = Client(b, browser);
        await onA.RegisterAsync("alice", password: Password);
        var session = onA.CookieValue("blog_session")!;

        using (var current = await onB.GetAsync("/api/v1/users/current"))
        {
            current.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using (var logout = await onB.PostJsonAsync("/api/v1/logout", new { }))
        {
            logout.StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        using var copied = Client(a, new CookieContainer());
        copied.PlantedCookies = $"blog_session={session}";
        using var afterLogout = await copied.GetAsync("/api/v1/users/current");
        await afterLogout.ReadProblemAsync(401);
    }

    [Fact]
    public async Task Five_failures_split_over_A_and_B_lock_the_identifier_on_both()
    {
        var (a, b) = await StartTwoAsync();
        using (var setUp = Client(a, new CookieContainer()))
        {
            await setUp.RegisterAsync("alice", password: Password);
        }

        using var onA = Client(a, new CookieContainer());
        using var onB = Client(b, new CookieContainer());
        await onA.StartAsync();
        await onB.StartAsync();
        foreach (var client in new[] { onA, onB, onA, onB, onA })
        {
            (await client.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = "wrong" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        await (await onA.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = Password })).ReadProblemAsync(429, "locked-out");
        await (await onB.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = Password })).ReadProblemAsync(429, "locked-out");
    }

    [Fact]
    public async Task The_login_rate_limit_counts_A_and_B_together()
    {
        var (a, b) = await StartTwoAsync(new() { ["Blog__RateLimits__LoginPerMinute"] = "4" });
        using var onA = Client(a, new CookieContainer());
        using var onB = Client(b, new CookieContainer());
        onA.EchoXsrfToken = onB.EchoXsrfToken = false;

        // Without a token each admitted login is a CSRF 400; the fifth from this address, on either instance, is 429.
        foreach (var client in new[] { onA, onB, onA, onB })
        {
            (await client.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = "wrong" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        await (await onA.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = "wrong" })).ReadProblemAsync(429, "rate-limited");
        await (await onB.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = "wrong" })).ReadProblemAsync(429, "rate-limited");
    }

    [Fact]
    public async Task Both_start_at_once_on_an_empty_database_with_one_schema_and_one_key()
    {
        var starting = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => ApiProcess.StartServerAsync(_database.ConnectionString, waitUntilHealthy: false)));
        _processes.AddRange(starting);

        await Task.WhenAll(starting.Select(process => process.WaitUntilHealthyAsync()));

        (await _database.QueryAsync<int>("SELECT version FROM schema_version ORDER BY version")).Should().Equal(1, 2, 3, 5);
        (await _database.ScalarAsync<long>("SELECT COUNT(*) FROM data_protection_keys")).Should().Be(1);
        starting.Should().OnlyContain(process => !process.Output.Contains("fail:") && !process.Output.Contains("crit:"));
    }

    [Fact]
    public async Task Every_article_acknowledged_by_A_before_a_kill_9_is_readable_through_B()
    {
        var (a, b) = await StartTwoAsync(new() { ["Blog__RateLimits__ArticlesPerMinute"] = "1000000" });
        var browser = new CookieContainer();
        using var onA = Client(a, browser);
        using var onB = Client(b, browser);
        await onA.RegisterAsync("alice", password: Password);

        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<long>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var created = await onA.PostJsonAsync("/api/v1/articles", new { title = "Kept", content = "Acknowledged means stored." });
                    if (created.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged.Add((await created.ReadJsonAsync()).GetProperty("id").GetInt64());
                    }
                }
                catch (HttpRequestException)
                {
                    return;
                }
            }
        })).ToList();
        await Task.Delay(TimeSpan.FromSeconds(2));

        a.Kill();
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        acknowledged.Should().NotBeEmpty();
        foreach (var id in acknowledged)
        {
            using var read = await onB.GetAsync($"/api/v1/articles/{id}");
            read.StatusCode.Should().Be(HttpStatusCode.OK, $"article {id} was acknowledged with 201");
        }
    }

    [Fact]
    public async Task While_the_database_is_gone_requests_are_503_and_both_recover_by_themselves()
    {
        var server = new NpgsqlConnectionStringBuilder(_database.ConnectionString);
        await using var network = new TcpProxy(server.Host!, server.Port);
        network.Start();
        var throughProxy = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Port = network.Port }.ConnectionString;
        var api = await StartAsync(throughProxy);
        using var alice = Client(api, new CookieContainer());
        await alice.RegisterAsync("alice", password: Password);

        network.Stop();
        var during = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var current = await alice.GetAsync("/api/v1/users/current");
            during.Add(current.StatusCode);
            if (current.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                var problem = await current.ReadProblemAsync(503, "unavailable");
                current.Headers.RetryAfter.Should().NotBeNull();
                problem.GetProperty("detail").GetString().Should().NotContain(server.Password!);
            }
        }

        using (var health = await alice.GetAsync("/health"))
        {
            health.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        }

        network.Start();
        var after = await EventuallyAsync(alice, "/api/v1/users/current");
        var healthAfter = await EventuallyAsync(alice, "/health");

        during.Should().OnlyContain(status => status == HttpStatusCode.ServiceUnavailable);
        after.Should().Be(HttpStatusCode.OK);
        healthAfter.Should().Be(HttpStatusCode.OK);
        api.Output.Should().NotContain("   at ").And.NotContain(server.Password!);
    }

    [Fact]
    public async Task An_unreachable_database_at_start_is_one_clear_line_and_a_non_zero_exit_within_30_seconds()
    {
        var nowhere = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Port = new TcpProxy("127.0.0.1", 1).Port };

        await using var api = await ApiProcess.RunAsync(nowhere.ConnectionString);

        api.ExitCode.Should().NotBe(0);
        api.Output.Should().Contain($"Cannot reach the database server at 127.0.0.1:{nowhere.Port}");
        api.Output.Should().NotContain("   at ").And.NotContain(nowhere.Password!);
    }

    private static ApiClient Client(ApiProcess api, CookieContainer browser) =>
        new(new SocketsHttpHandler { UseCookies = false }, new Uri(api.BaseUrl!), browser);

    /// <summary>Polls until the answer is no longer 503, for at most 20 s; any other 5xx fails at once.</summary>
    private static async Task<HttpStatusCode> EventuallyAsync(ApiClient client, string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            using var response = await client.GetAsync(path);
            ((int)response.StatusCode).Should().NotBeInRange(500, 502).And.NotBeInRange(504, 599);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
            {
                return response.StatusCode;
            }

            await Task.Delay(250);
        }
    }

    private async Task<ApiProcess> StartAsync(string connectionString, Dictionary<string, string>? settings = null)
    {
        var process = await ApiProcess.StartServerAsync(connectionString, settings);
        _processes.Add(process);
        return process;
    }

    private async Task<(ApiProcess A, ApiProcess B)> StartTwoAsync(Dictionary<string, string>? settings = null)
    {
        var a = await StartAsync(_database.ConnectionString, settings);
        var b = await StartAsync(_database.ConnectionString, settings);
        return (a, b);
    }
}
