using Blog.Features.Common.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Blog.Features.PreviewArticle;

internal sealed class PreviewArticleEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/articles/preview", async Task<Results<Ok<PreviewResponse>, ErrorResult>> (PreviewArticleRequest request, ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(request, cancellationToken);
                return result.ToHttpResult(TypedResults.Ok);
            })
            .WithName("PreviewArticle")
            .WithTags("Articles")
            .WithSummary("The HTML that publishing this content would store, rendered and sanitized; nothing is stored.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}
