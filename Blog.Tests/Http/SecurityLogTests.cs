using Blog.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Blog.Tests.Http;

/// <summary>Security events are logged, structured, and no log line ever holds a password or a hash.</summary>
public sealed class SecurityLogTests : IAsyncLifetime
{
    private const string Password = "a secret passphrase 7";
    private readonly LogSink _logs = new();
    private BlogApiFactory _api = null!;

    public ValueTask InitializeAsync()
    {
        _api = new BlogApiFactory(
            new() { ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace" },
            services => services.AddSingleton<ILoggerProvider>(_logs));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task Sign_in_success_failure_lockout_and_logout_are_logged_without_passwords()
    {
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice", "alice@example.com", Password);
        (await client.PostJsonAsync("/api/v1/logout", new { })).Dispose();
        (await client.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = Password })).Dispose();
        (await client.PostJsonAsync("/api/v1/logout", new { })).Dispose();
        for (var i = 0; i < 6; i++)
        {
            (await client.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = Password + "x" })).Dispose();
        }

        var hash = await _api.Database.ScalarAsync<string>("SELECT password_hash FROM users");
        var lines = _logs.Lines.ToList();
        lines.Should().Contain(line => line.Contains("[1001]") && line.Contains("UserId=1"), "registration is logged");
        lines.Should().Contain(line => line.Contains("[2001]") && line.Contains("UserId=1"), "sign-in is logged");
        lines.Should().Contain(line => line.Contains("[2002]"), "a failed sign-in is logged");
        lines.Should().Contain(line => line.Contains("[2003]"), "the start of a lockout is logged");
        lines.Should().Contain(line => line.Contains("[2004]"), "a refusal during a lockout is logged");
        lines.Should().Contain(line => line.Contains("[3001]") && line.Contains("UserId=1"), "sign-out is logged");
        lines.Should().NotContain(line => line.Contains(Password) || line.Contains(hash!));
    }

    [Fact]
    public async Task Account_operations_are_logged_without_passwords()
    {
        const string newPassword = "another secret passphrase 8";
        using var client = _api.CreateApiClient();
        await client.RegisterAsync("alice", "alice@example.com", Password);
        using var phone = _api.CreateApiClient();
        await phone.StartAsync();
        (await phone.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = Password })).Dispose();
        (await client.PostJsonAsync("/api/v1/users/current/password", new { currentPassword = Password + "x", newPassword })).Dispose();
        (await client.PostJsonAsync("/api/v1/users/current/password", new { currentPassword = Password, newPassword })).Dispose();
        await phone.StartAsync();
        (await phone.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = newPassword })).Dispose();
        var sessions = await (await client.GetAsync("/api/v1/users/current/sessions")).ReadJsonAsync();
        var other = sessions.EnumerateArray().Single(session => !session.GetProperty("current").GetBoolean()).GetProperty("id").GetString();
        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/users/current/sessions/" + other))).Dispose();
        (await client.PostJsonAsync("/api/v1/users/current/sessions/end-others", new { })).Dispose();
        (await client.GetAsync("/api/v1/users/current/export")).Dispose();
        var hash = await _api.Database.ScalarAsync<string>("SELECT password_hash FROM users");
        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/users/current") { Content = System.Net.Http.Json.JsonContent.Create(new { password = "wrong" }) })).Dispose();
        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/users/current") { Content = System.Net.Http.Json.JsonContent.Create(new { password = newPassword }) })).Dispose();

        var lines = _logs.Lines.ToList();
        foreach (var eventId in new[] { 2101, 2102, 3101, 3102, 5101, 5102, 5103 })
        {
            lines.Should().Contain(line => line.Contains($"[{eventId}]") && line.Contains("UserId=1"), $"event {eventId} is logged");
        }

        lines.Should().NotContain(line => line.Contains(Password) || line.Contains(newPassword) || line.Contains(hash!));
    }
}

/// <summary>Garbage cookies get the ordinary answer and cannot flood the log with errors or stack traces.</summary>
public sealed class GarbageCookieLogTests : IAsyncLifetime
{
    private readonly LogSink _logs = new();
    private BlogApiFactory _api = null!;

    public ValueTask InitializeAsync()
    {
        // The levels of the shipped appsettings.json.
        _api = new BlogApiFactory(
            new() { ["Logging:LogLevel:Default"] = "Information", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning" },
            services => services.AddSingleton<ILoggerProvider>(_logs));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Theory]
    [InlineData("blog_antiforgery=garbage")]
    [InlineData("blog_antiforgery=CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("blog_session=garbage")]
    [InlineData("blog_session=CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA; blog_antiforgery=%00%01")]
    public async Task A_garbage_cookie_gets_the_normal_answer_and_at_most_one_warning_line_per_request(string cookies)
    {
        using var client = _api.CreateApiClient();
        (await client.GetAsync("/health")).Dispose();
        var startUp = _logs.Lines.Count;
        client.PlantedCookies = cookies;

        using var current = await client.GetAsync("/api/v1/users/current");
        await current.ReadProblemAsync(401);
        var afterGet = _logs.Lines.Skip(startUp).ToList();
        using var logout = await client.PostJsonAsync("/api/v1/logout", new { });
        var afterPost = _logs.Lines.Skip(startUp + afterGet.Count).ToList();

        afterGet.Where(IsWarningOrWorse).Should().BeEmpty();
        if (logout.StatusCode == System.Net.HttpStatusCode.NoContent)
        {
            afterPost.Where(IsWarningOrWorse).Should().BeEmpty();
        }
        else
        {
            await logout.ReadProblemAsync(400);
            afterPost.Where(IsWarningOrWorse).Should().ContainSingle().Which.Should().Contain("[4101]");
        }

        _logs.Lines.Should().NotContain(line => line.Contains("   at ") || line.Contains("Exception"));
    }

    private static bool IsWarningOrWorse(string line) => line.StartsWith("Warning", StringComparison.Ordinal) || line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal);
}
