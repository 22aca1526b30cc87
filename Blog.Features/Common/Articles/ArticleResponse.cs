using Mapster;

namespace Blog.Features.Common.Articles;

/// <summary>The <c>Article</c> of the API contract, answered by create, get and list.</summary>
public sealed record ArticleResponse(long Id, string Title, string Content, DateTime CreatedAt, AuthorResponse Author);

public sealed record AuthorResponse(long Id, string Username);

/// <summary>An article as the article queries select it (<c>SELECT ... AS AuthorUsername</c>).</summary>
public sealed record ArticleRow(long Id, string Title, string Content, DateTime CreatedAt, long AuthorId, string AuthorUsername);

internal sealed class ArticleMapping : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<ArticleRow, ArticleResponse>()
            .Map(article => article.Author, row => new AuthorResponse(row.AuthorId, row.AuthorUsername));
}
