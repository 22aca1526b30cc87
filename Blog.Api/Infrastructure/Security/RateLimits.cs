using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Blog.Api.Infrastructure.Sessions;
using Blog.Features.Common.Data;
using Blog.Features.Common.Http;
using Blog.Features.Common.Pipeline;
using Microsoft.Extensions.Options;

namespace Blog.Api.Infrastructure.Security;

/// <summary><c>Blog:RateLimits</c>: requests a minute per client address, or per user.</summary>
public sealed class RateLimitOptions
{
    public int LoginPerMinute { get; set; } = 20;

    public int RegisterPerMinute { get; set; } = 20;

    public int ArticlesPerMinute { get; set; } = 60;

    public int AccountPerMinute { get; set; } = 10;

    public int BearerFailuresPerMinute { get; set; } = 60;
}

public static partial class RateLimits
{
    /// <summary>
    /// Fixed windows of a minute: per client address for login, register, password change and account deletion, counted in the database so that the
    /// limit holds for all instances together; per user for creating articles, counted by each instance
    /// (authentication runs first). Refusals are 429 problems with Retry-After.
    /// </summary>
    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection("Blog:RateLimits"));
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimits).FullName!);
                LogRefused(logger, context.HttpContext.Request.Path, context.HttpContext.Connection.RemoteIpAddress?.ToString());
                TimeSpan? retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;
                var refusal = new ErrorResult(Error.RateLimited("Too many requests. Try again later.", retryAfter));
                return new ValueTask(refusal.ExecuteAsync(context.HttpContext));
            };
            options.AddPolicy(RateLimitPolicies.Login, context => PerClientAddressInDatabase(context, RateLimitPolicies.Login, limits => limits.LoginPerMinute));
            options.AddPolicy(RateLimitPolicies.Register, context => PerClientAddressInDatabase(context, RateLimitPolicies.Register, limits => limits.RegisterPerMinute));
            options.AddPolicy(RateLimitPolicies.Account, context => PerClientAddressInDatabase(context, RateLimitPolicies.Account, limits => limits.AccountPerMinute));
            options.AddPolicy(RateLimitPolicies.CreateArticle, context => PerUser(context, limits => limits.ArticlesPerMinute));
        });
    }

    /// <summary>
    /// Counts a failed bearer authentication against the client's address, in the database like login and register;
    /// past <c>Blog:RateLimits:BearerFailuresPerMinute</c> in a minute the lease is refused, with its Retry-After.
    /// Only failures count: a valid token is never slowed down by them.
    /// </summary>
    public static async Task<RateLimitLease> CountBearerFailureAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var limits = services.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        await using var limiter = new DatabaseWindowLimiter(
            "bearer-failures " + ClientAddress(context),
            limits.BearerFailuresPerMinute,
            TimeSpan.FromMinutes(1),
            services.GetRequiredService<IDbConnectionFactory>(),
            services.GetRequiredService<TimeProvider>());
        return await limiter.AcquireAsync(1, context.RequestAborted);
    }

    /// <summary>
    /// The address a client is counted by. An IPv6 client counts by its /64: one host commonly holds a whole /64 and
    /// could otherwise take a fresh address for every request. IPv4 (also IPv4 mapped into IPv6) counts as is.
    /// </summary>
    private static string ClientAddress(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is not { } address)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static RateLimitPartition<string> PerClientAddressInDatabase(HttpContext context, string policy, Func<RateLimitOptions, int> permitsPerMinute)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var services = context.RequestServices;
        return RateLimitPartition.Get(
            $"{policy} {ClientAddress(context)}",
            partition => new DatabaseWindowLimiter(
                partition, permitsPerMinute(limits), TimeSpan.FromMinutes(1), services.GetRequiredService<IDbConnectionFactory>(), services.GetRequiredService<TimeProvider>()));
    }

    // An anonymous request is refused by authorization anyway; it counts against its address meanwhile.
    private static RateLimitPartition<string> PerUser(HttpContext context, Func<RateLimitOptions, int> permitsPerMinute) =>
        SessionClaims.UserId(context.User) is { } userId
            ? PerMinute(context, "user " + userId.ToString(CultureInfo.InvariantCulture), permitsPerMinute)
            : PerMinute(context, ClientAddress(context), permitsPerMinute);

    private static RateLimitPartition<string> PerMinute(HttpContext context, string partition, Func<RateLimitOptions, int> permitsPerMinute)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        return RateLimitPartition.GetFixedWindowLimiter(
            partition,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute(limits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Rate limit refused {Path} from {RemoteAddress}")]
    private static partial void LogRefused(ILogger logger, string path, string? remoteAddress);
}
