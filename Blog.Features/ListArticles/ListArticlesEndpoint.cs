using System.ComponentModel;
using Blog.Features.Common.Http;
using Blog.Features.SearchArticles;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Blog.Features.ListArticles;

internal sealed class ListArticlesEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/articles", async Task<Results<Ok<SearchPage>, Ok<ArticlePage>, ErrorResult>> (
                [Description("Words to search for, 1 to 200 characters: every word must occur in the title or the content (case and accents aside), the last one also as the start of a word. With it, the page is ranked best match first and each item has a snippet.")] string? q,
                string? limit, string? cursor, ISender sender, CancellationToken cancellationToken) =>
            {
                if (q is not null)
                {
                    var found = await sender.Send(new SearchArticlesRequest(q, limit, cursor), cancellationToken);
                    return found.IsSuccess ? TypedResults.Ok(found.Value) : new ErrorResult(found.Error!);
                }

                var result = await sender.Send(new ListArticlesRequest(limit, cursor), cancellationToken);
                return result.IsSuccess ? TypedResults.Ok(result.Value) : new ErrorResult(result.Error!);
            })
            .WithName("ListArticles")
            .WithTags("Articles")
            .WithSummary("The signed-in user's own articles, newest first, a page at a time; with q, those matching q, best match first.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
