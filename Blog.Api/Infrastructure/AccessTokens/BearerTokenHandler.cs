using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Blog.Api.Infrastructure.Security;
using Blog.Api.Infrastructure.Sessions;
using Blog.Features.Common.Http;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Blog.Api.Infrastructure.AccessTokens;

/// <summary>
/// Authenticates <c>Authorization: Bearer blog_pat_...</c> by the token's hash. A token that does not authenticate ends
/// the request here, before any endpoint or filter: 401 with <c>WWW-Authenticate: Bearer error="invalid_token"</c>, or
/// 429 once the client's address has failed too often. What a valid token may do is the authorization behaviour's
/// business, through its scopes on <see cref="ICurrentUser"/>.
/// </summary>
public sealed partial class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    AccessTokenStore store) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder), IAuthenticationRequestHandler
{
    private ErrorResult? _refusal;

    /// <summary>Runs before the default authentication; the result it computes is the one the default scheme then gets.</summary>
    public async Task<bool> HandleRequestAsync()
    {
        if (!AccessTokenAuthentication.IsPresented(Request) || (await AuthenticateAsync()).Succeeded)
        {
            return false;
        }

        if (_refusal!.Error.Kind == ErrorKind.Unauthorized)
        {
            Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        }

        await _refusal.ExecuteAsync(Context);
        return true;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = PresentedSecret();
        if (secret is null || !AccessTokenSecret.IsWellFormed(secret))
        {
            return await FailAsync("malformed", tokenId: null);
        }

        var token = await store.FindAsync(secret, Context.RequestAborted);
        var reason = token switch
        {
            null => "unknown or revoked",
            { Live: false } => "expired",
            { UserActive: false } => "account disabled",
            _ => null,
        };
        if (reason is not null)
        {
            return await FailAsync(reason, token?.Id);
        }

        if (token!.LastUseStale)
        {
            await store.TouchAsync(token.Id, Context.RequestAborted);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(SessionClaims.ForAccessToken(token.User, token.Scopes), Scheme.Name));
    }

    // One header, the scheme, then the secret; anything else is not a token this API issued.
    private string? PresentedSecret()
    {
        var authorization = Request.Headers.Authorization;
        return authorization.Count == 1 && authorization[0]!.Length > Scheme.Name.Length
            ? authorization[0]![(Scheme.Name.Length + 1)..].Trim()
            : null;
    }

    private async Task<AuthenticateResult> FailAsync(string reason, long? tokenId)
    {
        var address = Context.Connection.RemoteIpAddress?.ToString();
        using var lease = await RateLimits.CountBearerFailureAsync(Context);
        if (lease.IsAcquired)
        {
            LogFailed(Logger, reason, tokenId, address);
            _refusal = new ErrorResult(Error.Unauthorized("The access token is not valid: unknown, expired or revoked, or its account is disabled."));
        }
        else
        {
            LogRateLimited(Logger, address);
            TimeSpan? retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;
            _refusal = new ErrorResult(Error.RateLimited("Too many failed access-token authentications. Try again later.", retryAfter));
        }

        return AuthenticateResult.Fail(reason);
    }

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Bearer authentication failed ({Reason}), token {TokenId}, from {RemoteAddress}")]
    private static partial void LogFailed(ILogger logger, string reason, long? tokenId, string? remoteAddress);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Bearer authentication refused from {RemoteAddress}: too many failures")]
    private static partial void LogRateLimited(ILogger logger, string? remoteAddress);
}
