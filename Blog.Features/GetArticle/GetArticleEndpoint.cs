using Blog.Features.Common.Articles;
using Blog.Features.Common.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Blog.Features.GetArticle;

internal sealed class GetArticleEndpoint : IEndpoint
{
    /// <summary>The route name other endpoints link to an article by.</summary>
    public const string Name = "GetArticle";

    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/articles/{id:long}", async Task<Results<Ok<ArticleResponse>, ErrorResult>> (long id, ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(new GetArticleRequest(id), cancellationToken);
                return result.ToHttpResult(TypedResults.Ok);
            })
            .WithName(Name)
            .WithTags("Articles")
            .WithSummary("One of the signed-in user's own articles.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
