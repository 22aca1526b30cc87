using System.Net;
using Blog.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Blog.Tests.Http;

/// <summary>HSTS over HTTPS, and forwarded headers believed only from the configured proxies.</summary>
public sealed class TransportSecurityTests : IAsyncLifetime
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.5");
    private static readonly IPAddress Stranger = IPAddress.Parse("10.0.0.9");

    private readonly BlogApiFactory _api = new(new()
    {
        ["Blog:ForwardedHeaders:KnownProxies"] = "10.0.0.5",
        ["Blog:RateLimits:LoginPerMinute"] = "1",
    });

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task HTTPS_responses_carry_HSTS_and_plain_HTTP_ones_do_not()
    {
        var https = await SendAsync("GET", "/health", from: Stranger, scheme: "https");
        var http = await SendAsync("GET", "/health", from: Stranger);

        https.Response.Headers.StrictTransportSecurity.ToString().Should().Be("max-age=31536000");
        http.Response.Headers.ContainsKey("Strict-Transport-Security").Should().BeFalse();
    }

    [Fact]
    public async Task The_configured_proxy_forwards_the_scheme_so_cookies_are_Secure()
    {
        var viaProxy = await SendAsync("GET", "/api/v1/users/current", from: Proxy, forwardedProto: "https");
        var viaStranger = await SendAsync("GET", "/api/v1/users/current", from: Stranger, forwardedProto: "https");

        viaProxy.Response.Headers.SetCookie.Should().Contain(cookie => cookie!.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal) && cookie.Contains("secure"));
        viaProxy.Response.Headers.StrictTransportSecurity.ToString().Should().NotBeEmpty();
        viaStranger.Response.Headers.SetCookie.Should().Contain(cookie => cookie!.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal) && !cookie.Contains("secure"));
    }

    [Fact]
    public async Task Per_address_limits_count_the_client_the_proxy_names_and_ignore_what_a_stranger_claims()
    {
        // One login a minute per address; without a CSRF token the admitted one is 400, a refused one 429.
        (await SendAsync("POST", "/api/v1/login", from: Proxy, forwardedFor: "203.0.113.1")).Response.StatusCode.Should().Be(400);
        (await SendAsync("POST", "/api/v1/login", from: Proxy, forwardedFor: "203.0.113.1")).Response.StatusCode.Should().Be(429);
        (await SendAsync("POST", "/api/v1/login", from: Proxy, forwardedFor: "203.0.113.2")).Response.StatusCode.Should().Be(400);

        (await SendAsync("POST", "/api/v1/login", from: Stranger, forwardedFor: "203.0.113.3")).Response.StatusCode.Should().Be(400);
        (await SendAsync("POST", "/api/v1/login", from: Stranger, forwardedFor: "203.0.113.4")).Response.StatusCode.Should().Be(429);
    }

    [Fact]
    public async Task An_IPv6_client_counts_by_its_64_prefix_for_the_per_address_limits()
    {
        await using var api = new BlogApiFactory(new() { ["Blog:RateLimits:LoginPerMinute"] = "1" });
        Task<HttpContext> LoginFrom(string address) => SendAsync(api, "POST", "/api/v1/login", IPAddress.Parse(address));

        (await LoginFrom("2001:db8:1:2::1")).Response.StatusCode.Should().Be(400);
        (await LoginFrom("2001:db8:1:2:ffff:ffff:ffff:fffe")).Response.StatusCode.Should().Be(429, "the same /64");
        (await LoginFrom("2001:db8:1:3::1")).Response.StatusCode.Should().Be(400, "another /64");
        (await LoginFrom("::ffff:203.0.113.7")).Response.StatusCode.Should().Be(400);
        (await LoginFrom("203.0.113.7")).Response.StatusCode.Should().Be(429, "an IPv4 address mapped into IPv6 is that IPv4 address");
    }

    private Task<HttpContext> SendAsync(string method, string path, IPAddress from, string scheme = "http", string? forwardedProto = null, string? forwardedFor = null) =>
        SendAsync(_api, method, path, from, scheme, forwardedProto, forwardedFor);

    private static Task<HttpContext> SendAsync(BlogApiFactory api, string method, string path, IPAddress from, string scheme = "http", string? forwardedProto = null, string? forwardedFor = null) =>
        api.Server.SendAsync(context =>
        {
            context.Request.Method = method;
            context.Request.Scheme = scheme;
            context.Request.Host = new HostString("blog.test");
            context.Request.Path = path;
            context.Connection.RemoteIpAddress = from;
            if (forwardedProto is not null)
            {
                context.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
            }

            if (forwardedFor is not null)
            {
                context.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }

            if (method == "POST")
            {
                context.Request.ContentType = "application/json";
                context.Request.Body = new MemoryStream("{}"u8.ToArray());
            }
        });
}
