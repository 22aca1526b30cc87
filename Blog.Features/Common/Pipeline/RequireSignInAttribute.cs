namespace Blog.Features.Common.Pipeline;

/// <summary>
/// Declares that a request may only be sent by a signed-in user, optionally in a role.
/// <see cref="AuthorizationBehavior{TMessage, TResponse}"/> enforces it before validation and the handler run.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequireSignInAttribute : Attribute
{
    public string? Role { get; init; }
}
