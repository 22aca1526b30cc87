namespace Blog.Features.Common.Articles;

/// <summary>How the article queries select an <see cref="ArticleRow"/>.</summary>
public static class ArticleSql
{
    /// <summary>The <see cref="ArticleRow"/> columns of <c>FROM articles a JOIN users u ON u.id = a.author_id</c>.</summary>
    public const string RowColumns = """
        a.id AS Id, a.title AS Title, a.content AS Content, a.created_at AS CreatedAt,
               a.author_id AS AuthorId, u.username AS AuthorUsername
        """;
}
