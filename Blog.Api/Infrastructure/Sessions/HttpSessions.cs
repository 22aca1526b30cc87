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
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, SessionDevice.Of(context));
        context.User = principal;
        if (previousKey is not null)
        {
            // The sign-in stored a new key; the session the browser came with ends, whoever it belonged to.
            await store.RemoveAsync(previousKey, CancellationToken.None);
        }

        XsrfToken.Issue(context);
    }

    public async Task ContinueUnderNewKeyAsync()
    {
        var context = Context;
        var options = cookieOptions.Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var userId = SessionClaims.UserId(context.User) ?? throw new InvalidOperationException("The request is anonymous.");
        var key = PresentedSessionKey(context) ?? throw new InvalidOperationException("The request has no session.");
        if (await store.ReplaceKeyAsync(key, userId, CancellationToken.None) is not { } newKey)
        {
            // Ended meanwhile by another request: there is nothing to continue.
            await EndAsync();
            return;
        }

        // Signing out first keeps the cookie handler from renewing the old key's cookie as the response starts; its
        // session row is gone already, so it only expires the old cookie, which the new one then replaces.
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var cookieTicket = new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(SessionClaims.SessionKey, newKey, ClaimValueTypes.String, options.ClaimsIssuer)], options.ClaimsIssuer)),
            CookieAuthenticationDefaults.AuthenticationScheme);
        options.CookieManager.AppendResponseCookie(context, options.Cookie.Name!, options.TicketDataFormat.Protect(cookieTicket), options.Cookie.Build(context));
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
