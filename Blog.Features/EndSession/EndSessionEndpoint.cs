using Blog.Features.Common.Http;
using Blog.Features.Common.Users;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Blog.Features.EndSession;

internal sealed class EndSessionEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/users/current/sessions/{id}", async Task<Results<NoContent, ErrorResult>> (string id, ISender sender, ISessions sessions, HttpContext httpContext) =>
            {
                var result = await sender.Send(new EndSessionRequest(id), httpContext.RequestAborted);
                if (result.IsSuccess && result.Value.WasCurrent)
                {
                    await sessions.EndAsync();
                }

                return result.ToHttpResult(_ => TypedResults.NoContent());
            })
            .WithName("EndSession")
            .WithTags("Accounts")
            .WithSummary("Ends one of the signed-in user's sessions; ending the current one is a logout.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
