namespace Blog.Features.Common.Http;

/// <summary>
/// Marks an endpoint that signs a user in. The host treats such requests as anonymous and, when they succeed,
/// ends the session the browser came with: every sign-in gets a new session key (no session fixation).
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class StartsSessionAttribute : Attribute;
