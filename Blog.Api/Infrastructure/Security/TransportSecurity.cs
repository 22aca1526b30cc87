using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Blog.Api.Infrastructure.Security;

/// <summary>
/// What the server learns about the connection: behind a reverse proxy, the client's address and scheme come from
/// <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c>, believed only from the proxies listed in
/// <c>Blog:ForwardedHeaders:KnownProxies</c> (comma-separated addresses), so that cookies get <c>Secure</c> and the
/// per-address limits see the real client; anyone else's forwarded headers are ignored. Over HTTPS, HSTS.
/// </summary>
public static class TransportSecurity
{
    public static IServiceCollection AddTransportSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = KnownProxies(configuration);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only the configured proxies are trusted here.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }
        });
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            // HSTS is left out in Development only, not for a host name.
            options.ExcludedHosts.Clear();
        });
        return services;
    }

    public static WebApplication UseTransportSecurity(this WebApplication app)
    {
        if (KnownProxies(app.Configuration).Length > 0)
        {
            app.UseForwardedHeaders();
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        return app;
    }

    private static IPAddress[] KnownProxies(IConfiguration configuration) =>
        (configuration["Blog:ForwardedHeaders:KnownProxies"] ?? "")
            .Split([',', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(IPAddress.Parse)
            .ToArray();
}
