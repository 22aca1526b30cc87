using Blog.Features.Common.Pipeline;
using Mediator;

namespace Blog.Features.SetAccountActive;

/// <summary>
/// An operator deactivates or reactivates an account by its username (the <c>users deactivate|reactivate NAME</c>
/// command of the host; there is no HTTP endpoint). Deactivation ends every session of the user.
/// </summary>
public sealed record SetAccountActiveRequest(string Username, bool Active) : ICommand<Result<Done>>;
