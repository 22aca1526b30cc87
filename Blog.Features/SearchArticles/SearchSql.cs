using System.Data.Common;
using Dapper;
using Npgsql;

namespace Blog.Features.SearchArticles;

/// <summary>
/// The search's statements in each engine's full-text dialect, side by side. Every statement takes <c>@Query</c> (the
/// engine's query text, from <see cref="QueryTextAsync"/>) and <c>@AuthorId</c>: only the caller's articles, ever.
/// Title matches come from an index of the titles alone, so "does every word occur in the title?" never reads the
/// (much longer) lists of the content's matches.
/// </summary>
internal abstract class SearchSql
{
    protected const string Columns =
        "a.id AS Id, a.title AS Title, a.content AS Content, a.created_at AS CreatedAt, a.author_id AS AuthorId, u.username AS AuthorUsername";

    // Applied to the ranked segments' rows when a page continues inside one: after the cursor in (score desc, id desc).
    protected const string AfterCursor = "WHERE ranked.Score < @AfterScore OR (ranked.Score = @AfterScore AND ranked.Id < @AfterId)";

    private static readonly SearchSql SqliteSql = new Sqlite();
    private static readonly SearchSql PostgresSql = new Postgres();

    public static SearchSql For(DbConnection connection) => connection is NpgsqlConnection ? PostgresSql : SqliteSql;

    public abstract Task<string?> QueryTextAsync(DbConnection connection, SearchTerms terms);

    /// <summary>The id of the match <c>@Skip</c> places below the newest (<c>@Skip</c> = window − 1), or no row.</summary>
    public abstract string Floor { get; }

    /// <summary>
    /// The rows of <paramref name="segment"/>, in order, at most <c>@Take</c>: ranked segments over ids ≥ <c>@Floor</c>
    /// (<paramref name="continuing"/>: after <c>@AfterScore</c>, <c>@AfterId</c>); older ones below <c>@Below</c>.
    /// </summary>
    public abstract string Page(SearchSegment segment, bool continuing);

    private sealed class Sqlite : SearchSql
    {
        // CROSS JOIN keeps the FTS table the outer loop: its rowid order and range are what the statements rely on.
        private const string TitleMatches = "SELECT rowid FROM articles_title_search WHERE articles_title_search MATCH @Query";

        private readonly Dictionary<(SearchSegment, bool), string> _pages = new()
        {
            [(SearchSegment.TitleRanked, false)] = Ranked($"IN ({TitleMatches} AND rowid >= @Floor)", continuing: false),
            [(SearchSegment.TitleRanked, true)] = Ranked($"IN ({TitleMatches} AND rowid >= @Floor)", continuing: true),
            [(SearchSegment.ContentRanked, false)] = Ranked($"NOT IN ({TitleMatches} AND rowid >= @Floor)", continuing: false),
            [(SearchSegment.ContentRanked, true)] = Ranked($"NOT IN ({TitleMatches} AND rowid >= @Floor)", continuing: true),
            [(SearchSegment.TitleOlder, false)] = $"""
                SELECT {Columns}, 0.0 AS Score
                FROM articles_title_search t CROSS JOIN articles a CROSS JOIN users u
                WHERE articles_title_search MATCH @Query AND t.rowid < @Below
                  AND a.id = t.rowid AND a.author_id = @AuthorId AND u.id = a.author_id
                ORDER BY t.rowid DESC
                LIMIT @Take
                """,
            [(SearchSegment.ContentOlder, false)] = $"""
                SELECT {Columns}, 0.0 AS Score
                FROM articles_search s CROSS JOIN articles a CROSS JOIN users u
                WHERE articles_search MATCH @Query AND s.rowid < @Below
                  AND a.id = s.rowid AND a.author_id = @AuthorId AND u.id = a.author_id
                  AND s.rowid NOT IN ({TitleMatches} AND rowid < @Below)
                ORDER BY s.rowid DESC
                LIMIT @Take
                """,
        };

        public override string Floor => """
            SELECT s.rowid
            FROM articles_search s CROSS JOIN articles a
            WHERE articles_search MATCH @Query AND a.id = s.rowid AND a.author_id = @AuthorId
            ORDER BY s.rowid DESC
            LIMIT 1 OFFSET @Skip
            """;

        public override Task<string?> QueryTextAsync(DbConnection connection, SearchTerms terms) => Task.FromResult<string?>(terms.ToFts5());

        public override string Page(SearchSegment segment, bool continuing) => _pages[(segment, continuing && segment is SearchSegment.TitleRanked or SearchSegment.ContentRanked)];

        // bm25 is lower for better matches; negated, a higher score is better on both engines. Title words weigh ten.
        private static string Ranked(string titleCondition, bool continuing) => $"""
            SELECT * FROM (
                SELECT {Columns}, -bm25(articles_search, 10.0, 1.0) AS Score
                FROM articles_search s CROSS JOIN articles a CROSS JOIN users u
                WHERE articles_search MATCH @Query AND s.rowid >= @Floor
                  AND a.id = s.rowid AND a.author_id = @AuthorId AND u.id = a.author_id
                  AND s.rowid {titleCondition}
            ) ranked
            {(continuing ? AfterCursor : "")}
            ORDER BY ranked.Score DESC, ranked.Id DESC
            LIMIT @Take
            """;
    }

    private sealed class Postgres : SearchSql
    {
        // The same expression as the index ix_articles_title_search, so that the index serves it.
        private const string TitleMatches = "to_tsvector('simple', blog_search_words(a.title)) @@ to_tsquery('simple', @Query)";

        private readonly Dictionary<(SearchSegment, bool), string> _pages = new()
        {
            [(SearchSegment.TitleRanked, false)] = Ranked(TitleMatches, continuing: false),
            [(SearchSegment.TitleRanked, true)] = Ranked(TitleMatches, continuing: true),
            [(SearchSegment.ContentRanked, false)] = Ranked($"a.search_vector @@ to_tsquery('simple', @Query) AND NOT ({TitleMatches})", continuing: false),
            [(SearchSegment.ContentRanked, true)] = Ranked($"a.search_vector @@ to_tsquery('simple', @Query) AND NOT ({TitleMatches})", continuing: true),
            [(SearchSegment.TitleOlder, false)] = Older(TitleMatches),
            [(SearchSegment.ContentOlder, false)] = Older($"a.search_vector @@ to_tsquery('simple', @Query) AND NOT ({TitleMatches})"),
        };

        public override string Floor => """
            SELECT a.id
            FROM articles a
            WHERE a.author_id = @AuthorId AND a.search_vector @@ to_tsquery('simple', @Query)
            ORDER BY a.id DESC
            OFFSET @Skip LIMIT 1
            """;

        // The words as the index made them (accents folded, punctuation a space), each quoted, ANDed, the last a
        // prefix: a tsquery text that to_tsquery reads as lexemes only. Computed apart, so that the statements get it
        // as a value the planner can estimate (a subquery would hide it).
        public override Task<string?> QueryTextAsync(DbConnection connection, SearchTerms terms) =>
            connection.ExecuteScalarAsync<string?>(
                """
                SELECT string_agg(quote_literal(word) || CASE WHEN position = last THEN ':*' ELSE '' END, ' & ' ORDER BY position)
                FROM (
                    SELECT word, position, max(position) OVER () AS last
                    FROM regexp_split_to_table(btrim(blog_search_words(@Words)), ' +') WITH ORDINALITY AS w (word, position)
                    WHERE word <> ''
                ) words
                """,
                new { Words = string.Join(' ', terms.Words) });

        public override string Page(SearchSegment segment, bool continuing) => _pages[(segment, continuing && segment is SearchSegment.TitleRanked or SearchSegment.ContentRanked)];

        private static string Ranked(string condition, bool continuing) => $"""
            SELECT * FROM (
                SELECT {Columns}, ts_rank(a.search_vector, to_tsquery('simple', @Query))::float8 AS Score
                FROM articles a JOIN users u ON u.id = a.author_id
                WHERE a.author_id = @AuthorId AND a.id >= @Floor AND {condition}
            ) ranked
            {(continuing ? AfterCursor : "")}
            ORDER BY ranked.Score DESC, ranked.Id DESC
            LIMIT @Take
            """;

        private static string Older(string condition) => $"""
            SELECT {Columns}, 0.0::float8 AS Score
            FROM articles a JOIN users u ON u.id = a.author_id
            WHERE a.author_id = @AuthorId AND a.id < @Below AND {condition}
            ORDER BY a.id DESC
            LIMIT @Take
            """;
    }
}
