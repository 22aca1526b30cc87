using Blog.Features.Common;
using Mediator;

namespace Blog.Features.GetCurrentUser;

[RequireSignIn]
public sealed record GetCurrentUserRequest : IQuery<Result<UserResponse>>;
