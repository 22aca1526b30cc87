using Blog.Features.Common.Articles;
using Blog.Features.Common.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Blog.Features.GetArticle;

internal sealed class GetArticleEndpoint : IEndpoint
{
    /// <summary>The route name other endpoints link to an article by.</summary>
    public const string Name = "GetArticle";

    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/articles/{id:long}", async Task<Results<Ok<ArticleResponse>, StatusCodeHttpResult, ErrorResult>> (
                long id, [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, ISender sender, HttpContext httpContext) =>
            {
                var result = await sender.Send(new GetArticleRequest(id), httpContext.RequestAborted);
                return result.IsSuccess
                    ? Answer(result.Value, EntityTags.Read(ifNoneMatch), httpContext.Response)
                    : new ErrorResult(result.Error!);
            })
            .WithName(Name)
            .WithTags("Articles")
            .WithSummary("One of the signed-in user's own articles, with its version as the ETag; 304 when If-None-Match names it.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static Results<Ok<ArticleResponse>, StatusCodeHttpResult, ErrorResult> Answer(ArticleResponse article, Precondition ifNoneMatch, HttpResponse response)
    {
        response.Headers.ETag = EntityTags.Format(article.Version);
        return ifNoneMatch.MatchesWeakly(article.Version)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(article);
    }
}
