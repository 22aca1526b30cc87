using Blog.Api.Infrastructure.Sessions;
using Blog.Features.Common.Http;
using Microsoft.AspNetCore.Antiforgery;

namespace Blog.Api.Infrastructure.Security;

/// <summary>
/// Antiforgery in the form Angular's HttpClient speaks: the request token travels in the readable
/// <c>XSRF-TOKEN</c> cookie (<see cref="XsrfToken"/>) and comes back in the <c>X-XSRF-TOKEN</c> header; the cookie
/// token is antiforgery's own HttpOnly cookie.
/// </summary>
public static class CsrfProtection
{
    public static IServiceCollection AddCsrfProtection(this IServiceCollection services) =>
        services
            // A garbage antiforgery cookie would make the framework log an error with a stack trace on every request
            // that carries it (log flooding); it is replaced by a fresh token anyway, and refusals are logged by
            // CsrfFilter in one line.
            .AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.Antiforgery", LogLevel.None))
            .AddAntiforgery(options =>
        {
            options.HeaderName = XsrfToken.HeaderName;
            options.Cookie.Name = "blog_antiforgery";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.Path = "/";
            // Every response already says X-Frame-Options: DENY.
            options.SuppressXFrameOptionsHeader = true;
        });
}

/// <summary>
/// Checks the token pair on every unsafe request of the endpoints it is added to, register and login included.
/// The antiforgery middleware only checks form endpoints; JSON endpoints need this explicit check. A request that an
/// access token authenticated is exempt: a browser never sends <c>Authorization</c> by itself, so no other site can
/// make it, and its cookies were never read (a token that fails to authenticate is refused before this filter).
/// </summary>
public sealed partial class CsrfFilter(IAntiforgery antiforgery, ILogger<CsrfFilter> logger) : IEndpointFilter
{
    /// <summary>Adds the filter to an endpoint, as <c>AddEndpointFilter&lt;CsrfFilter&gt;()</c> does.</summary>
    public static EndpointFilterDelegate Factory(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var filter = ActivatorUtilities.CreateInstance<CsrfFilter>(context.ApplicationServices);
        return invocation => filter.InvokeAsync(invocation, next);
    }

    /// <summary>Whether the endpoint answers safe methods only; an endpoint without method metadata answers any.</summary>
    public static bool IsSafeOnly(IList<object> endpointMetadata) =>
        endpointMetadata.OfType<IHttpMethodMetadata>().LastOrDefault() is { HttpMethods.Count: > 0 } methods
        && methods.HttpMethods.All(IsSafe);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!IsSafe(context.HttpContext.Request.Method)
            && context.HttpContext.User.Identity?.AuthenticationType != SessionClaims.AccessToken
            && !await antiforgery.IsRequestValidAsync(context.HttpContext))
        {
            LogRefused(logger, context.HttpContext.Request.Method, context.HttpContext.Request.Path);
            return TypedResults.Problem(ProblemType.Csrf.ToProblemDetails(
                $"Send the value of the {XsrfToken.CookieName} cookie in the {XsrfToken.HeaderName} header; GET /api/v1/users/current issues a fresh one."));
        }

        return await next(context);
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "CSRF check refused {Method} {Path}: missing or invalid token pair")]
    private static partial void LogRefused(ILogger logger, string method, string path);

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
}
