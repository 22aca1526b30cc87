using System.Data.Common;
using Blog.Features.Common.Articles;
using Blog.Features.Common.Data;
using Dapper;

namespace Blog.Features.SearchArticles;

/// <summary>
/// The search's statements in each engine's full-text dialect, side by side. <see cref="QueryAsync"/> turns the words
/// into the engine's query text and picks the statements that suit it. Every statement takes <c>@Query</c> (that
/// text) and <c>@AuthorId</c>: only the caller's articles, ever. The window and the older segments select
/// <see cref="SearchCandidate"/>s, what ranking reads; the page's articles are read whole afterwards, a page at a time.
/// Title matches come from an index of the titles alone, so "does every word occur in the title?" never reads the
/// (much longer) lists of the content's matches.
/// </summary>
internal abstract class SearchSql
{
    private const string CandidateColumns = "a.id AS Id, a.title AS Title, a.content AS Content";

    private static readonly SearchSql SqliteSql = new Sqlite();
    private static readonly SearchSql PostgresSql = new Postgres();

    public static SearchSql For(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? PostgresSql : SqliteSql;

    /// <summary>Readies the connection for the search's statements; what it answers ends that when disposed.</summary>
    public abstract Task<IAsyncDisposable> BeginAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>The engine's query for <paramref name="terms"/> with its statements; null when nothing can match.</summary>
    public abstract Task<SearchQuery?> QueryAsync(DbConnection connection, SearchTerms terms, long authorId);

    private sealed class Sqlite : SearchSql
    {
        // CROSS JOIN keeps the FTS table the outer loop: its rowid order and range are what the statements rely on.
        private const string TitleMatchIds = "SELECT rowid FROM articles_title_search WHERE articles_title_search MATCH @Query";

        // FTS5 answers a prefix by merging the whole lists of the words it begins before the first match (tens of
        // milliseconds for a word in a million articles); the same words named one by one are read newest first, and
        // only as far as the window. search_words (migration 0008) names them; past MostWordsForAPrefix (a prefix of a
        // letter or two) the prefix goes to FTS5 as it is.
        private const int MostWordsForAPrefix = 64;

        private static readonly SearchStatements Statements = new(
            Window: $"""
                SELECT {CandidateColumns}
                FROM articles_search s CROSS JOIN articles a
                WHERE articles_search MATCH @Query AND s.rowid >= @Floor AND a.id = s.rowid AND a.author_id = @AuthorId
                ORDER BY s.rowid DESC
                LIMIT @Window
                """,
            TitleMatches: $"{TitleMatchIds} AND rowid >= @Floor",
            TitleOlder: $"""
                SELECT {CandidateColumns}
                FROM articles_title_search t CROSS JOIN articles a
                WHERE articles_title_search MATCH @Query AND t.rowid < @Below AND a.id = t.rowid AND a.author_id = @AuthorId
                ORDER BY t.rowid DESC
                LIMIT @Take
                """,
            ContentOlder: $"""
                SELECT {CandidateColumns}
                FROM articles_search s CROSS JOIN articles a
                WHERE articles_search MATCH @Query AND s.rowid < @Below AND a.id = s.rowid AND a.author_id = @AuthorId
                  AND s.rowid NOT IN ({TitleMatchIds} AND rowid < @Below)
                ORDER BY s.rowid DESC
                LIMIT @Take
                """,
            // Dapper writes the list out as parameters.
            Articles: $"SELECT {ArticleSql.Columns} {ArticleSql.From} WHERE a.id IN @Ids AND a.author_id = @AuthorId");

        // Nothing to ready: SQLite plans every statement it runs.
        public override Task<IAsyncDisposable> BeginAsync(DbConnection connection, CancellationToken cancellationToken) =>
            Task.FromResult<IAsyncDisposable>(Nothing.Instance);

        public override async Task<SearchQuery?> QueryAsync(DbConnection connection, SearchTerms terms, long authorId)
        {
            // The last word as the index's tokenizer cuts it; a word it cuts in several (or none) stays a prefix phrase.
            var tokens = (await connection.QueryAsync<string>("SELECT token FROM search_tokenizer WHERE input = @Word", new { Word = terms.Words[^1] })).AsList();
            if (tokens.Count != 1)
            {
                return new SearchQuery(terms.ToFts5(), Statements);
            }

            var prefix = tokens[0];
            var words = (await connection.QueryAsync<string>(
                    "SELECT word FROM search_words WHERE word >= @Prefix ORDER BY word LIMIT @Limit",
                    new { Prefix = prefix, Limit = MostWordsForAPrefix + 1 }))
                .TakeWhile(word => word.StartsWith(prefix, StringComparison.Ordinal))
                .ToList();
            return words.Count switch
            {
                0 => null,
                > MostWordsForAPrefix => new SearchQuery(terms.ToFts5(), Statements),
                _ => new SearchQuery(terms.ToFts5(words), Statements),
            };
        }

        private sealed class Nothing : IAsyncDisposable
        {
            public static readonly Nothing Instance = new();

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    private sealed class Postgres : SearchSql
    {
        private const string Match = "a.search_vector @@ to_tsquery('simple', @Query)";
        private const string TitleMatch = "a.title_vector @@ to_tsquery('simple', @Query)";
        private const int MostMatches = 50_000;

        // Titles holding every word are few, and walking the author's articles newest first to find them (the
        // planner's choice under a LIMIT) reads every older article when there is none: the GIN index lists them.
        private static readonly string TitleOlder = FromMatches($"a.id < @Below AND {TitleMatch}", "@Take");

        // Npgsql sends the ids as one array.
        private static readonly string Articles = $"SELECT {ArticleSql.Columns} {ArticleSql.From} WHERE a.id = ANY (@Ids) AND a.author_id = @AuthorId";

        private static readonly string TitleMatches = $"""
            SELECT a.id
            FROM articles a
            WHERE a.author_id = @AuthorId AND a.id >= @Floor AND {TitleMatch}
            """;

        // Ways to find the newest matches. Walking the author's articles newest first and checking each stored vector
        // stops at the window's end: the way for a common word, a few rows per match. Asking the GIN index for every
        // match and keeping the newest reads each match once: the way for a rare word, where the walk would read a
        // hundred articles per match. The planner, costing a vector check as almost free, walks for both. Where the RUM
        // index is (migration 0008), it hands a rare word's matches over newest first: one row per match kept.
        private static readonly SearchStatements Walking = Finding(Walk);

        private static readonly SearchStatements ByIndex = Finding(FromMatches);

        private static readonly SearchStatements ByNewestIndex = Finding(FromNewestMatches);

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

        // The query text: the words as the index made them (accents folded, punctuation a space), each quoted, ANDed,
        // the last a prefix, which to_tsquery reads as lexemes only. Computed apart, so that the statements get it as a
        // value the planner can estimate (a subquery would hide it). With it, the planner's estimates of the matches,
        // of the author's articles and of all articles (blog_estimated_rows, migration 0008) choose the statements: a
        // walk reads about Window × articles ÷ matches rows (at most the author's), the index one row per match. The
        // matches are estimated for the last word as a prefix and as a whole word, the larger counting: without enough
        // statistics PostgreSQL prices any prefix at 2 % of the rows, also the prefix of a word in every article.
        public override async Task<SearchQuery?> QueryAsync(DbConnection connection, SearchTerms terms, long authorId)
        {
            var estimate = await connection.QuerySingleOrDefaultAsync<(string? Query, double Matches, double Written, double Articles, bool NewestIndex)>(
                """
                WITH words AS (
                    SELECT quote_literal(word) AS word, position, position = max(position) OVER () AS last
                    FROM regexp_split_to_table(btrim(blog_search_words(@Words)), ' +') WITH ORDINALITY AS w (word, position)
                    WHERE word <> ''
                ), query AS (
                    SELECT string_agg(word || CASE WHEN last THEN ':*' ELSE '' END, ' & ' ORDER BY position) AS text,
                           string_agg(word, ' & ' ORDER BY position) AS whole_words
                    FROM words
                )
                SELECT text,
                       greatest(
                           blog_estimated_rows(format('SELECT 1 FROM articles WHERE search_vector @@ to_tsquery(%L, %L)', 'simple', text)),
                           blog_estimated_rows(format('SELECT 1 FROM articles WHERE search_vector @@ to_tsquery(%L, %L)', 'simple', whole_words))),
                       blog_estimated_rows(format('SELECT 1 FROM articles WHERE author_id = %s', @AuthorId)),
                       blog_estimated_rows('SELECT 1 FROM articles'),
                       to_regclass('ix_articles_search_newest') IS NOT NULL
                FROM query
                WHERE text IS NOT NULL
                """,
                new { Words = string.Join(' ', terms.Words), AuthorId = authorId });
            if (estimate.Query is null)
            {
                return null;
            }

            var walked = Math.Min(estimate.Written, SearchArticlesHandler.RankedWindow * estimate.Articles / Math.Max(estimate.Matches, 1));
            return new SearchQuery(estimate.Query, estimate.Matches >= walked ? Walking : estimate.NewestIndex ? ByNewestIndex : ByIndex);
        }

        // The statements of one way to find matches, given as the statement for a condition and a limit.
        private static SearchStatements Finding(Func<string, string, string> matches) => new(
            Window: matches($"a.id >= @Floor AND {Match}", "@Window"),
            TitleMatches,
            TitleOlder,
            ContentOlder: matches($"a.id < @Below AND {Match} AND NOT ({TitleMatch})", "@Take"),
            Articles);

        private static string Walk(string condition, string limit) => $"""
            SELECT {CandidateColumns}
            FROM articles a
            WHERE a.author_id = @AuthorId AND {condition}
            ORDER BY a.id DESC
            LIMIT {limit}
            """;

        // The matches' ids first, out of the planner's reach (MATERIALIZED), so that it neither walks nor merges with a
        // walk; then the newest of them, and only those rows read. An estimate can be wrong: past MostMatches ids the
        // words are common after all, and the walk answers instead (the branch whose one-time condition holds runs).
        private static string FromMatches(string condition, string limit) => $"""
            WITH matches AS MATERIALIZED (
                SELECT a.id FROM articles a WHERE a.author_id = @AuthorId AND {condition} LIMIT {MostMatches}
            ), newest AS (
                SELECT id FROM matches ORDER BY id DESC LIMIT {limit}
            )
            SELECT {CandidateColumns}
            FROM newest JOIN articles a ON a.id = newest.id
            WHERE (SELECT count(*) FROM matches) < {MostMatches}
            UNION ALL
            ({Walk($"{condition} AND (SELECT count(*) FROM matches) = {MostMatches}", limit)})
            ORDER BY id DESC
            """;

        // RUM's <=| orders by the distance below an id: newest first from @Below, every statement's upper bound.
        private static string FromNewestMatches(string condition, string limit) => $"""
            SELECT {CandidateColumns}
            FROM articles a
            WHERE a.author_id = @AuthorId AND {condition}
            ORDER BY a.id <=| @Below::bigint
            LIMIT {limit}
            """;
    }
}

/// <summary>What ranking reads of a match.</summary>
internal sealed record SearchCandidate(long Id, string Title, string Content);

/// <summary>
/// A search's statements. <see cref="Window"/>: the newest matches with an id ≥ <c>@Floor</c>, at most <c>@Window</c>
/// (also when a made-up cursor names a lower floor), newest first, its <c>@Below</c> the largest id. <see cref="TitleMatches"/>: the ids ≥ <c>@Floor</c>
/// whose title holds every word. The older segments: at most <c>@Take</c> matches below <c>@Below</c>, newest first.
/// <see cref="Articles"/>: the page's articles whole, by <c>@Ids</c>.
/// </summary>
internal sealed record SearchStatements(string Window, string TitleMatches, string TitleOlder, string ContentOlder, string Articles)
{
    public string Older(SearchSegment segment) => segment == SearchSegment.TitleOlder ? TitleOlder : ContentOlder;
}

/// <summary>A search in the engine's dialect: its query text (the statements' <c>@Query</c>) and its statements.</summary>
internal sealed record SearchQuery(string Text, SearchStatements Statements);
