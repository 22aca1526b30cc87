using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Mediator;

namespace Blog.Features.Register;

public sealed record RegisterRequest(string Username, string Email, string Password) : ICommand<Result<UserResponse>>
{
    // Keeps the password out of logs and debugger views.
    public override string ToString() => $"{nameof(RegisterRequest)} {{ Username = {Username}, Email = {Email} }}";
}
