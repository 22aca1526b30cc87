using System.Net;
using System.Text.Json;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.Http;

/// <summary>
/// The export streams: 100,000 articles (about 110 MB of JSON, twice that as .NET strings) go out of an API process
/// whose GC heap is capped far below that, and its peak memory grows by little more than from exporting 1,000.
/// </summary>
public sealed class ExportMemoryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int HeapLimitBytes = 96 * 1024 * 1024;
    private static readonly string Content = new('x', 1000);

    private readonly TestDatabase _database = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Exporting_100000_articles_holds_no_more_memory_than_exporting_1000()
    {
        await using var api = await ApiProcess.StartServerAsync(
            _database.ConnectionString,
            new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x" + HeapLimitBytes.ToString("X", System.Globalization.CultureInfo.InvariantCulture) });
        using var client = new ApiClient(new SocketsHttpHandler { UseCookies = false }, new Uri(api.BaseUrl!));
        var alice = (await client.RegisterAsync("alice")).GetProperty("id").GetInt64();

        await AddArticlesAsync(alice, from: 1, to: 1_000);
        (await ExportedArticlesAsync(client)).Should().Be(1_000);
        var peakAfter1000 = api.PeakResidentBytes();

        await AddArticlesAsync(alice, from: 1_001, to: 100_000);
        (await ExportedArticlesAsync(client)).Should().Be(100_000);
        var peakAfter100000 = api.PeakResidentBytes();

        output.WriteLine($"Peak resident memory: {peakAfter1000 / 1048576.0:F1} MB after exporting 1,000 articles, {peakAfter100000 / 1048576.0:F1} MB after 100,000");
        (peakAfter100000 - peakAfter1000).Should().BeLessThan(40 * 1024 * 1024, "the articles are streamed, never held all at once");
    }

    private Task AddArticlesAsync(long authorId, int from, int to) =>
        _database.ExecuteAsync(
            TestDatabase.IsSqlite
                ? """
                  WITH RECURSIVE n(i) AS (SELECT @From UNION ALL SELECT i + 1 FROM n WHERE i < @To)
                  INSERT INTO articles (author_id, title, content, created_at) SELECT @AuthorId, 'Article ' || i, @Content, @CreatedAt FROM n
                  """
                : """
                  INSERT INTO articles (author_id, title, content, created_at)
                  SELECT @AuthorId, 'Article ' || i, @Content, @CreatedAt FROM generate_series(@From, @To) i
                  """,
            new { AuthorId = authorId, From = from, To = to, Content, CreatedAt = new DateTime(2026, 11, 26, 22, 44, 10, DateTimeKind.Utc) });

    private static async Task<int> ExportedArticlesAsync(ApiClient client)
    {
        using var response = await client.GetAsync("/api/v1/users/current/export");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await using var body = await response.Content.ReadAsStreamAsync();
        using var export = await JsonDocument.ParseAsync(body);
        return export.RootElement.GetProperty("articles").GetArrayLength();
    }
}
