using Blog.Features.Common.Pipeline;
using Mediator;

namespace Blog.Features.Logout;

/// <summary>Ends the caller's session. Carries nothing: the body is empty or <c>{}</c>; anonymous callers get 204 too.</summary>
public sealed record LogoutRequest : ICommand<Result<Done>>;
