using System.Security.Claims;
using Blog.Features.Common.Users;

namespace Blog.Api.Infrastructure.Sessions;

/// <summary>The <see cref="ICurrentUser"/> of an HTTP request: the claims of its session or of its access token.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsSignedIn => Principal.Identity?.IsAuthenticated == true;

    public long Id => SessionClaims.UserId(Principal) ?? throw new InvalidOperationException("The request is anonymous.");

    public string Username => Principal.Identity?.Name ?? throw new InvalidOperationException("The request is anonymous.");

    public string? SessionId => Principal.FindFirstValue(SessionClaims.SessionId);

    public bool IsInRole(string role) => Principal.IsInRole(role);

    public IReadOnlySet<string>? TokenScopes => SessionClaims.TokenScopes(Principal);
}
