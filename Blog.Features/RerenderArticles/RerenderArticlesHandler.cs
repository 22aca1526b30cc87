using Blog.Features.Common.Articles;
using Blog.Features.Common.Data;
using Blog.Features.Common.Pipeline;
using Dapper;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Blog.Features.RerenderArticles;

/// <summary>
/// Walks the articles in id order a batch at a time (keyset: each batch starts after the last id of the previous one),
/// so that neither memory nor a transaction grows with the table, and the API keeps serving meanwhile.
/// </summary>
internal sealed partial class RerenderArticlesHandler(IDbConnectionFactory database, MarkdownRenderer renderer, ILogger<RerenderArticlesHandler> logger)
    : ICommandHandler<RerenderArticlesRequest, Result<RerenderSummary>>
{
    private const string StaleSql = """
        SELECT id AS Id, content AS Content, version AS Version
        FROM articles
        WHERE id > @After AND (renderer_name <> @RendererName OR renderer_version <> @RendererVersion)
        ORDER BY id
        LIMIT @Take
        """;

    // The version is not raised: the author's text is unchanged, and an editor open on it must still save without a
    // conflict. An edit since the batch was read has rendered the row itself; the version condition leaves it be.
    private const string RenderedSql = """
        UPDATE articles
        SET content_html = @ContentHtml, renderer_name = @RendererName, renderer_version = @RendererVersion
        WHERE id = @Id AND version = @Version
        """;

    public async ValueTask<Result<RerenderSummary>> Handle(RerenderArticlesRequest request, CancellationToken cancellationToken)
    {
        long after = 0, rendered = 0, skipped = 0;
        while (true)
        {
            List<StaleArticle> batch;
            await using (var reading = await database.OpenAsync(cancellationToken))
            {
                batch = (await reading.QueryAsync<StaleArticle>(
                    StaleSql, new { After = after, RendererName = MarkdownRenderer.Name, RendererVersion = renderer.Version, Take = request.BatchSize })).AsList();
            }

            if (batch.Count == 0)
            {
                LogDone(logger, rendered, skipped, MarkdownRenderer.Name, renderer.Version);
                return new RerenderSummary(rendered, skipped);
            }

            var updates = batch.Select(article => new
            {
                article.Id,
                article.Version,
                ContentHtml = renderer.Render(article.Content),
                RendererName = MarkdownRenderer.Name,
                RendererVersion = renderer.Version,
            }).ToList();

            await using (var writing = await database.OpenForWriteAsync(cancellationToken))
            await using (var transaction = await writing.BeginTransactionAsync(cancellationToken))
            {
                var written = await writing.ExecuteAsync(RenderedSql, updates, transaction);
                await transaction.CommitAsync(cancellationToken);
                rendered += written;
                skipped += batch.Count - written;
            }

            after = batch[^1].Id;
            LogBatch(logger, rendered, after);
        }
    }

    private sealed record StaleArticle(long Id, string Content, long Version);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Re-rendered {Rendered} articles so far, up to id {LastId}")]
    private static partial void LogBatch(ILogger logger, long rendered, long lastId);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Re-rendered {Rendered} articles with {Renderer} {Version}; {Skipped} were edited meanwhile")]
    private static partial void LogDone(ILogger logger, long rendered, long skipped, string renderer, string version);
}
