using Blog.Features.Common.Articles;
using Blog.Features.Common.Data;
using Blog.Features.Common.Http;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Blog.Features.GetArticle;
using Dapper;
using Mapster;
using Mediator;

namespace Blog.Features.UpdateArticle;

internal sealed class UpdateArticleHandler(
    IDbConnectionFactory database, ICurrentUser currentUser, TimeProvider clock, MarkdownRenderer renderer, TypeAdapterConfig mappings)
    : ICommandHandler<UpdateArticleRequest, Result<ArticleResponse>>
{
    // The version check and the write are one statement: of two saves against one version, the database lets exactly
    // one through, whatever the engine or the number of instances. A version counter rather than a timestamp, so two
    // saves within one second still differ.
    private const string UpdateSql = """
        UPDATE articles
        SET title = @Title, content = @Content, content_html = @ContentHtml,
            renderer_name = @RendererName, renderer_version = @RendererVersion,
            updated_at = @UpdatedAt, version = version + 1
        WHERE id = @Id AND author_id = @AuthorId AND version = @Version
        RETURNING created_at AS CreatedAt, version AS Version
        """;

    private const string CurrentVersionSql = "SELECT version FROM articles WHERE id = @Id AND author_id = @AuthorId";

    public async ValueTask<Result<ArticleResponse>> Handle(UpdateArticleRequest request, CancellationToken cancellationToken)
    {
        var ifMatch = EntityTags.Read(request.IfMatch);
        // "*" would overwrite whatever is there: the lost update this check exists to prevent.
        if (ifMatch.Kind != PreconditionKind.Versions)
        {
            return Error.PreconditionRequired("Send If-Match with the ETag of the version you edited.");
        }

        // One version is one revision. A weak tag, or a list of several tags, names no single revision: it never matches.
        long? expected = ifMatch is { StrongVersions: [var only], WeakVersions.Count: 0 } ? only : null;
        var article = new
        {
            request.Id,
            AuthorId = currentUser.Id,
            Title = request.Title.Trim(),
            request.Content,
            ContentHtml = renderer.Render(request.Content),
            RendererName = MarkdownRenderer.Name,
            RendererVersion = renderer.Version,
            UpdatedAt = Timestamps.Now(clock),
            Version = expected.GetValueOrDefault(),
        };

        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        var written = expected is null ? null : await connection.QuerySingleOrDefaultAsync<WrittenVersion>(UpdateSql, article);
        if (written is null)
        {
            // Only to tell the refusal's kind; the write itself has already been refused.
            var current = await connection.QuerySingleOrDefaultAsync<long?>(CurrentVersionSql, new { request.Id, AuthorId = currentUser.Id });
            return current is { } version
                ? Error.PreconditionFailed("This article was changed elsewhere. Reload it to see the current version.", version)
                : Error.NotFound(GetArticleHandler.NoSuchArticle);
        }

        return new ArticleRow(
                article.Id, article.Title, article.Content, article.ContentHtml, written.CreatedAt, article.UpdatedAt, written.Version,
                article.AuthorId, currentUser.Username)
            .Adapt<ArticleResponse>(mappings);
    }

    private sealed record WrittenVersion(DateTime CreatedAt, long Version);
}
