using Blog.Features.Common.Pipeline;
using Mediator;

namespace Blog.Features.AccessTokens.RevokeAccessToken;

/// <summary>Deletes one of the signed-in user's access tokens: its next request is 401. Another user's is the same 404 as a missing one.</summary>
[RequireSignIn]
public sealed record RevokeAccessTokenRequest(long Id) : ICommand<Result<Done>>;
