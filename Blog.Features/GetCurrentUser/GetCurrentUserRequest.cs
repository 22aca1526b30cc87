using Blog.Features.Common.Pipeline;
using Mediator;

namespace Blog.Features.GetCurrentUser;

[RequireSignIn]
public sealed record GetCurrentUserRequest : IQuery<Result<UserResponse>>;
