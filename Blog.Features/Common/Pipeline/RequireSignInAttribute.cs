namespace Blog.Features.Common.Pipeline;

/// <summary>
/// Declares that a request may only be sent by a signed-in user, optionally in a role.
/// <see cref="AuthorizationBehavior{TMessage, TResponse}"/> enforces it before validation and the handler run.
/// An access token may send only the requests that name a <see cref="Scope"/> it holds; every other request is for
/// sessions alone.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequireSignInAttribute : Attribute
{
    public string? Role { get; init; }

    /// <summary>The access-token scope (<see cref="Users.Scopes"/>) that lets a token send the request.</summary>
    public string? Scope { get; init; }
}
