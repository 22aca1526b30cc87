using FluentValidation;

namespace Blog.Features.Login;

internal sealed class LoginValidator : AbstractValidator<LoginRequest>
{
    public LoginValidator()
    {
        RuleFor(request => request.UsernameOrEmail)
            .NotEmpty().WithMessage("Enter your username or email address.")
            .MaximumLength(100).WithMessage("The username or email address must be at most 100 characters.");
        RuleFor(request => request.Password)
            .NotEmpty().WithMessage("Enter your password.")
            .MaximumLength(128).WithMessage("The password must be at most 128 characters.");
    }
}
