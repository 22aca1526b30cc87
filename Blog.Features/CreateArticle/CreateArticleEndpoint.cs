using Blog.Features.Common.Articles;
using Blog.Features.Common.Http;
using Blog.Features.GetArticle;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Blog.Features.CreateArticle;

internal sealed class CreateArticleEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/articles", async Task<Results<Created<ArticleResponse>, ErrorResult>> (CreateArticleRequest request, ISender sender, LinkGenerator links, HttpContext httpContext) =>
            {
                var result = await sender.Send(request, httpContext.RequestAborted);
                return result.ToHttpResult(article =>
                    TypedResults.Created(links.GetPathByName(httpContext, GetArticleEndpoint.Name, new { id = article.Id }), article));
            })
            .WithName("CreateArticle")
            .WithTags("Articles")
            .WithSummary("Publishes an article by the signed-in author.")
            .RequireRateLimiting(RateLimitPolicies.CreateArticle)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
