using Blog.Features.Common.Users;
using Blog.Features.Register;
using FluentValidation.TestHelper;

namespace Blog.Tests.Register;

public sealed class RegisterValidatorTests
{
    private const string UsernameFormat = "The username may contain letters, digits, '.', '_' and '-', and must start and end with a letter or digit.";
    private const string UsernameLength = "The username must be 3 to 32 characters.";
    private const string PasswordLength = "The password must be 8 to 128 characters.";

    // The blocklist is read once: it is the same for every test.
    private static readonly CommonPasswords Blocklist = new();

    private readonly RegisterValidator _validator = new(Blocklist);

    [Fact]
    public void A_well_formed_request_passes()
    {
        _validator.TestValidate(Valid()).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("a.b")]
    [InlineData("A_1-z")]
    [InlineData("john.doe_99")]
    [InlineData("123")]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345")]
    public void Usernames_of_3_to_32_letters_digits_dots_underscores_and_hyphens_pass(string username)
    {
        _validator.TestValidate(Valid() with { Username = username }).ShouldNotHaveValidationErrorFor(request => request.Username);
    }

    [Theory]
    [InlineData("", "Enter a username.")]
    [InlineData("   ", "Enter a username.")]
    [InlineData("ab", UsernameLength)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", UsernameLength)]
    [InlineData(".abc", UsernameFormat)]
    [InlineData("abc.", UsernameFormat)]
    [InlineData("_abc", UsernameFormat)]
    [InlineData("abc-", UsernameFormat)]
    [InlineData("al ice", UsernameFormat)]
    [InlineData("alice@example", UsernameFormat)]
    [InlineData("ali+ce", UsernameFormat)]
    [InlineData("alicé", UsernameFormat)]
    [InlineData("alice\n", UsernameFormat)]
    public void Usernames_breaking_the_rules_are_refused(string username, string message)
    {
        _validator.TestValidate(Valid() with { Username = username })
            .ShouldHaveValidationErrorFor(request => request.Username)
            .WithErrorMessage(message);
    }

    [Fact]
    public void An_email_of_100_characters_passes_and_one_of_101_is_refused()
    {
        var hundred = new string('a', 100 - "@example.com".Length) + "@example.com";

        _validator.TestValidate(Valid() with { Email = hundred }).ShouldNotHaveValidationErrorFor(request => request.Email);
        _validator.TestValidate(Valid() with { Email = "a" + hundred })
            .ShouldHaveValidationErrorFor(request => request.Email)
            .WithErrorMessage("The email address must be at most 100 characters.");
    }

    [Theory]
    [InlineData("", "Enter an email address.")]
    [InlineData("alice", "Enter a valid email address.")]
    [InlineData("alice@", "Enter a valid email address.")]
    [InlineData("@example.com", "Enter a valid email address.")]
    [InlineData("alice@example", "Enter a valid email address.")]
    [InlineData("alice@@example.com", "Enter a valid email address.")]
    [InlineData("al ice@example.com", "Enter a valid email address.")]
    [InlineData("alice@example.com\n", "Enter a valid email address.")]
    public void Invalid_email_addresses_are_refused(string email, string message)
    {
        _validator.TestValidate(Valid() with { Email = email })
            .ShouldHaveValidationErrorFor(request => request.Email)
            .WithErrorMessage(message);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(128)]
    public void Passwords_of_8_to_128_characters_pass(int length)
    {
        _validator.TestValidate(Valid() with { Password = Uncommon(length) }).ShouldNotHaveValidationErrorFor(request => request.Password);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(129)]
    public void Passwords_shorter_than_8_or_longer_than_128_characters_are_refused(int length)
    {
        _validator.TestValidate(Valid() with { Password = Uncommon(length) })
            .ShouldHaveValidationErrorFor(request => request.Password)
            .WithErrorMessage(PasswordLength);
    }

    [Fact]
    public void A_password_needs_no_composition_rules()
    {
        _validator.TestValidate(Valid() with { Password = "zebras eat purple clouds" }).ShouldNotHaveValidationErrorFor(request => request.Password);
    }

    [Theory]
    [InlineData("password")]
    [InlineData("Password123")]
    [InlineData("QWERTYUIOP")]
    public void Common_passwords_are_refused_whatever_their_case(string password)
    {
        _validator.TestValidate(Valid() with { Password = password })
            .ShouldHaveValidationErrorFor(request => request.Password)
            .WithErrorMessage("This password is too common. Choose another.");
    }

    [Fact]
    public void Every_invalid_field_is_reported_at_once_one_message_each()
    {
        var result = _validator.TestValidate(new RegisterRequest("x", "y", "z"));

        result.Errors.Select(error => error.PropertyName).Should().Equal("Username", "Email", "Password");
    }

    private static RegisterRequest Valid() => new("alice", "alice@example.com", "correct horse battery staple");

    private static string Uncommon(int length) => string.Concat(Enumerable.Repeat("zq7#", (length / 4) + 1))[..length];
}
