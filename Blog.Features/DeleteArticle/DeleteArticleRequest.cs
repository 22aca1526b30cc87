using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Mediator;

namespace Blog.Features.DeleteArticle;

/// <summary>
/// Deletes one of the caller's own articles; when <paramref name="IfMatch"/> (the <c>If-Match</c> header as sent) is
/// given, only if it names the current version.
/// </summary>
[RequireSignIn(Role = Roles.Author, Scope = Scopes.ArticlesWrite)]
public sealed record DeleteArticleRequest(long Id, string? IfMatch) : ICommand<Result<Done>>;
