using Blog.Features.Common;
using Mediator;

namespace Blog.Features.CreateArticle;

[RequireSignIn(Role = Roles.Author)]
public sealed record CreateArticleRequest(string Title, string Content) : ICommand<Result<ArticleResponse>>;
