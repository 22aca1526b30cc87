using Blog.Features.Common.Articles;
using Blog.Features.Common.Data;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Dapper;
using Mapster;
using Mediator;

namespace Blog.Features.CreateArticle;

internal sealed class CreateArticleHandler(
    IDbConnectionFactory database, ICurrentUser currentUser, TimeProvider clock, MarkdownRenderer renderer, TypeAdapterConfig mappings)
    : ICommandHandler<CreateArticleRequest, Result<ArticleResponse>>
{
    private const string Sql = """
        INSERT INTO articles (author_id, title, content, content_html, renderer_name, renderer_version, version, created_at)
        VALUES (@AuthorId, @Title, @Content, @ContentHtml, @RendererName, @RendererVersion, 1, @CreatedAt)
        RETURNING id
        """;

    public async ValueTask<Result<ArticleResponse>> Handle(CreateArticleRequest request, CancellationToken cancellationToken)
    {
        // Rendered before the write connection is taken: on SQLite, writers wait for each other.
        var article = new
        {
            AuthorId = currentUser.Id,
            Title = request.Title.Trim(),
            request.Content,
            ContentHtml = renderer.Render(request.Content),
            RendererName = MarkdownRenderer.Name,
            RendererVersion = renderer.Version,
            CreatedAt = Timestamps.Now(clock),
        };

        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(Sql, article);
        return new ArticleRow(id, article.Title, article.Content, article.ContentHtml, article.CreatedAt, null, 1, article.AuthorId, currentUser.Username)
            .Adapt<ArticleResponse>(mappings);
    }
}
