using Blog.Tests.Infrastructure;

namespace Blog.Tests.SearchArticles;

/// <summary>
/// SQLite's table of the search index's words (migration 0008): the search names its words instead of asking FTS5 for
/// a prefix, so a word missing from it would be a match missed. Its triggers cut text with fts3tokenize; the index
/// cuts it with FTS5's tokenizer: the table must hold exactly the index's words, each with the index's article count.
/// </summary>
public sealed class SearchWordsTests : IAsyncLifetime
{
    private static readonly string[] Texts =
    [
        "Crème brûlée, CAFÉ au lait; naïve façade — Ærøskøbing straße İstanbul ǅemal",
        "Ελληνικά κείμενα, русский текст, עברית, العربية, हिन्दी, ไทย",
        "東京タワー 北京 서울 mixed中文words and 123 4.5 6,7 x_y a-b o'clock",
        "Emoji 🙂 and 👩‍💻 flags 🇫🇷, marks a\u0301 e\u0308 n\u0303, ligatures ﬁ ﬂ œ, full-width ＡＢＣ １２３",
        "Private use \uE000\uE001, math 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, superscript ² ³, roman Ⅻ, fractions ½",
    ];

    private readonly TestDatabase _database = new();
    private long _authorId;

    public async ValueTask InitializeAsync()
    {
        Assert.SkipUnless(TestDatabase.IsSqlite, "the table of words is SQLite's; PostgreSQL's GIN index answers a prefix itself");
        await _database.MigrateAsync();
        _authorId = await _database.InsertUserAsync("alice");
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task The_words_and_their_counts_are_the_index_s_after_inserts_edits_and_deletes()
    {
        var ids = new List<long>();
        foreach (var (text, i) in Texts.Select((text, i) => (text, i)))
        {
            ids.Add(await InsertAsync("Title " + Texts[(i + 1) % Texts.Length].Split(' ')[0], text));
            ids.Add(await InsertAsync("Twice " + i, text));
        }

        await ShouldMatchTheIndexAsync();

        await _database.ExecuteAsync("UPDATE articles SET content = content || ' edited extra' WHERE id = @Id", new { Id = ids[0] });
        await _database.ExecuteAsync("UPDATE articles SET title = 'Only a new title' WHERE id = @Id", new { Id = ids[3] });
        await _database.ExecuteAsync("UPDATE articles SET content = 'replaced entirely' WHERE id = @Id", new { Id = ids[4] });
        await ShouldMatchTheIndexAsync();

        await _database.ExecuteAsync("DELETE FROM articles WHERE id IN (@A, @B, @C)", new { A = ids[1], B = ids[4], C = ids[7] });
        await ShouldMatchTheIndexAsync();

        await _database.ExecuteAsync("DELETE FROM articles");
        (await _database.ScalarAsync<long>("SELECT count(*) FROM search_words")).Should().Be(0, "no word outlives its last article");
    }

    [Fact]
    public async Task An_update_of_other_columns_counts_nothing_again()
    {
        var id = await InsertAsync("Title words", "Content words");

        await _database.ExecuteAsync("UPDATE articles SET content_html = '<p>x</p>', version = version + 1 WHERE id = @Id", new { Id = id });

        (await _database.ScalarAsync<long>("SELECT articles FROM search_words WHERE word = 'words'")).Should().Be(1);
    }

    private async Task ShouldMatchTheIndexAsync()
    {
        await _database.ExecuteAsync("CREATE VIRTUAL TABLE IF NOT EXISTS temp.index_words USING fts5vocab(main, 'articles_search', 'row')");
        var index = await _database.QueryAsync<(string Word, long Articles)>("SELECT term, doc FROM temp.index_words ORDER BY term");
        var table = await _database.QueryAsync<(string Word, long Articles)>("SELECT word, articles FROM search_words ORDER BY word");

        index.Should().NotBeEmpty();
        table.Should().Equal(index);
    }

    private Task<long> InsertAsync(string title, string content) =>
        _database.ScalarAsync<long>(
            "INSERT INTO articles (author_id, title, content, created_at) VALUES (@AuthorId, @Title, @Content, '2026-11-29T03:00:00Z') RETURNING id",
            new { AuthorId = _authorId, Title = title, Content = content });
}
