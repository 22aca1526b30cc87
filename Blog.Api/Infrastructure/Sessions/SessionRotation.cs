using Blog.Features.Common.Http;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Blog.Api.Infrastructure.Sessions;

/// <summary>
/// For endpoints marked <see cref="StartsSessionAttribute"/>: hides the incoming session cookie from
/// authentication, so that the cookie handler stores the new sign-in under a new random key instead of renewing the
/// old key, and deletes the old session once the sign-in succeeded. Runs after routing, before authentication.
/// </summary>
public sealed class SessionRotation(RequestDelegate next, IOptionsMonitor<CookieAuthenticationOptions> cookieOptions, DatabaseTicketStore store)
{
    // The claim in which the cookie handler keeps the session store's key.
    private const string SessionIdClaim = "Microsoft.AspNetCore.Authentication.Cookies-SessionId";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<StartsSessionAttribute>() is null
            || !context.Request.Cookies.TryGetValue(SessionExtensions.CookieName, out var previousCookie))
        {
            await next(context);
            return;
        }

        var cookies = context.Request.Cookies
            .Where(cookie => cookie.Key != SessionExtensions.CookieName)
            .Select(cookie => $"{cookie.Key}={cookie.Value}");
        context.Request.Headers.Cookie = string.Join("; ", cookies);

        await next(context);

        var previousSession = cookieOptions.Get(CookieAuthenticationDefaults.AuthenticationScheme).TicketDataFormat
            .Unprotect(previousCookie)?.Principal.FindFirst(SessionIdClaim)?.Value;
        if (previousSession is not null && context.Response.StatusCode is >= 200 and < 300)
        {
            await store.RemoveAsync(previousSession, CancellationToken.None);
        }
    }
}
