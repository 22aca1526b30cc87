using Blog.Features.Common.Articles;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Blog.Features.ListArticles;
using Mediator;

namespace Blog.Features.SearchArticles;

/// <summary>
/// A page of the caller's own articles that match <paramref name="Q"/> (the query parameter <c>q</c>), best match
/// first: the article list with <c>q</c>. The texts are read once, here; the validator reports the ones that did not read.
/// </summary>
[RequireSignIn(Scope = Scopes.ArticlesRead)]
public sealed record SearchArticlesRequest(string Q, string? Limit, string? Cursor) : IQuery<Result<SearchPage>>
{
    public const int MaxQueryLength = 200;

    /// <summary>The words searched for; null when <see cref="Q"/> is empty or longer than <see cref="MaxQueryLength"/>.</summary>
    public SearchTerms? Terms { get; } = Q.Length is >= 1 and <= MaxQueryLength ? SearchTerms.Parse(Q) : null;

    /// <summary>The page size, read as the article list reads it; null when <see cref="Limit"/> is not one.</summary>
    public int? PageSize { get; } = Limit is null ? ListArticlesRequest.DefaultLimit : ListArticlesRequest.ParseLimit(Limit);

    /// <summary>Where the page continues; null on the first page, and when <see cref="Cursor"/> is not a search cursor.</summary>
    public SearchCursor? After { get; } = Cursor is null ? null : SearchCursor.Parse(Cursor);
}

/// <summary>The article list's page, its items with a <c>snippet</c>.</summary>
public sealed record SearchPage(IReadOnlyList<ArticleSearchHit> Items, string? NextCursor);

/// <summary>
/// An <c>Article</c> found by a search, with <see cref="Snippet"/>: HTML whose only elements are <c>&lt;mark&gt;</c>
/// around the matches; all else in it is escaped text.
/// </summary>
public sealed record ArticleSearchHit(
    long Id, string Title, string Content, string ContentHtml, DateTime CreatedAt, DateTime? UpdatedAt, AuthorResponse Author, string Snippet);
