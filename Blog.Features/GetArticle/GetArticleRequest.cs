using Blog.Features.Common.Articles;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Mediator;

namespace Blog.Features.GetArticle;

/// <summary>One of the caller's own articles. Another user's article is the same 404 as a missing one.</summary>
[RequireSignIn(Scope = Scopes.ArticlesRead)]
public sealed record GetArticleRequest(long Id) : IQuery<Result<ArticleResponse>>;
