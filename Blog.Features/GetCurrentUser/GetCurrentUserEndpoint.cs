using Blog.Features.Common.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Blog.Features.GetCurrentUser;

internal sealed class GetCurrentUserEndpoint : IEndpoint
{
    /// <summary>The route name other endpoints link to the current user by.</summary>
    public const string Name = "GetCurrentUser";

    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/users/current", async Task<Results<Ok<UserResponse>, ErrorResult>> (ISender sender, HttpContext httpContext) =>
            {
                // Signed in or not, the caller leaves with a token for its current identity: clients call this at start-up.
                XsrfToken.Issue(httpContext);
                var result = await sender.Send(new GetCurrentUserRequest(), httpContext.RequestAborted);
                return result.ToHttpResult(TypedResults.Ok);
            })
            .WithName(Name)
            .WithSummary("The signed-in user; issues a fresh XSRF-TOKEN cookie either way.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}
