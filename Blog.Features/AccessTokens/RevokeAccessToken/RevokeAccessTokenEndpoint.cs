using Blog.Features.Common.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Blog.Features.AccessTokens.RevokeAccessToken;

internal sealed class RevokeAccessTokenEndpoint : IEndpoint
{
    /// <summary>The route name a created token's <c>Location</c> links to: its address, which DELETE revokes.</summary>
    public const string Name = "RevokeAccessToken";

    public void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/users/current/tokens/{id:long}", async Task<Results<NoContent, ErrorResult>> (long id, ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(new RevokeAccessTokenRequest(id), cancellationToken);
                return result.ToHttpResult(_ => TypedResults.NoContent());
            })
            .WithName(Name)
            .WithTags("Access tokens")
            .WithSummary("Revokes one of the signed-in user's access tokens at once. Needs a session.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
