using Blog.Features.Common.Pipeline;
using Mediator;

namespace Blog.Features.EndOtherSessions;

/// <summary>Ends every session of the signed-in user but the caller's. Carries nothing: the body is empty or <c>{}</c>.</summary>
[RequireSignIn]
public sealed record EndOtherSessionsRequest : ICommand<Result<Done>>;
