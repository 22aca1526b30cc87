using Blog.Features.Common.Articles;
using Blog.Features.Common.Data;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Dapper;
using Mediator;

namespace Blog.Features.SearchArticles;

/// <summary>
/// The ranked order is: articles whose title holds every word, then the others; within each, the newest
/// <see cref="RankedWindow"/> matches of the search by relevance (bm25 / ts_rank, title words weighing more), ties
/// newest first, then the older matches newest first. Ranking every match would cost as many score computations as
/// there are matches (a million for a word in every article); the window bounds that, and a word common enough to
/// fill it carries little relevance to rank by. Pages are keyset pages over (segment, score, id), never an OFFSET.
/// </summary>
internal sealed class SearchArticlesHandler(IDbConnectionFactory database, ICurrentUser currentUser)
    : IQueryHandler<SearchArticlesRequest, Result<SearchPage>>
{
    internal const int RankedWindow = 1000;

    public async ValueTask<Result<SearchPage>> Handle(SearchArticlesRequest request, CancellationToken cancellationToken)
    {
        // The validator has refused the requests whose texts did not read.
        var terms = request.Terms!;
        var limit = request.PageSize!.Value;
        var after = request.After;
        if (terms.IsEmpty)
        {
            return new SearchPage([], null);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var sql = SearchSql.For(connection);
        var query = await sql.QueryTextAsync(connection, terms);
        if (query is null)
        {
            return new SearchPage([], null);
        }

        // The first page fixes the window; the cursor carries it, so that later pages rank the same set.
        var floor = after?.Floor
            ?? await connection.ExecuteScalarAsync<long?>(sql.Floor, new { Query = query, AuthorId = currentUser.Id, Skip = RankedWindow - 1 })
            ?? 0;

        var rows = new List<(SearchRow Row, SearchSegment Segment)>(limit + 1);
        for (var segment = after?.Segment ?? SearchSegment.TitleRanked; segment <= SearchSegment.ContentOlder && rows.Count <= limit; segment++)
        {
            var older = segment is SearchSegment.TitleOlder or SearchSegment.ContentOlder;
            if (older && floor == 0)
            {
                continue;
            }

            var continuing = after is not null && after.Segment == segment;
            var found = await connection.QueryAsync<SearchRow>(sql.Page(segment, continuing), new
            {
                Query = query,
                AuthorId = currentUser.Id,
                Floor = floor,
                Below = continuing ? Math.Min(floor, after!.Id) : floor,
                AfterScore = continuing ? after!.Score : 0,
                AfterId = continuing ? after!.Id : 0,
                Take = limit + 1 - rows.Count,
            });
            rows.AddRange(found.Select(row => (row, segment)));
        }

        var items = rows.Take(limit)
            .Select(hit => new ArticleSearchHit(hit.Row.Id, hit.Row.Title, hit.Row.Content, hit.Row.CreatedAt,
                new AuthorResponse(hit.Row.AuthorId, hit.Row.AuthorUsername), Snippet.Of(hit.Row.Content, terms)))
            .ToList();
        var nextCursor = rows.Count > limit
            ? new SearchCursor(terms.Key, floor, rows[limit - 1].Segment, rows[limit - 1].Row.Score, rows[limit - 1].Row.Id).Encode()
            : null;
        return new SearchPage(items, nextCursor);
    }

    // Properties, not a constructor: SQLite reports no type for a computed column such as the score until it has a
    // row, and Dapper matches a constructor by the reported types.
    private sealed class SearchRow
    {
        public long Id { get; init; }

        public required string Title { get; init; }

        public required string Content { get; init; }

        public DateTime CreatedAt { get; init; }

        public long AuthorId { get; init; }

        public required string AuthorUsername { get; init; }

        public double Score { get; init; }
    }
}
