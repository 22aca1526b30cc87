using Blog.Features.Common.Pipeline;
using Mediator;

namespace Blog.Features.AccessTokens.ListAccessTokens;

/// <summary>The signed-in user's access tokens, expired ones included, newest first; never their secrets. Sessions only.</summary>
[RequireSignIn]
public sealed record ListAccessTokensRequest : IQuery<Result<IReadOnlyList<AccessTokenResponse>>>;
