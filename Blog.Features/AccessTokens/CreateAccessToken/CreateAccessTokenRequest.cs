using Blog.Features.Common.Pipeline;
using Mediator;

namespace Blog.Features.AccessTokens.CreateAccessToken;

/// <summary>A new access token of the signed-in user. Sessions only: a token never makes tokens.</summary>
[RequireSignIn]
public sealed record CreateAccessTokenRequest(string Name, int ExpiresInDays, IReadOnlyList<string> Scopes) : ICommand<Result<AccessTokenResponse>>
{
    public const int NameMaxLength = 60;
    public const int MaxExpiresInDays = 365;

    /// <summary>Tokens of one user that have not expired; revoked ones are gone.</summary>
    public const int MaxLiveTokens = 20;
}
