using System.Data.Common;
using Blog.Features.Common.Articles;
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
    protected const string Columns = ArticleSql.Columns;

    private static readonly SearchSql SqliteSql = new Sqlite();
    private static readonly SearchSql PostgresSql = new Postgres();

    public static SearchSql For(DbConnection connection) => connection is NpgsqlConnection ? PostgresSql : SqliteSql;

    public abstract Task<string?> QueryTextAsync(DbConnection connection, SearchTerms terms);

    /// <summary>Readies the connection for the search's statements; what it answers ends that when disposed.</summary>
    public abstract Task<IAsyncDisposable> BeginAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// The ranked window: the newest matches with an id ≥ <c>@Floor</c>, at most <c>@Window</c> (also when a made-up
    /// cursor names a lower floor), newest first. One pass over the match list, stopped at the window's end.
    /// </summary>
    public abstract string Window { get; }

    /// <summary>The ids ≥ <c>@Floor</c> whose title holds every word (some may be other authors': they meet no row of the window).</summary>
    public abstract string TitleMatches { get; }

    /// <summary>At most <c>@Take</c> matches of an older segment below <c>@Below</c>, newest first.</summary>
    public abstract string Older(SearchSegment segment);

    private sealed class Sqlite : SearchSql
    {
        // CROSS JOIN keeps the FTS table the outer loop: its rowid order and range are what the statements rely on.
        private const string TitleMatchIds = "SELECT rowid FROM articles_title_search WHERE articles_title_search MATCH @Query";

        private static readonly Dictionary<SearchSegment, string> OlderStatements = new()
        {
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
                  AND s.rowid NOT IN ({TitleMatchIds} AND rowid < @Below)
                ORDER BY s.rowid DESC
                LIMIT @Take
                """,
        };

        public override string Window => $"""
            SELECT {Columns}
            FROM articles_search s CROSS JOIN articles a CROSS JOIN users u
            WHERE articles_search MATCH @Query AND s.rowid >= @Floor
              AND a.id = s.rowid AND a.author_id = @AuthorId AND u.id = a.author_id
            ORDER BY s.rowid DESC
            LIMIT @Window
            """;

        public override string TitleMatches => $"{TitleMatchIds} AND rowid >= @Floor";

        public override Task<string?> QueryTextAsync(DbConnection connection, SearchTerms terms) => Task.FromResult<string?>(terms.ToFts5());

        // Nothing to ready: SQLite plans every statement it runs.
        public override Task<IAsyncDisposable> BeginAsync(DbConnection connection, CancellationToken cancellationToken) =>
            Task.FromResult<IAsyncDisposable>(Nothing.Instance);

        private sealed class Nothing : IAsyncDisposable
        {
            public static readonly Nothing Instance = new();

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }

        public override string Older(SearchSegment segment) => OlderStatements[segment];
    }

    private sealed class Postgres : SearchSql
    {
        private const string TitleMatch = "a.title_vector @@ to_tsquery('simple', @Query)";
        private const string ContentOnlyMatch = $"a.search_vector @@ to_tsquery('simple', @Query) AND NOT ({TitleMatch})";

        private static readonly Dictionary<SearchSegment, string> OlderStatements = new()
        {
            // Titles holding every word are few, and walking the author's articles newest first to find them (the
            // planner's choice under a LIMIT) reads every older article when there is none: the GIN index lists them.
            [SearchSegment.TitleOlder] = $"""
                WITH titled AS MATERIALIZED (
                    SELECT a.id FROM articles a WHERE a.author_id = @AuthorId AND a.id < @Below AND {TitleMatch}
                )
                SELECT {Columns}
                FROM titled JOIN articles a ON a.id = titled.id JOIN users u ON u.id = a.author_id
                ORDER BY a.id DESC
                LIMIT @Take
                """,
            [SearchSegment.ContentOlder] = OlderThan(ContentOnlyMatch),
        };

        public override string Window => $"""
            SELECT {Columns}
            FROM articles a JOIN users u ON u.id = a.author_id
            WHERE a.author_id = @AuthorId AND a.id >= @Floor AND a.search_vector @@ to_tsquery('simple', @Query)
            ORDER BY a.id DESC
            LIMIT @Window
            """;

        public override string TitleMatches => $"""
            SELECT a.id
            FROM articles a
            WHERE a.author_id = @AuthorId AND a.id >= @Floor AND {TitleMatch}
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

        public override string Older(SearchSegment segment) => OlderStatements[segment];

        // Blog's data source prepares statements it sees often, and PostgreSQL then plans them once for any value
        // (a generic plan). For a search that is the wrong plan for most words: whether to walk the author's newest
        // articles or to ask the GIN index depends on how common the word is. A read-only transaction that asks for
        // plans made with the values keeps the choice per search.
        public override async Task<IAsyncDisposable> BeginAsync(DbConnection connection, CancellationToken cancellationToken)
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync("SET TRANSACTION READ ONLY; SET LOCAL plan_cache_mode = force_custom_plan", transaction: transaction);
            return transaction;
        }

        private static string OlderThan(string condition) => $"""
            SELECT {Columns}
            FROM articles a JOIN users u ON u.id = a.author_id
            WHERE a.author_id = @AuthorId AND a.id < @Below AND {condition}
            ORDER BY a.id DESC
            LIMIT @Take
            """;
    }
}
