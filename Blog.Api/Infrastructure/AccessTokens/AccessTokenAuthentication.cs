using Blog.Api.Infrastructure.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Blog.Api.Infrastructure.AccessTokens;

/// <summary>
/// Access tokens as a second authentication scheme beside the session cookie. A request that presents
/// <c>Authorization: Bearer</c> is authenticated by its token alone: its cookie is never read, so a bad token can
/// never fall back to a session.
/// </summary>
public static class AccessTokenAuthentication
{
    /// <summary>The scheme of the bearer handler, which is also the authentication type of its principals.</summary>
    public const string Scheme = SessionClaims.AccessToken;

    // The default scheme: it only chooses which of the two authenticates the request.
    private const string SessionOrAccessToken = "SessionOrAccessToken";

    /// <summary>Call after <c>AddSessions</c>: it makes the default scheme the choice between the two.</summary>
    public static IServiceCollection AddAccessTokens(this IServiceCollection services)
    {
        services.AddSingleton<AccessTokenStore>();
        services.AddAuthentication(SessionOrAccessToken)
            .AddPolicyScheme(SessionOrAccessToken, displayName: null, options =>
                options.ForwardDefaultSelector = context => IsPresented(context.Request) ? Scheme : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(Scheme, displayName: null, configureOptions: null);
        return services;
    }

    /// <summary>Whether the request presents a bearer token, well-formed or not (the scheme name is case-insensitive).</summary>
    public static bool IsPresented(HttpRequest request)
    {
        foreach (var value in request.Headers.Authorization)
        {
            if (value is not null && (value.Equals(Scheme, StringComparison.OrdinalIgnoreCase) || value.StartsWith(Scheme + " ", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
