using System.Text.Json.Serialization;
using Mapster;

namespace Blog.Features.Common.Articles;

/// <summary>
/// The <c>Article</c> of the API contract, answered by create, get, update and list. <see cref="Version"/> is not in
/// the body: it travels as the <c>ETag</c>.
/// </summary>
public sealed record ArticleResponse(
    long Id,
    string Title,
    string Content,
    string ContentHtml,
    DateTime CreatedAt,
    DateTime? UpdatedAt,
    AuthorResponse Author,
    [property: JsonIgnore] long Version);

public sealed record AuthorResponse(long Id, string Username);

/// <summary>An article as <see cref="ArticleSql.Columns"/> selects it.</summary>
public sealed record ArticleRow(
    long Id,
    string Title,
    string Content,
    string ContentHtml,
    DateTime CreatedAt,
    DateTime? UpdatedAt,
    long Version,
    long AuthorId,
    string AuthorUsername);

/// <summary>What every query that answers <see cref="ArticleResponse"/>s selects, so that they all answer the same.</summary>
public static class ArticleSql
{
    /// <summary>The columns of an <see cref="ArticleRow"/>, of <see cref="From"/>'s <c>a</c> (articles) and <c>u</c> (their authors).</summary>
    public const string Columns = """
        a.id AS Id, a.title AS Title, a.content AS Content, a.content_html AS ContentHtml,
        a.created_at AS CreatedAt, a.updated_at AS UpdatedAt, a.version AS Version,
        a.author_id AS AuthorId, u.username AS AuthorUsername
        """;

    public const string From = """
        FROM articles a
        JOIN users u ON u.id = a.author_id
        """;
}

internal sealed class ArticleMapping : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<ArticleRow, ArticleResponse>()
            .Map(article => article.Author, row => new AuthorResponse(row.AuthorId, row.AuthorUsername));
}
