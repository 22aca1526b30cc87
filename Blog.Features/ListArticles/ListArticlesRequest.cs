using System.Globalization;
using Blog.Features.Common.Articles;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Mediator;

namespace Blog.Features.ListArticles;

/// <summary>
/// A page of the caller's own articles, newest first. <paramref name="Limit"/> and <paramref name="Cursor"/> are the
/// query's text, read into <see cref="PageSize"/> and <see cref="Before"/> once, here; the validator reports the text
/// that did not read.
/// </summary>
[RequireSignIn(Scope = Scopes.ArticlesRead)]
public sealed record ListArticlesRequest(string? Limit, string? Cursor) : IQuery<Result<ArticlePage>>
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>How many articles the page holds; null when <see cref="Limit"/> is not a whole number from 1 to <see cref="MaxLimit"/>.</summary>
    public int? PageSize { get; } = Limit is null ? DefaultLimit : ParseLimit(Limit);

    /// <summary>The id the page starts below; null when <see cref="Cursor"/> is not a <c>nextCursor</c> a page could give.</summary>
    public long? Before { get; } = Cursor is null ? long.MaxValue : ParseCursor(Cursor);

    /// <summary>The page size <paramref name="limit"/> asks for, or null when it is not one; a search of the list reads it alike.</summary>
    internal static int? ParseLimit(string limit) =>
        int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= MaxLimit ? value : null;

    // The cursor is the id of the last article of the previous page; clients treat it as opaque.
    private static long? ParseCursor(string cursor) =>
        long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
}

public sealed record ArticlePage(IReadOnlyList<ArticleResponse> Items, string? NextCursor);
