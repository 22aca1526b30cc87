using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Mediator;

namespace Blog.Features.Login;

public sealed record LoginRequest(string UsernameOrEmail, string Password) : ICommand<Result<UserResponse>>
{
    // Keeps the password out of logs and debugger views.
    public override string ToString() => $"{nameof(LoginRequest)} {{ UsernameOrEmail = {UsernameOrEmail} }}";
}
