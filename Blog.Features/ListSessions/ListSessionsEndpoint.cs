using Blog.Features.Common.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Blog.Features.ListSessions;

internal sealed class ListSessionsEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/users/current/sessions", async Task<Results<Ok<IReadOnlyList<SessionResponse>>, ErrorResult>> (ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(new ListSessionsRequest(), cancellationToken);
                return result.ToHttpResult(TypedResults.Ok);
            })
            .WithName("ListSessions")
            .WithTags("Accounts")
            .WithSummary("The signed-in user's sessions, most recently active first; the caller's own is current.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}
