using Blog.Features.Common.Users;
using FluentValidation;

namespace Blog.Features.DeleteAccount;

internal sealed class DeleteAccountValidator : AbstractValidator<DeleteAccountRequest>
{
    public DeleteAccountValidator() =>
        RuleFor(request => request.Password)
            .NotEmpty().WithMessage("Enter your password.")
            .MaximumLength(PasswordRules.MaxLength).WithMessage($"The password must be at most {PasswordRules.MaxLength} characters.");
}
