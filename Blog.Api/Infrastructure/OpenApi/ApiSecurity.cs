using System.Reflection;
using Blog.Api.Infrastructure.Security;
using Blog.Features.Common.Pipeline;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Blog.Api.Infrastructure.OpenApi;

/// <summary>
/// How a caller proves who it is and that it means the request: the security schemes of the document, and each
/// operation's requirement, derived from what the code enforces. The request's <see cref="RequireSignInAttribute"/>
/// decides whether the session cookie is needed (and in which role); the CSRF filter, which guards every endpoint
/// that takes an unsafe method, decides whether the header is.
/// </summary>
/// <remarks>
/// Access tokens will add an HTTP bearer scheme to <see cref="Schemes"/> and, for the article operations, a second
/// requirement beside the cookie one (a bearer token with its scope, no CSRF header).
/// </remarks>
internal static class ApiSecurity
{
    public const string SessionCookie = "sessionCookie";
    public const string CsrfHeader = "csrfHeader";

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
    };

    /// <summary>Sets the operation's one requirement; an operation that needs nothing gets the empty requirement (anyone may call it).</summary>
    public sealed class OperationRequirement : IOpenApiOperationTransformer
    {
        public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
        {
            var requirement = new OpenApiSecurityRequirement();
            if (EndpointRequest.Of(context.Description).GetCustomAttribute<RequireSignInAttribute>() is { } signIn)
            {
                requirement[new OpenApiSecuritySchemeReference(SessionCookie, context.Document)] = signIn.Role is null ? [] : [signIn.Role];
            }

            if (!CsrfFilter.IsSafeOnly(context.Description.ActionDescriptor.EndpointMetadata))
            {
                requirement[new OpenApiSecuritySchemeReference(CsrfHeader, context.Document)] = [];
            }

            operation.Security = [requirement];
            return Task.CompletedTask;
        }
    }
}
