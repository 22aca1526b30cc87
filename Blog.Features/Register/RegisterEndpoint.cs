using Blog.Features.Common.Http;
using Blog.Features.Common.Users;
using Blog.Features.GetCurrentUser;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Blog.Features.Register;

internal sealed class RegisterEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/register", async Task<Results<Created<UserResponse>, ErrorResult>> (RegisterRequest request, ISender sender, ISessions sessions, LinkGenerator links, HttpContext httpContext) =>
            {
                var result = await sender.Send(request, httpContext.RequestAborted);
                if (result.IsSuccess)
                {
                    await sessions.StartAsync(result.Value);
                }

                return result.ToHttpResult(user => TypedResults.Created(links.GetPathByName(httpContext, GetCurrentUserEndpoint.Name), user));
            })
            .WithName("Register")
            .WithTags("Accounts")
            .WithSummary("Creates an account with the role author and signs it in.")
            .WithMetadata(new StartsSessionAttribute())
            .RequireRateLimiting(RateLimitPolicies.Register)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
