using Blog.Api.Infrastructure.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Blog.Api.Infrastructure.OpenApi;

/// <summary>What the document says about the API as a whole: what it is, where it is, its features and security schemes.</summary>
internal sealed class DocumentDescription : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> FeatureDescriptions = new()
    {
        ["Accounts"] = "Registering, signing in and out, and the signed-in user.",
        ["Articles"] = "Writing and reading the signed-in author's own articles, with a session or an access token.",
        ["Access tokens"] = "The signed-in user's access tokens for scripts and tools: made, listed and revoked with a session only.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Blog API";
        document.Info.Description =
            "The HTTP API of Blog, a blogging application whose Angular client is served from the same origin. "
            + $"Register or login sets the session cookie `{Sessions.SessionCookie.Name}`; every unsafe request "
            + $"(POST, PUT, PATCH, DELETE; register, login and logout included) echoes the `{XsrfToken.CookieName}` cookie, "
            + $"which `GET /api/v1/users/current` issues, in the `{XsrfToken.HeaderName}` header. "
            + "Scripts use an access token instead, `Authorization: Bearer blog_pat_...`, on the article endpoints only: "
            + "the cookie is then ignored and no CSRF header is needed. "
            + "Every error is `application/problem+json` (RFC 9457) whose `type` is `https://blog.example/problems/<kind>`; "
            + "the README lists the kinds.";
        // The API and the client share one origin, whatever its address: paths are relative to the document's host.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The origin that serves this document." }];
        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            tag.Description = FeatureDescriptions.GetValueOrDefault(tag.Name ?? "");
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = ApiSecurity.Schemes.ToDictionary(scheme => scheme.Key, IOpenApiSecurityScheme (scheme) => scheme.Value);
        return Task.CompletedTask;
    }
}
