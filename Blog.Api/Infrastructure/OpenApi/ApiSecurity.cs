using System.Reflection;
using Blog.Api.Infrastructure.Security;
using Blog.Features.Common.Pipeline;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Blog.Api.Infrastructure.OpenApi;

/// <summary>
/// How a caller proves who it is and that it means the request: the security schemes of the document, and each
/// operation's requirements, derived from what the code enforces. The request's <see cref="RequireSignInAttribute"/>
/// decides whether the session cookie is needed (and in which role), and whether an access token may be used instead
/// (with which scope); the CSRF filter, which guards every endpoint that takes an unsafe method, decides whether the
/// header goes with the cookie. A token never needs it.
/// </summary>
internal static class ApiSecurity
{
    public const string SessionCookie = "sessionCookie";
    public const string CsrfHeader = "csrfHeader";
    public const string AccessToken = "accessToken";

    public static IReadOnlyDictionary<string, OpenApiSecurityScheme> Schemes { get; } = new Dictionary<string, OpenApiSecurityScheme>
    {
        [SessionCookie] = new()
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = Sessions.SessionCookie.Name,
            Description = "The server-side session, set by register and login (HttpOnly, SameSite=Strict). "
                + "A requirement that lists a role needs a user in that role.",
        },
        [CsrfHeader] = new()
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = XsrfToken.HeaderName,
            Description = $"The value of the {XsrfToken.CookieName} cookie, which GET /api/v1/users/current and every sign-in "
                + "and sign-out issue. Every unsafe request needs it, register, login and logout included.",
        },
        [AccessToken] = new()
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "blog_pat_ followed by 43 base64url characters",
            Description = "An access token made with POST /api/v1/users/current/tokens, for scripts: on the article operations only, "
                + "each listing the scope it needs (articles:read or articles:write). With it the cookie is ignored and no CSRF "
                + "header is needed. An invalid token is 401 with WWW-Authenticate: Bearer error=\"invalid_token\", a missing scope 403 "
                + "with error=\"insufficient_scope\".",
        },
    };

    /// <summary>
    /// Sets the operation's requirements: the session's (an operation that needs nothing gets the empty requirement:
    /// anyone may call it), and the access token's as the alternative where a scope allows one.
    /// </summary>
    public sealed class OperationRequirement : IOpenApiOperationTransformer
    {
        public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
        {
            var requirement = new OpenApiSecurityRequirement();
            var signIn = EndpointRequest.Of(context.Description).GetCustomAttribute<RequireSignInAttribute>();
            if (signIn is not null)
            {
                requirement[new OpenApiSecuritySchemeReference(SessionCookie, context.Document)] = signIn.Role is null ? [] : [signIn.Role];
            }

            if (!CsrfFilter.IsSafeOnly(context.Description.ActionDescriptor.EndpointMetadata))
            {
                requirement[new OpenApiSecuritySchemeReference(CsrfHeader, context.Document)] = [];
            }

            operation.Security = [requirement];
            if (signIn?.Scope is { } scope)
            {
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AccessToken, context.Document)] = [scope] });
            }

            return Task.CompletedTask;
        }
    }
}
