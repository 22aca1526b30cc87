using Blog.Features.Common.Articles;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Mediator;

namespace Blog.Features.CreateArticle;

[RequireSignIn(Role = Roles.Author, Scope = Scopes.ArticlesWrite)]
public sealed record CreateArticleRequest(string Title, string Content) : ICommand<Result<ArticleResponse>>;
