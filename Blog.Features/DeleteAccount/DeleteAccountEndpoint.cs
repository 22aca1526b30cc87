using Blog.Features.Common.Http;
using Blog.Features.Common.Users;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Blog.Features.DeleteAccount;

internal sealed class DeleteAccountEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/users/current", async Task<Results<NoContent, ErrorResult>> ([FromBody] DeleteAccountRequest request, ISender sender, ISessions sessions, HttpContext httpContext) =>
            {
                var result = await sender.Send(request, httpContext.RequestAborted);
                if (result.IsSuccess)
                {
                    await sessions.EndAsync();
                }

                return result.ToHttpResult(_ => TypedResults.NoContent());
            })
            .WithName("DeleteAccount")
            .WithTags("Accounts")
            .WithSummary("Deletes the signed-in user with their articles, sessions and tokens; the cookie expires.")
            .RequireRateLimiting(RateLimitPolicies.Account)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
