using Blog.Features.Common.Articles;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Mediator;

namespace Blog.Features.UpdateArticle;

/// <summary>
/// Replaces the title and content of one of the caller's own articles, if it is still at the version
/// <paramref name="IfMatch"/> names (the <c>If-Match</c> header as sent; required).
/// </summary>
[RequireSignIn(Role = Roles.Author, Scope = Scopes.ArticlesWrite)]
public sealed record UpdateArticleRequest(long Id, string? IfMatch, string Title, string Content) : ICommand<Result<ArticleResponse>>;

/// <summary>The body of <c>PUT /articles/{id}</c>.</summary>
public sealed record ArticleDraft(string Title, string Content);
