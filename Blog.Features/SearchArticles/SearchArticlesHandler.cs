using System.Data.Common;
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
        var sql = SearchSql.For(database.Provider);
        await using var search = await sql.BeginAsync(connection, cancellationToken);
        var query = await sql.QueryAsync(connection, terms, currentUser.Id);
        if (query is null)
        {
            return new SearchPage([], null);
        }

        var statements = query.Statements;
        var hits = new List<(SearchCandidate Candidate, SearchSegment Segment, double Score)>(limit + 1);
        var floor = after?.Floor ?? 0;
        var first = after?.Segment ?? SearchSegment.TitleRanked;
        var ranked = first <= SearchSegment.ContentRanked
            ? await RankWindowAsync(connection, query, terms, after)
            : null;
        if (after is null && ranked is not null)
        {
            // The first page fixes the window; the cursor carries it, so that later pages rank the same set.
            floor = ranked.Floor;
        }

        for (var segment = first; segment <= SearchSegment.ContentOlder && hits.Count <= limit; segment++)
        {
            var continuing = after is not null && after.Segment == segment;
            var take = limit + 1 - hits.Count;
            if (segment is SearchSegment.TitleRanked or SearchSegment.ContentRanked)
            {
                hits.AddRange(ranked!.Hits[segment]
                    .Where(hit => !continuing || hit.Score < after!.Score || (hit.Score == after.Score && hit.Candidate.Id < after.Id))
                    .Take(take)
                    .Select(hit => (hit.Candidate, segment, hit.Score)));
            }
            else if (floor > 0)
            {
                var older = await connection.QueryAsync<SearchCandidate>(statements.Older(segment), new
                {
                    Query = query.Text,
                    AuthorId = currentUser.Id,
                    Below = continuing ? Math.Min(floor, after!.Id) : floor,
                    Take = take,
                });
                hits.AddRange(older.Select(candidate => (candidate, segment, 0.0)));
            }
        }

        var page = hits.Take(limit).ToList();
        if (page.Count == 0)
        {
            return new SearchPage([], null);
        }

        var articles = (await connection.QueryAsync<ArticleRow>(
                statements.Articles,
                new { Ids = page.Select(hit => hit.Candidate.Id).ToArray(), AuthorId = currentUser.Id }))
            .ToDictionary(row => row.Id);
        // An article deleted since its match was read is left out of the page; the cursor still holds its place.
        var items = page.Where(hit => articles.ContainsKey(hit.Candidate.Id))
            .Select(hit => articles[hit.Candidate.Id])
            .Select(row => new ArticleSearchHit(row.Id, row.Title, row.Content, row.ContentHtml, row.CreatedAt, row.UpdatedAt,
                new AuthorResponse(row.AuthorId, row.AuthorUsername), Snippet.Of(row.Content, terms)))
            .ToList();
        var nextCursor = hits.Count > limit
            ? new SearchCursor(terms.Key, floor, hits[limit - 1].Segment, hits[limit - 1].Score, hits[limit - 1].Candidate.Id).Encode()
            : null;
        return new SearchPage(items, nextCursor);
    }

    /// <summary>
    /// Reads the window (the newest <see cref="RankedWindow"/> matches, or those at or above the cursor's floor) in one
    /// pass, splits it into title and content matches, and orders each by score, then newest first.
    /// </summary>
    private async Task<RankedWindowHits> RankWindowAsync(DbConnection connection, SearchQuery query, SearchTerms terms, SearchCursor? after)
    {
        var window = (await connection.QueryAsync<SearchCandidate>(query.Statements.Window,
            new { Query = query.Text, AuthorId = currentUser.Id, Floor = after?.Floor ?? 0, Window = RankedWindow, Below = long.MaxValue })).AsList();
        var floor = after?.Floor ?? (window.Count == RankedWindow ? window[^1].Id : 0);
        var inTitle = window.Count == 0
            ? []
            : (await connection.QueryAsync<long>(query.Statements.TitleMatches, new { Query = query.Text, AuthorId = currentUser.Id, Floor = floor })).ToHashSet();
        return new RankedWindowHits(floor, new Dictionary<SearchSegment, List<(SearchCandidate Candidate, double Score)>>
        {
            [SearchSegment.TitleRanked] = Ranked(window.Where(candidate => inTitle.Contains(candidate.Id)).ToList(), terms),
            [SearchSegment.ContentRanked] = Ranked(window.Where(candidate => !inTitle.Contains(candidate.Id)).ToList(), terms),
        });
    }

    private static List<(SearchCandidate Candidate, double Score)> Ranked(List<SearchCandidate> candidates, SearchTerms terms)
    {
        var scores = Relevance.Score(candidates.Select(candidate => (candidate.Title, candidate.Content)).ToList(), terms);
        return candidates.Select((candidate, i) => (candidate, scores[i])).OrderByDescending(hit => hit.Item2).ThenByDescending(hit => hit.candidate.Id).ToList();
    }

    private sealed record RankedWindowHits(long Floor, Dictionary<SearchSegment, List<(SearchCandidate Candidate, double Score)>> Hits);
}
