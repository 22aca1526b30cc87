using Blog.Features.Common.Users;
using FluentValidation;

namespace Blog.Features.Register;

internal sealed class RegisterValidator : AbstractValidator<RegisterRequest>
{
    public RegisterValidator(CommonPasswords commonPasswords)
    {
        RuleFor(request => request.Username)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter a username.")
            .Length(UserRules.UsernameMinLength, UserRules.UsernameMaxLength)
            .WithMessage($"The username must be {UserRules.UsernameMinLength} to {UserRules.UsernameMaxLength} characters.")
            .Matches(UserRules.UsernamePattern)
            .WithMessage("The username may contain letters, digits, '.', '_' and '-', and must start and end with a letter or digit.");

        RuleFor(request => request.Email)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter an email address.")
            .MaximumLength(UserRules.EmailMaxLength).WithMessage($"The email address must be at most {UserRules.EmailMaxLength} characters.")
            .Matches(UserRules.EmailPattern).WithMessage("Enter a valid email address.");

        RuleFor(request => request.Password)
            .NewPassword(commonPasswords)
            .Must((request, password) => !PasswordRules.IsName(password, request.Username)).WithMessage(PasswordRules.SameAsUsername)
            .Must((request, password) => !PasswordRules.IsName(password, request.Email)).WithMessage(PasswordRules.SameAsEmail);
    }
}

/// <summary>The register rules of the API contract (the client mirrors them in its form).</summary>
internal static class UserRules
{
    public const int UsernameMinLength = 3;
    public const int UsernameMaxLength = 32;
    public const string UsernamePattern = @"^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?\z";
    public const int EmailMaxLength = 100;
    public const string EmailPattern = @"^[^@\s]+@[^@\s]+\.[^@\s]+\z";
}
