using Blog.Features.Common;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Blog.Features.GetCurrentUser;

internal sealed class GetCurrentUserEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/users/current", async Task<Results<Ok<UserResponse>, ErrorResult>> (ISender sender, ISessions sessions, HttpContext httpContext) =>
            {
                // Signed in or not, the caller leaves with a token for its current identity: clients call this at start-up.
                sessions.IssueXsrfToken();
                var result = await sender.Send(new GetCurrentUserRequest(), httpContext.RequestAborted);
                return result.ToHttpResult(TypedResults.Ok);
            })
            .WithName("GetCurrentUser")
            .WithTags("Accounts")
            .WithSummary("The signed-in user; issues a fresh XSRF-TOKEN cookie either way.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}
