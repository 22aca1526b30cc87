using System.Globalization;
using System.Security.Claims;
using Blog.Features.Common.Users;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Blog.Api.Infrastructure.Sessions;

/// <summary>The one place where a session's claims are built and read back.</summary>
public static class SessionClaims
{
    /// <summary>The claim in which the cookie handler keeps the session store's key inside the cookie's ticket.</summary>
    public const string SessionKey = "Microsoft.AspNetCore.Authentication.Cookies-SessionId";

    public static ClaimsPrincipal For(UserResponse user)
    {
        var claims = new List<Claim>(3 + user.Roles.Count)
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.Username),
            new(ClaimTypes.Email, user.Email),
        };
        claims.AddRange(user.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    /// <summary>The user id of a signed-in principal, or null for an anonymous one.</summary>
    public static long? UserId(ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? long.Parse(id, CultureInfo.InvariantCulture) : null;
}
