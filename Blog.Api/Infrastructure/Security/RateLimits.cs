using System.Threading.RateLimiting;
using Blog.Features.Common.Http;
using Blog.Features.Common.Pipeline;
using Microsoft.Extensions.Options;

namespace Blog.Api.Infrastructure.Security;

/// <summary><c>Blog:RateLimits</c>: requests a minute per client address.</summary>
public sealed class RateLimitOptions
{
    public int LoginPerMinute { get; set; } = 20;

    public int RegisterPerMinute { get; set; } = 20;
}

public static partial class RateLimits
{
    /// <summary>Per-client-address fixed windows for login and register; refusals are 429 problems with Retry-After.</summary>
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
                var refusal = new ErrorResult(Error.RateLimited("Too many requests from this address. Try again later.", retryAfter));
                return new ValueTask(refusal.ExecuteAsync(context.HttpContext));
            };
            options.AddPolicy(RateLimitPolicies.Login, context => PerClientAddress(context, limits => limits.LoginPerMinute));
            options.AddPolicy(RateLimitPolicies.Register, context => PerClientAddress(context, limits => limits.RegisterPerMinute));
        });
    }

    private static RateLimitPartition<string> PerClientAddress(HttpContext context, Func<RateLimitOptions, int> permitsPerMinute)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        return RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute(limits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Rate limit refused {Path} from {RemoteAddress}")]
    private static partial void LogRefused(ILogger logger, string path, string? remoteAddress);
}
