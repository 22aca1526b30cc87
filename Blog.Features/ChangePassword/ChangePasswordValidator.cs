using Blog.Features.Common.Users;
using FluentValidation;

namespace Blog.Features.ChangePassword;

/// <summary>
/// The rules that need no account: the new password's own (as at registration) and that it differs from the current
/// one. Comparing the two fields tells nothing about the stored password, so it is safe before the check that counts.
/// </summary>
internal sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordRequest>
{
    public const string Unchanged = "The new password must differ from the current one.";

    public ChangePasswordValidator(CommonPasswords commonPasswords)
    {
        RuleFor(request => request.CurrentPassword)
            .NotEmpty().WithMessage("Enter your current password.")
            .MaximumLength(PasswordRules.MaxLength).WithMessage($"The password must be at most {PasswordRules.MaxLength} characters.");
        RuleFor(request => request.NewPassword)
            .NewPassword(commonPasswords)
            .Must((request, password) => password != request.CurrentPassword).WithMessage(Unchanged);
    }
}
