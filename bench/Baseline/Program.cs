// Baseline: the smallest ASP.NET Core app that answers Blog's article JSON from the same database with Dapper.
// No authentication, no mediator, no validation, no middleware: what is left is Kestrel, routing, JSON and the
// database driver. The engine and the database come from Blog's own keys: Blog:Database:Provider (Sqlite, the
// default, or Postgres) and ConnectionStrings:Blog; on PostgreSQL, connections come from one NpgsqlDataSource, as in
// Blog. The author whose articles it serves is fixed by configuration (Baseline:AuthorId, default 1), standing in
// for the signed-in user of Blog.
using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

var builder = WebApplication.CreateSlimBuilder(args);
var provider = builder.Configuration.GetValue("Blog:Database:Provider", "Sqlite")!;
var connectionString = builder.Configuration.GetConnectionString("Blog") ?? "Data Source=blog.db";
await using var dataSource = provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase)
    ? new NpgsqlDataSourceBuilder(connectionString).Build()
    : provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase)
        ? null
        : throw new InvalidOperationException("Blog:Database:Provider is Sqlite or Postgres.");
var sqliteConnectionString = dataSource is null ? new SqliteConnectionStringBuilder(connectionString) { Pooling = true }.ToString() : "";
var authorId = builder.Configuration.GetValue("Baseline:AuthorId", 1L);
SqlMapper.AddTypeHandler(new UtcDateTimeHandler());

var app = builder.Build();

// The SQL of Blog.Features/GetArticle/GetArticleHandler.cs (its columns: Blog.Features/Common/Articles/ArticleResponse.cs).
const string GetSql = """
    SELECT a.id AS Id, a.title AS Title, a.content AS Content, a.content_html AS ContentHtml,
           a.created_at AS CreatedAt, a.updated_at AS UpdatedAt, a.version AS Version,
           a.author_id AS AuthorId, u.username AS AuthorUsername
    FROM articles a
    JOIN users u ON u.id = a.author_id
    WHERE a.id = @Id AND a.author_id = @AuthorId
    """;

// The keyset SQL of Blog.Features/ListArticles/ListArticlesHandler.cs.
const string ListSql = """
    SELECT a.id AS Id, a.title AS Title, a.content AS Content, a.content_html AS ContentHtml,
           a.created_at AS CreatedAt, a.updated_at AS UpdatedAt, a.version AS Version,
           a.author_id AS AuthorId, u.username AS AuthorUsername
    FROM articles a
    JOIN users u ON u.id = a.author_id
    WHERE a.author_id = @AuthorId AND a.id < @Before
    ORDER BY a.id DESC
    LIMIT @Take
    """;

app.MapGet("/articles/{id:long}", async (long id) =>
{
    await using var connection = await OpenAsync();
    var row = await connection.QuerySingleOrDefaultAsync<ArticleRow>(GetSql, new { Id = id, AuthorId = authorId });
    return row is null ? Results.NotFound() : Results.Ok(row.ToResponse());
});

app.MapGet("/articles", async (int? limit, long? cursor) =>
{
    var take = limit ?? 20;
    await using var connection = await OpenAsync();
    var rows = (await connection.QueryAsync<ArticleRow>(ListSql, new { AuthorId = authorId, Before = cursor ?? long.MaxValue, Take = take + 1 })).AsList();
    var items = new List<ArticleResponse>(Math.Min(rows.Count, take));
    for (var i = 0; i < rows.Count && i < take; i++)
    {
        items.Add(rows[i].ToResponse());
    }

    var nextCursor = rows.Count > take ? items[^1].Id.ToString(CultureInfo.InvariantCulture) : null;
    return Results.Ok(new ArticlePage(items, nextCursor));
});

app.MapGet("/health", () => "Healthy");

app.Run();

async Task<DbConnection> OpenAsync()
{
    if (dataSource is not null)
    {
        return await dataSource.OpenConnectionAsync();
    }

    var connection = new SqliteConnection(sqliteConnectionString);
    await connection.OpenAsync();
    return connection;
}

internal sealed record ArticleRow(
    long Id, string Title, string Content, string ContentHtml, DateTime CreatedAt, DateTime? UpdatedAt, long Version, long AuthorId, string AuthorUsername)
{
    public ArticleResponse ToResponse() => new(Id, Title, Content, ContentHtml, CreatedAt, UpdatedAt, new AuthorResponse(AuthorId, AuthorUsername));
}

internal sealed record ArticleResponse(long Id, string Title, string Content, string ContentHtml, DateTime CreatedAt, DateTime? UpdatedAt, AuthorResponse Author);

internal sealed record AuthorResponse(long Id, string Username);

internal sealed record ArticlePage(IReadOnlyList<ArticleResponse> Items, string? NextCursor);

// Reads timestamps back as DateTimeKind.Utc, as Blog's UtcDateTimeHandler does, so createdAt ends in Z: SQLite's stored
// UTC text, PostgreSQL's timestamptz.
internal sealed class UtcDateTimeHandler : SqlMapper.TypeHandler<DateTime>
{
    public override void SetValue(IDbDataParameter parameter, DateTime value) => parameter.Value = value;

    public override DateTime Parse(object value) => value switch
    {
        DateTime timestamp => DateTime.SpecifyKind(timestamp, DateTimeKind.Utc),
        _ => DateTime.Parse((string)value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
    };
}
