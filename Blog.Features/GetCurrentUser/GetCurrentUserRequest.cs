using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Mediator;

namespace Blog.Features.GetCurrentUser;

[RequireSignIn]
public sealed record GetCurrentUserRequest : IQuery<Result<UserResponse>>;
