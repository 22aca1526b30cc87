using Blog.Features.Common.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Blog.Features.EndOtherSessions;

internal sealed class EndOtherSessionsEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/users/current/sessions/end-others", async Task<Results<NoContent, ErrorResult>> (EndOtherSessionsRequest? request, ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(request ?? new EndOtherSessionsRequest(), cancellationToken);
                return result.ToHttpResult(_ => TypedResults.NoContent());
            })
            .WithName("EndOtherSessions")
            .WithTags("Accounts")
            .WithSummary("Ends every session of the signed-in user but this one.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}
