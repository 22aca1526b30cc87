using Blog.Features.Common.Http;
using Blog.Features.Common.Users;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Blog.Features.ChangePassword;

internal sealed class ChangePasswordEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/users/current/password", async Task<Results<NoContent, ErrorResult>> (ChangePasswordRequest request, ISender sender, ISessions sessions, HttpContext httpContext) =>
            {
                var result = await sender.Send(request, httpContext.RequestAborted);
                if (result.IsSuccess)
                {
                    await sessions.ContinueUnderNewKeyAsync();
                }

                return result.ToHttpResult(_ => TypedResults.NoContent());
            })
            .WithName("ChangePassword")
            .WithTags("Accounts")
            .WithSummary("Changes the signed-in user's password; every other session of theirs ends, this one continues under a new key.")
            .RequireRateLimiting(RateLimitPolicies.Account)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
