using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Blog.Tests.Infrastructure;

/// <summary>
/// The real API (its Program, middleware and endpoints) on a fresh SQLite file, with a hand-moved clock and
/// generous rate limits unless a test asks otherwise.
/// </summary>
public sealed class BlogApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <summary>The API on <paramref name="database"/> (which it disposes with itself), or on a fresh one.</summary>
    public BlogApiFactory(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, TestDatabase? database = null)
    {
        Database = database ?? new TestDatabase();
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Blog"] = Database.ConnectionString,
            ["Blog:Database:Provider"] = TestDatabase.Provider.ToString(),
            ["Blog:RateLimits:LoginPerMinute"] = "10000",
            ["Blog:RateLimits:RegisterPerMinute"] = "10000",
            ["Blog:RateLimits:ArticlesPerMinute"] = "10000",
            ["Blog:RateLimits:AccountPerMinute"] = "10000",
            ["Blog:RateLimits:BearerFailuresPerMinute"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
            ["Blog:Client:RootPath"] = Path.Combine(Path.GetTempPath(), "blog-tests-no-client"),
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }

        _services = services;
    }

    public TestDatabase Database { get; }

    public TestClock Clock { get; } = new();

    /// <summary>A client that keeps cookies and echoes <c>XSRF-TOKEN</c> in <c>X-XSRF-TOKEN</c>, as Angular's HttpClient does.</summary>
    public ApiClient CreateApiClient(bool https = false) => new(Server, https);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            _services?.Invoke(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
