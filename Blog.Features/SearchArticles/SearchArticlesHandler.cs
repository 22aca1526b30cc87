using Blog.Features.Common.Articles;
using Blog.Features.Common.Data;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Dapper;
using Mediator;

namespace Blog.Features.SearchArticles;

/// <summary>
/// The ranked order is: articles whose title holds every word, then the others; within each, the newest
/// <see cref="RankedWindow"/> matches of the search by <see cref="Relevance"/> (title words weighing more), ties newest
/// first, then the older matches newest first. The engines find the matches (and only the caller's); the ranking
/// is computed here, over the window's rows, the same on both engines. Ranking every match would cost as much as there
/// are matches (a million for a word in every article; SQLite's bm25 even counts a word's matches in the whole table
/// for every query); the window bounds that, and a word common enough to fill it carries little relevance to rank by.
/// Pages are keyset pages over (segment, score, id), never an OFFSET.
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

        var rows = new List<(SearchRow Row, SearchSegment Segment, double Score)>(limit + 1);
        for (var segment = after?.Segment ?? SearchSegment.TitleRanked; segment <= SearchSegment.ContentOlder && rows.Count <= limit; segment++)
        {
            var ranked = segment is SearchSegment.TitleRanked or SearchSegment.ContentRanked;
            if (!ranked && floor == 0)
            {
                continue;
            }

            var continuing = after is not null && after.Segment == segment;
            var take = limit + 1 - rows.Count;
            var found = (await connection.QueryAsync<SearchRow>(sql.Rows(segment), new
            {
                Query = query,
                AuthorId = currentUser.Id,
                Floor = floor,
                Below = continuing ? Math.Min(floor, after!.Id) : floor,
                Take = take,
            })).AsList();
            if (ranked)
            {
                var scores = Relevance.Score(found.Select(row => (row.Title, row.Content)).ToList(), terms);
                rows.AddRange(found.Select((row, i) => (row, segment, scores[i]))
                    .Where(hit => !continuing || hit.Item3 < after!.Score || (hit.Item3 == after.Score && hit.row.Id < after.Id))
                    .OrderByDescending(hit => hit.Item3).ThenByDescending(hit => hit.row.Id)
                    .Take(take));
            }
            else
            {
                rows.AddRange(found.Select(row => (row, segment, 0.0)));
            }
        }

        var items = rows.Take(limit)
            .Select(hit => new ArticleSearchHit(hit.Row.Id, hit.Row.Title, hit.Row.Content, hit.Row.CreatedAt,
                new AuthorResponse(hit.Row.AuthorId, hit.Row.AuthorUsername), Snippet.Of(hit.Row.Content, terms)))
            .ToList();
        var nextCursor = rows.Count > limit
            ? new SearchCursor(terms.Key, floor, rows[limit - 1].Segment, rows[limit - 1].Score, rows[limit - 1].Row.Id).Encode()
            : null;
        return new SearchPage(items, nextCursor);
    }

    private sealed record SearchRow(long Id, string Title, string Content, DateTime CreatedAt, long AuthorId, string AuthorUsername);
}
