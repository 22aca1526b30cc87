using Blog.Features.Common.Articles;
using Blog.Features.Common.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Blog.Features.UpdateArticle;

internal sealed class UpdateArticleEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/articles/{id:long}", async Task<Results<Ok<ArticleResponse>, ErrorResult>> (
                long id, [FromHeader(Name = "If-Match")] string? ifMatch, ArticleDraft draft, ISender sender, HttpContext httpContext) =>
            {
                var result = await sender.Send(new UpdateArticleRequest(id, ifMatch, draft.Title, draft.Content), httpContext.RequestAborted);
                return result.ToHttpResult(article =>
                {
                    httpContext.Response.Headers.ETag = EntityTags.Format(article.Version);
                    return TypedResults.Ok(article);
                });
            })
            .WithName("UpdateArticle")
            .WithTags("Articles")
            .WithSummary("Replaces the title and content of one of the signed-in author's articles, if If-Match names its current version.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
}
