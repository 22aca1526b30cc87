using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Mediator;

namespace Blog.Features.PreviewArticle;

/// <summary>Renders content as publishing it would, and stores nothing: what the author previews is what is published.</summary>
[RequireSignIn(Scope = Scopes.ArticlesWrite)]
public sealed record PreviewArticleRequest(string Content) : IQuery<Result<PreviewResponse>>;

public sealed record PreviewResponse(string ContentHtml);
