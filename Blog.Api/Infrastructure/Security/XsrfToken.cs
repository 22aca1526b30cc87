using Microsoft.AspNetCore.Antiforgery;

namespace Blog.Api.Infrastructure.Security;

/// <summary>
/// Issues the antiforgery request token in the JavaScript-readable <c>XSRF-TOKEN</c> cookie that Angular's
/// <c>HttpClient</c> echoes in the <c>X-XSRF-TOKEN</c> header. Tokens are bound to <c>HttpContext.User</c>,
/// so issue after the identity changed.
/// </summary>
public static class XsrfToken
{
    public const string CookieName = "XSRF-TOKEN";
    public const string HeaderName = "X-XSRF-TOKEN";

    public static void Issue(HttpContext httpContext)
    {
        var antiforgery = httpContext.RequestServices.GetRequiredService<IAntiforgery>();
        var tokens = antiforgery.GetAndStoreTokens(httpContext);
        httpContext.Response.Cookies.Append(CookieName, tokens.RequestToken!, new CookieOptions
        {
            HttpOnly = false,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            Secure = httpContext.Request.IsHttps,
            IsEssential = true,
        });
    }
}
