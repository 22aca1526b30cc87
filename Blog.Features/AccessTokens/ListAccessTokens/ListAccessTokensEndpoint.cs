using Blog.Features.Common.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Blog.Features.AccessTokens.ListAccessTokens;

internal sealed class ListAccessTokensEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/users/current/tokens", async Task<Results<Ok<IReadOnlyList<AccessTokenResponse>>, ErrorResult>> (ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(new ListAccessTokensRequest(), cancellationToken);
                return result.ToHttpResult(TypedResults.Ok);
            })
            .WithName("ListAccessTokens")
            .WithTags("Access tokens")
            .WithSummary("The signed-in user's access tokens, newest first, with their last use; never their secrets. Needs a session.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
