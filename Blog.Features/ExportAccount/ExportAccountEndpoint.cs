using Blog.Features.Common.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Blog.Features.ExportAccount;

internal sealed class ExportAccountEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/users/current/export", async Task<Results<Ok<AccountExport>, ErrorResult>> (ISender sender, HttpContext httpContext) =>
            {
                var result = await sender.Send(new ExportAccountRequest(), httpContext.RequestAborted);
                if (result.IsSuccess)
                {
                    httpContext.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = $"\"{result.Value.FileName}\"" }.ToString();
                }

                // System.Text.Json writes the articles as it reads them, flushing the response as its buffer fills.
                return result.ToHttpResult(exported => TypedResults.Ok(exported.Export));
            })
            .WithName("ExportAccount")
            .WithTags("Accounts")
            .WithSummary("Downloads the signed-in user and all their articles as one JSON attachment, streamed.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}
