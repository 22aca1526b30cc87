using Blog.Features.Common.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Blog.Features.DeleteArticle;

internal sealed class DeleteArticleEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/articles/{id:long}", async Task<Results<NoContent, ErrorResult>> (
                long id, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(new DeleteArticleRequest(id, ifMatch), cancellationToken);
                return result.ToHttpResult(_ => TypedResults.NoContent());
            })
            .WithName("DeleteArticle")
            .WithTags("Articles")
            .WithSummary("Deletes one of the signed-in author's articles; with If-Match, only if it names the current version.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
}
