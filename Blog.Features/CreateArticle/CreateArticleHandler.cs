using Blog.Features.Common.Articles;
using Blog.Features.Common.Data;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Dapper;
using Mapster;
using Mediator;

namespace Blog.Features.CreateArticle;

internal sealed class CreateArticleHandler(IDbConnectionFactory database, ICurrentUser currentUser, TimeProvider clock, TypeAdapterConfig mappings)
    : ICommandHandler<CreateArticleRequest, Result<ArticleResponse>>
{
    private const string Sql = """
        INSERT INTO articles (author_id, title, content, created_at)
        VALUES (@AuthorId, @Title, @Content, @CreatedAt)
        RETURNING id
        """;

    public async ValueTask<Result<ArticleResponse>> Handle(CreateArticleRequest request, CancellationToken cancellationToken)
    {
        var article = new
        {
            AuthorId = currentUser.Id,
            Title = request.Title.Trim(),
            request.Content,
            CreatedAt = Timestamps.Now(clock),
        };

        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(Sql, article);
        return new ArticleRow(id, article.Title, article.Content, article.CreatedAt, article.AuthorId, currentUser.Username).Adapt<ArticleResponse>(mappings);
    }
}
