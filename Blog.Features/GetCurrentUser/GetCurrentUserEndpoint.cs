using Blog.Features.Common.Http;
using Blog.Features.Common.Users;
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
        api.MapGet("/users/current", async Task<Results<Ok<UserResponse>, ErrorResult>> (ISender sender, ISessions sessions, HttpContext httpContext) =>
            {
                // Signed in or not, the caller leaves with a token for its current identity: clients call this at start-up.
                sessions.IssueXsrfToken();
                var result = await sender.Send(new GetCurrentUserRequest(), httpContext.RequestAborted);
                return result.ToHttpResult(TypedResults.Ok);
            })
            .WithName(Name)
            .WithTags("Accounts")
            .WithSummary("The signed-in user; issues a fresh XSRF-TOKEN cookie either way.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}
