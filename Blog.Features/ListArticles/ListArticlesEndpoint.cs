using Blog.Features.Common.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Blog.Features.ListArticles;

internal sealed class ListArticlesEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/articles", async Task<Results<Ok<ArticlePage>, ErrorResult>> (string? limit, string? cursor, ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(new ListArticlesRequest(limit, cursor), cancellationToken);
                return result.ToHttpResult(TypedResults.Ok);
            })
            .WithName("ListArticles")
            .WithTags("Articles")
            .WithSummary("The signed-in user's own articles, newest first, a page at a time.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
