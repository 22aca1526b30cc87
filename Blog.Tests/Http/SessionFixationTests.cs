using System.Net;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.Http;

/// <summary>
/// An attacker who can set cookies for the host (a sibling subdomain, a plain-HTTP hop) plants a session key in the
/// victim's browser before the victim signs in. Whatever the planted cookie looks like, the sign-in stores a new
/// session, and afterwards only the cookie the sign-in response set acts as the victim.
/// </summary>
public sealed class SessionFixationTests : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";

    private readonly BlogApiFactory _api = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    public static TheoryData<string, string> Plantings => new()
    {
        { "login", "BLOG_SESSION={0}" },
        { "login", "zz=%3B%20blog_session%3D{0}" },
        { "login", "blog_session=stale; zz=%3B%20blog_session%3D{0}" },
        { "login", "blog_session={0}; blog_session={0}" },
        { "login", "blog_session={0}" },
        { "register", "BLOG_SESSION={0}" },
        { "register", "zz=%3B%20blog_session%3D{0}" },
        { "register", "blog_session=stale; zz=%3B%20blog_session%3D{0}" },
        { "register", "blog_session={0}; blog_session={0}" },
        { "register", "blog_session={0}" },
    };

    [Theory]
    [MemberData(nameof(Plantings))]
    public async Task A_planted_session_cookie_never_acts_as_the_victim(string signIn, string planting)
    {
        using var attacker = _api.CreateApiClient();
        await attacker.RegisterAsync("mallory");
        var plantedKey = attacker.CookieValue("blog_session")!;
        if (signIn == "login")
        {
            using var setUp = _api.CreateApiClient();
            await setUp.RegisterAsync("alice");
            (await setUp.PostJsonAsync("/api/v1/logout", new { })).Dispose();
        }

        using var victim = _api.CreateApiClient();
        await victim.StartAsync();
        victim.PlantedCookies = string.Format(System.Globalization.CultureInfo.InvariantCulture, planting, plantedKey);
        using var response = signIn == "login"
            ? await victim.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = Password })
            : await victim.PostJsonAsync("/api/v1/register", new { username = "alice", email = "alice@example.com", password = Password });
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
        var victimId = (await response.ReadJsonAsync()).GetProperty("id").GetInt64();
        var issuedKey = victim.CookieValue("blog_session")!;
        issuedKey.Should().NotBe(plantedKey);

        foreach (var cookie in new[] { $"blog_session={plantedKey}", $"BLOG_SESSION={plantedKey}", victim.PlantedCookies })
        {
            (await CurrentUserIdAsync(cookie)).Should().NotBe(victimId, $"the planted cookie '{cookie}' must not act as the victim");
        }

        (await CurrentUserIdAsync($"blog_session={issuedKey}")).Should().Be(victimId);
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM sessions WHERE user_id = @victimId", new { victimId })).Should().Be(1);
    }

    [Fact]
    public async Task On_HTTPS_a_session_cookie_without_the_Host_prefix_is_not_read()
    {
        using var alice = _api.CreateApiClient(https: true);
        await alice.RegisterAsync("alice");
        var key = alice.CookieValue("__Host-blog_session")!;

        using var planted = _api.CreateApiClient(https: true);
        planted.PlantedCookies = $"blog_session={key}";
        using var withoutPrefix = await planted.GetAsync("/api/v1/users/current");
        await withoutPrefix.ReadProblemAsync(401);

        using var current = await alice.GetAsync("/api/v1/users/current");
        current.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>The user a request carrying only <paramref name="cookieHeader"/> acts as, or null when it is anonymous.</summary>
    private async Task<long?> CurrentUserIdAsync(string cookieHeader)
    {
        using var client = _api.CreateApiClient();
        client.PlantedCookies = cookieHeader;
        using var response = await client.GetAsync("/api/v1/users/current");
        return response.StatusCode == HttpStatusCode.OK ? (await response.ReadJsonAsync()).GetProperty("id").GetInt64() : null;
    }
}
