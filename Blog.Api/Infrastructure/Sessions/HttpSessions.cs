using System.Security.Claims;
using Blog.Api.Infrastructure.Security;
using Blog.Features.Common.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Blog.Api.Infrastructure.Sessions;

/// <summary>The <see cref="ISessions"/> of an HTTP request: cookie authentication over the database ticket store.</summary>
public sealed class HttpSessions(
    IHttpContextAccessor accessor,
    IOptionsMonitor<CookieAuthenticationOptions> cookieOptions,
    DatabaseTicketStore store) : ISessions
{
    private HttpContext Context => accessor.HttpContext ?? throw new InvalidOperationException("There is no HTTP request.");

    public async Task StartAsync(UserResponse user)
    {
        var context = Context;
        var previousKey = PresentedSessionKey(context);
        var principal = SessionClaims.For(user);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        context.User = principal;
        if (previousKey is not null)
        {
            // The sign-in stored a new key; the session the browser came with ends, whoever it belonged to.
            await store.RemoveAsync(previousKey, CancellationToken.None);
        }

        XsrfToken.Issue(context);
    }

    public async Task EndAsync()
    {
        var context = Context;
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        context.User = new ClaimsPrincipal(new ClaimsIdentity());
        XsrfToken.Issue(context);
    }

    public void IssueXsrfToken() => XsrfToken.Issue(Context);

    private string? PresentedSessionKey(HttpContext context)
    {
        var options = cookieOptions.Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var cookie = ((SessionCookie)options.CookieManager).ReadPresented(context, options.Cookie.Name!);
        return cookie is null ? null : options.TicketDataFormat.Unprotect(cookie)?.Principal.FindFirst(SessionClaims.SessionKey)?.Value;
    }
}
