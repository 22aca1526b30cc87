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

    private static readonly SearchSql SqliteSql = new Sqlite();
    private static readonly SearchSql PostgresSql = new Postgres();

    public static SearchSql For(DbConnection connection) => connection is NpgsqlConnection ? PostgresSql : SqliteSql;

    public abstract Task<string?> QueryTextAsync(DbConnection connection, SearchTerms terms);

    /// <summary>The id of the match <c>@Skip</c> places below the newest (<c>@Skip</c> = window − 1), or no row.</summary>
    public abstract string Floor { get; }

    /// <summary>
    /// The rows of <paramref name="segment"/>: for a ranked one, every match with an id ≥ <c>@Floor</c>, in no order
    /// (the handler ranks them); for an older one, at most <c>@Take</c> matches below <c>@Below</c>, newest first.
    /// </summary>
    public abstract string Rows(SearchSegment segment);

    private sealed class Sqlite : SearchSql
    {
        // CROSS JOIN keeps the FTS table the outer loop: its rowid order and range are what the statements rely on.
        private const string TitleMatches = "SELECT rowid FROM articles_title_search WHERE articles_title_search MATCH @Query";

        private static readonly Dictionary<SearchSegment, string> Statements = new()
        {
            [SearchSegment.TitleRanked] = $"""
                SELECT {Columns}
                FROM articles_title_search t CROSS JOIN articles a CROSS JOIN users u
                WHERE articles_title_search MATCH @Query AND t.rowid >= @Floor
                  AND a.id = t.rowid AND a.author_id = @AuthorId AND u.id = a.author_id
                """,
            [SearchSegment.ContentRanked] = $"""
                SELECT {Columns}
                FROM articles_search s CROSS JOIN articles a CROSS JOIN users u
                WHERE articles_search MATCH @Query AND s.rowid >= @Floor
                  AND a.id = s.rowid AND a.author_id = @AuthorId AND u.id = a.author_id
                  AND s.rowid NOT IN ({TitleMatches} AND rowid >= @Floor)
                """,
            [SearchSegment.TitleOlder] = $"""
                SELECT {Columns}
                FROM articles_title_search t CROSS JOIN articles a CROSS JOIN users u
                WHERE articles_title_search MATCH @Query AND t.rowid < @Below
                  AND a.id = t.rowid AND a.author_id = @AuthorId AND u.id = a.author_id
                ORDER BY t.rowid DESC
                LIMIT @Take
                """,
            [SearchSegment.ContentOlder] = $"""
                SELECT {Columns}
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

        public override string Rows(SearchSegment segment) => Statements[segment];
    }

    private sealed class Postgres : SearchSql
    {
        // The same expression as the index ix_articles_title_search, so that the index serves it.
        private const string TitleMatches = "to_tsvector('simple', blog_search_words(a.title)) @@ to_tsquery('simple', @Query)";
        private const string ContentOnlyMatches = $"a.search_vector @@ to_tsquery('simple', @Query) AND NOT ({TitleMatches})";

        private static readonly Dictionary<SearchSegment, string> Statements = new()
        {
            [SearchSegment.TitleRanked] = Ranked(TitleMatches),
            [SearchSegment.ContentRanked] = Ranked(ContentOnlyMatches),
            [SearchSegment.TitleOlder] = Older(TitleMatches),
            [SearchSegment.ContentOlder] = Older(ContentOnlyMatches),
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

        public override string Rows(SearchSegment segment) => Statements[segment];

        private static string Ranked(string condition) => $"""
            SELECT {Columns}
            FROM articles a JOIN users u ON u.id = a.author_id
            WHERE a.author_id = @AuthorId AND a.id >= @Floor AND {condition}
            """;

        private static string Older(string condition) => $"""
            SELECT {Columns}
            FROM articles a JOIN users u ON u.id = a.author_id
            WHERE a.author_id = @AuthorId AND a.id < @Below AND {condition}
            ORDER BY a.id DESC
            LIMIT @Take
            """;
    }
}
