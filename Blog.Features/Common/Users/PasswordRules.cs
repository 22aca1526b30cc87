using FluentValidation;

namespace Blog.Features.Common.Users;

/// <summary>The contract's rules for a new password, whether chosen at registration or in a password change.</summary>
public static class PasswordRules
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    public const string SameAsUsername = "The password must not be the same as the username.";
    public const string SameAsEmail = "The password must not be the same as the email address.";

    /// <summary>Present, 8–128 characters, not on the common-password blocklist (case-insensitively).</summary>
    public static IRuleBuilderOptions<T, string> NewPassword<T>(this IRuleBuilderInitial<T, string> rule, CommonPasswords commonPasswords) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter a password.")
            .Length(MinLength, MaxLength).WithMessage($"The password must be {MinLength} to {MaxLength} characters.")
            .Must(password => !commonPasswords.Contains(password)).WithMessage("This password is too common. Choose another.");

    /// <summary>Whether <paramref name="password"/> is one of the account's own names (compared case-insensitively).</summary>
    public static bool IsName(string password, string usernameOrEmail) =>
        string.Equals(password, usernameOrEmail, StringComparison.OrdinalIgnoreCase);
}
