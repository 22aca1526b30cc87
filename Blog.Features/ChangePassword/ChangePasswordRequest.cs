using Blog.Features.Common.Pipeline;
using Mediator;

namespace Blog.Features.ChangePassword;

/// <summary>
/// The signed-in user replaces their password. Every other session of theirs ends; the endpoint moves this one under
/// a new key. A wrong <paramref name="CurrentPassword"/> counts toward the account's sign-in lockout.
/// </summary>
[RequireSignIn]
public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword) : ICommand<Result<Done>>
{
    // Keeps the passwords out of logs and debugger views.
    public override string ToString() => nameof(ChangePasswordRequest);
}
