using System.Reflection;
using Blog.Features.Common.Users;
using Mediator;

namespace Blog.Features.Common.Pipeline;

/// <summary>
/// Refuses requests whose <see cref="RequireSignInAttribute"/> the current user does not meet, and every request an
/// access token's scopes do not name, whether or not it requires sign-in.
/// </summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(ICurrentUser currentUser) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
    where TResponse : IFailure<TResponse>
{
    // Read once per request type, not per request.
    private static readonly RequireSignInAttribute? Requirement = typeof(TMessage).GetCustomAttribute<RequireSignInAttribute>();

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (currentUser.TokenScopes is { } granted && (Requirement?.Scope is not { } scope || !granted.Contains(scope)))
        {
            return ValueTask.FromResult(TResponse.Failure(Error.InsufficientScope(Requirement?.Scope)));
        }

        if (Requirement is null)
        {
            return next(message, cancellationToken);
        }

        if (!currentUser.IsSignedIn)
        {
            return ValueTask.FromResult(TResponse.Failure(Error.Unauthorized("Sign in to continue.")));
        }

        if (Requirement.Role is { } role && !currentUser.IsInRole(role))
        {
            return ValueTask.FromResult(TResponse.Failure(Error.Forbidden($"This needs the role '{role}'.")));
        }

        return next(message, cancellationToken);
    }
}
