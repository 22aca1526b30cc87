using Blog.Features.Common.Http;
using Blog.Features.Common.Users;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Blog.Features.Login;

internal sealed class LoginEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/login", async Task<Results<Ok<UserResponse>, ErrorResult>> (LoginRequest request, ISender sender, ISessions sessions, HttpContext httpContext) =>
            {
                var result = await sender.Send(request, httpContext.RequestAborted);
                if (result.IsSuccess)
                {
                    await sessions.StartAsync(result.Value);
                }

                return result.ToHttpResult(TypedResults.Ok);
            })
            .WithName("Login")
            .WithTags("Accounts")
            .WithSummary("Signs in by username or email address.")
            .WithMetadata(new StartsSessionAttribute())
            .RequireRateLimiting(RateLimitPolicies.Login)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
