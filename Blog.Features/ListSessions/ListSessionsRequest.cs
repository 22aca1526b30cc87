using Blog.Features.Common.Pipeline;
using Mediator;

namespace Blog.Features.ListSessions;

/// <summary>The signed-in user's live sessions, most recently active first, the caller's own marked.</summary>
[RequireSignIn]
public sealed record ListSessionsRequest : IQuery<Result<IReadOnlyList<SessionResponse>>>;

/// <summary>The <c>Session</c> of the API contract. <paramref name="Id"/> is its public id, never the cookie's key.</summary>
public sealed record SessionResponse(
    string Id, DateTime CreatedAt, DateTime LastSeenAt, string Device, string? UserAgent, string? IpAddress, bool Current);
