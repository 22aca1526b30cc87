using Blog.Features.Common.Http;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Blog.Api.Infrastructure.Sessions;

/// <summary>
/// How the session cookie travels. On HTTPS its name carries the <c>__Host-</c> prefix, so that browsers accept it
/// only from this host, Secure and on path <c>/</c>: a sibling subdomain or a plain-HTTP hop cannot plant one, and a
/// cookie without the prefix is not read there. On endpoints that start a session
/// (<see cref="StartsSessionAttribute"/>) no session cookie is read at all: the cookie handler then cannot renew a
/// key it did not just create, so a sign-in always stores a new session (no session fixation).
/// </summary>
public sealed class SessionCookie(ICookieManager inner) : ICookieManager
{
    public const string Name = "blog_session";

    private const string HostPrefix = "__Host-";

    public string? GetRequestCookie(HttpContext context, string key) =>
        context.GetEndpoint()?.Metadata.GetMetadata<StartsSessionAttribute>() is null ? ReadPresented(context, key) : null;

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        inner.AppendResponseCookie(context, NameOn(context, key), value, options);

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        inner.DeleteCookie(context, NameOn(context, key), options);

    /// <summary>The session cookie the request presents, as any endpoint that does not start a session reads it.</summary>
    public string? ReadPresented(HttpContext context, string key = Name) => inner.GetRequestCookie(context, NameOn(context, key));

    private static string NameOn(HttpContext context, string key) => context.Request.IsHttps ? HostPrefix + key : key;
}
