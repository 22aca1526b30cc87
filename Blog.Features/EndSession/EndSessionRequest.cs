using Blog.Features.Common.Pipeline;
using Mediator;

namespace Blog.Features.EndSession;

/// <summary>Ends one of the signed-in user's sessions by its public id. Another user's session is the same 404 as none.</summary>
[RequireSignIn]
public sealed record EndSessionRequest(string Id) : ICommand<Result<EndedSession>>;

/// <summary>Whether the session ended was the caller's own: then the endpoint signs out as a logout does.</summary>
public sealed record EndedSession(bool WasCurrent);
