using Microsoft.Net.Http.Headers;

namespace Blog.Api.Infrastructure.Security;

public static class SecurityHeaders
{
    // The built client needs no inline or eval'd script; Angular adds component styles inline.
    private const string ClientContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Adds the headers every response carries as it starts (so that error handlers, which clear headers, cannot drop
    /// them), <c>Cache-Control: no-store</c> under <c>/api</c>, the CSP elsewhere, and drops every cookie from 405 and
    /// 415 answers: a refused request changes nothing, not even a session's expiry.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var context = (HttpContext)state;
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XFrameOptions = "DENY";
                if (context.Request.IsApi())
                {
                    headers.CacheControl = "no-store";
                    headers.Pragma = default;
                }
                else if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy))
                {
                    headers.ContentSecurityPolicy = ClientContentSecurityPolicy;
                }

                if (context.Response.StatusCode is StatusCodes.Status405MethodNotAllowed or StatusCodes.Status415UnsupportedMediaType)
                {
                    headers.SetCookie = default;
                }

                return Task.CompletedTask;
            }, context);
            return next(context);
        });

    public static bool IsApi(this HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
