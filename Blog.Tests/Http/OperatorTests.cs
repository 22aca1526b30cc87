using System.Net;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.Http;

/// <summary>The API as an operator starts it: the built program, from any folder, and its account commands.</summary>
public sealed class OperatorTests : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";

    private readonly BlogApiFactory _api = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task Started_from_another_folder_it_reads_its_own_appsettings_and_sends_no_Server_header()
    {
        await using (var api = await ApiProcess.StartServerAsync(_api.Database.ConnectionString))
        {
            using var http = new HttpClient();
            using var health = await http.GetAsync(api.BaseUrl + "/health");

            health.StatusCode.Should().Be(HttpStatusCode.OK);
            health.Headers.Contains("Server").Should().BeFalse();
            await Task.Delay(500);

            // appsettings.json keeps Microsoft.AspNetCore at Warning; without it every request logs "Request starting".
            api.Output.Should().Contain("Now listening on").And.NotContain("Request starting");
        }
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
        await RunAsync(2, "Usage: users deactivate USERNAME | users reactivate USERNAME | articles rerender", "users", "delete", "nobody");
    }

    [Fact]
    public async Task Articles_rerender_renders_the_rows_another_renderer_wrote()
    {
        await _api.Database.MigrateAsync();
        var authorId = await _api.Database.InsertUserAsync("alice");
        await _api.Database.ExecuteAsync(
            "INSERT INTO articles (author_id, title, content, created_at) VALUES (@AuthorId, 'Old', 'Some **bold** text.', @CreatedAt)",
            new { AuthorId = authorId, CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) });

        await RunAsync(0, "1 articles rendered again; 0 skipped (edited meanwhile, already current).", "articles", "rerender");

        (await _api.Database.ScalarAsync<string>("SELECT content_html FROM articles")).Should().Be("<p>Some <strong>bold</strong> text.</p>\n");
    }

    /// <summary>Runs an account command and checks its exit code and the line it answers with (log lines aside).</summary>
    private async Task RunAsync(int exitCode, string answer, params string[] args)
    {
        await using var command = await ApiProcess.RunAsync(_api.Database.ConnectionString, args);

        command.ExitCode.Should().Be(exitCode, command.Output);
        command.Output.Split('\n').Select(line => line.Trim()).Should().Contain(answer);
    }
}
