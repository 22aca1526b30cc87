using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.Http;

/// <summary>The API as an operator starts it: the built program, from any folder, and its account commands.</summary>
public sealed class OperatorTests : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";

    // The API's build output is copied beside the tests, appsettings.json included.
    private static readonly string ApiDll = Path.Combine(AppContext.BaseDirectory, "Blog.Api.dll");

    private readonly string _elsewhere = Directory.CreateTempSubdirectory("blog-cwd-").FullName;
    private readonly BlogApiFactory _api = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        Directory.Delete(_elsewhere, recursive: true);
    }

    [Fact]
    public async Task Started_from_another_folder_it_reads_its_own_appsettings_and_sends_no_Server_header()
    {
        var port = FreePort();
        using var api = Start("--urls", $"http://127.0.0.1:{port}");
        try
        {
            using var http = new HttpClient();
            var health = await WaitForHealthAsync(http, $"http://127.0.0.1:{port}/health");

            health.Headers.Contains("Server").Should().BeFalse();
        }
        finally
        {
            api.Kill(entireProcessTree: true);
            await api.WaitForExitAsync();
        }

        // appsettings.json keeps Microsoft.AspNetCore at Warning; without it every request logs "Request starting".
        var output = await api.StandardOutput.ReadToEndAsync();
        output.Should().Contain("Now listening on").And.NotContain("Request starting");
    }

    [Fact]
    public async Task Users_deactivate_ends_the_sessions_and_reactivate_leaves_old_cookies_dead()
    {
        await _api.Database.MigrateAsync();
        using var alice = _api.CreateApiClient();
        await alice.RegisterAsync("alice", password: Password);

        await RunAsync(0, "alice is deactivated; its sessions have ended.", "users", "deactivate", "alice");
        (await alice.GetAsync("/api/v1/users/current")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await RunAsync(0, "Alice is active again; old sessions stay ended.", "users", "reactivate", "Alice");

        (await alice.GetAsync("/api/v1/users/current")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM sessions")).Should().Be(0);
        using var again = _api.CreateApiClient();
        await again.StartAsync();
        (await again.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = Password })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_user_or_a_wrong_command_fails_with_a_message()
    {
        await _api.Database.MigrateAsync();

        await RunAsync(1, "There is no account with the username 'nobody'.", "users", "deactivate", "nobody");
        await RunAsync(2, "Usage: users deactivate USERNAME | users reactivate USERNAME", "users", "delete", "nobody");
    }

    private Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _elsewhere, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ApiDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__Blog"] = _api.Database.ConnectionString;
        start.Environment["Blog__Database__Provider"] = TestDatabase.Provider.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return Process.Start(start)!;
    }

    /// <summary>Runs an account command to its end and checks its exit code and the line it answers with (log lines aside).</summary>
    private async Task RunAsync(int exitCode, string answer, params string[] args)
    {
        using var process = Start(args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"'{string.Join(' ', args)}' did not end within 30 s (did it start the server?)");
        }

        var output = await process.StandardOutput.ReadToEndAsync();
        process.ExitCode.Should().Be(exitCode, output);
        output.Split('\n').Select(line => line.Trim()).Should().Contain(answer);
    }

    private static async Task<HttpResponseMessage> WaitForHealthAsync(HttpClient http, string url)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var response = await http.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return response;
                }
            }
            catch (HttpRequestException) when (attempt < 120)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
