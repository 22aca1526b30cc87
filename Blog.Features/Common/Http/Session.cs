using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace Blog.Features.Common.Http;

/// <summary>Starts and ends the server-side cookie session, and re-issues the XSRF token for the new identity.</summary>
public static class Session
{
    public static async Task SignInAsync(HttpContext httpContext, UserResponse user)
    {
        var claims = new List<Claim>(3 + user.Roles.Count)
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.Username),
            new(ClaimTypes.Email, user.Email),
        };
        claims.AddRange(user.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));

        await httpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        httpContext.User = principal;
        XsrfToken.Issue(httpContext);
    }

    public static async Task SignOutAsync(HttpContext httpContext)
    {
        await httpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        httpContext.User = new ClaimsPrincipal(new ClaimsIdentity());
        XsrfToken.Issue(httpContext);
    }
}
