using Blog.Features.Common.Http;
using Blog.Features.Common.Users;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Blog.Features.Logout;

internal sealed class LogoutEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/logout", async Task<Results<NoContent, ErrorResult>> (LogoutRequest? request, ISender sender, ISessions sessions, HttpContext httpContext) =>
            {
                var result = await sender.Send(request ?? new LogoutRequest(), httpContext.RequestAborted);
                if (result.IsSuccess)
                {
                    await sessions.EndAsync();
                }

                return result.ToHttpResult(_ => TypedResults.NoContent());
            })
            .WithName("Logout")
            .WithTags("Accounts")
            .WithSummary("Ends the session on the server and expires its cookie.");
}
