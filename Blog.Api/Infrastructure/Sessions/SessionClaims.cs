using System.Globalization;
using System.Security.Claims;
using Blog.Features.Common.Users;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Blog.Api.Infrastructure.Sessions;

/// <summary>The one place where the claims of a session, or of an access token, are built and read back.</summary>
public static class SessionClaims
{
    /// <summary>The claim in which the cookie handler keeps the session store's key inside the cookie's ticket.</summary>
    public const string SessionKey = "Microsoft.AspNetCore.Authentication.Cookies-SessionId";

    /// <summary>The claim that carries the public id of the session a request came with; the ticket store adds it as it reads the session.</summary>
    public const string SessionId = "blog:session";

    /// <summary>The claim type of an access token's scopes, one claim each (RFC 8693's name).</summary>
    public const string Scope = "scope";

    /// <summary>The authentication type of a principal that an access token authenticates.</summary>
    public const string AccessToken = "Bearer";

    public static ClaimsPrincipal For(UserResponse user) =>
        new(new ClaimsIdentity(UserClaims(user), CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>The user's claims, as a session carries them, plus the token's scopes.</summary>
    public static ClaimsPrincipal ForAccessToken(UserResponse user, IEnumerable<string> scopes)
    {
        var claims = UserClaims(user);
        claims.AddRange(scopes.Select(scope => new Claim(Scope, scope)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AccessToken));
    }

    /// <summary>The scopes of a principal that an access token authenticates; null for a session or an anonymous one.</summary>
    public static IReadOnlySet<string>? TokenScopes(ClaimsPrincipal principal) =>
        principal.Identity?.AuthenticationType == AccessToken
            ? principal.FindAll(Scope).Select(claim => claim.Value).ToHashSet(StringComparer.Ordinal)
            : null;

    private static List<Claim> UserClaims(UserResponse user)
    {
        var claims = new List<Claim>(3 + user.Roles.Count)
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.Username),
            new(ClaimTypes.Email, user.Email),
        };
        claims.AddRange(user.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return claims;
    }

    /// <summary>Tells the request which session it came with (<see cref="SessionId"/>); the stored ticket never holds it.</summary>
    public static void AddSessionId(ClaimsPrincipal principal, string publicId)
    {
        // A ticket renewed by sliding expiration was stored with the claim; a session's public id never changes.
        if (!principal.HasClaim(claim => claim.Type == SessionId))
        {
            ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionId, publicId));
        }
    }

    /// <summary>The user id of a signed-in principal, or null for an anonymous one.</summary>
    public static long? UserId(ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? long.Parse(id, CultureInfo.InvariantCulture) : null;
}
