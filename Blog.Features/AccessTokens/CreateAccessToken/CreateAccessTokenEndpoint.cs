using Blog.Features.AccessTokens.RevokeAccessToken;
using Blog.Features.Common.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Blog.Features.AccessTokens.CreateAccessToken;

internal sealed class CreateAccessTokenEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/users/current/tokens", async Task<Results<Created<AccessTokenResponse>, ErrorResult>> (CreateAccessTokenRequest request, ISender sender, LinkGenerator links, HttpContext httpContext) =>
            {
                var result = await sender.Send(request, httpContext.RequestAborted);
                return result.ToHttpResult(token =>
                    TypedResults.Created(links.GetPathByName(httpContext, RevokeAccessTokenEndpoint.Name, new { id = token.Id }), token));
            })
            .WithName("CreateAccessToken")
            .WithTags("Access tokens")
            .WithSummary("Creates an access token for scripts; its secret, token, is in this answer and never again. Needs a session.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
