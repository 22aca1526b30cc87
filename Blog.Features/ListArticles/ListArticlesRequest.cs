using Blog.Features.Common.Articles;
using Blog.Features.Common.Pipeline;
using Mediator;

namespace Blog.Features.ListArticles;

/// <summary>A page of the caller's own articles, newest first. <paramref name="Cursor"/> is the previous page's <c>nextCursor</c>.</summary>
[RequireSignIn]
public sealed record ListArticlesRequest(string? Limit, string? Cursor) : IQuery<Result<ArticlePage>>
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
}

public sealed record ArticlePage(IReadOnlyList<ArticleResponse> Items, string? NextCursor);
