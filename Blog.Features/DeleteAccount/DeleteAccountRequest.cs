using Blog.Features.Common.Pipeline;
using Mediator;

namespace Blog.Features.DeleteAccount;

/// <summary>
/// The signed-in user deletes their account: the user, their articles, sessions, tokens and sign-in counts. The
/// password is asked again; a wrong one counts toward the account's sign-in lockout.
/// </summary>
[RequireSignIn]
public sealed record DeleteAccountRequest(string Password) : ICommand<Result<Done>>
{
    // Keeps the password out of logs and debugger views.
    public override string ToString() => nameof(DeleteAccountRequest);
}
