using Blog.Features.Login;
using FluentValidation.TestHelper;

namespace Blog.Tests.Login;

public sealed class LoginValidatorTests
{
    private readonly LoginValidator _validator = new();

    [Fact]
    public void A_username_or_email_and_a_password_pass()
    {
        _validator.TestValidate(new LoginRequest("alice@example.com", "anything")).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_identifier_is_refused(string usernameOrEmail)
    {
        _validator.TestValidate(new LoginRequest(usernameOrEmail, "anything"))
            .ShouldHaveValidationErrorFor(request => request.UsernameOrEmail)
            .WithErrorMessage("Enter your username or email address.");
    }

    [Fact]
    public void An_empty_password_is_refused()
    {
        _validator.TestValidate(new LoginRequest("alice", ""))
            .ShouldHaveValidationErrorFor(request => request.Password)
            .WithErrorMessage("Enter your password.");
    }

    [Fact]
    public void An_identifier_over_100_characters_and_a_password_over_128_are_refused()
    {
        var result = _validator.TestValidate(new LoginRequest(new string('a', 101), new string('p', 129)));

        result.ShouldHaveValidationErrorFor(request => request.UsernameOrEmail);
        result.ShouldHaveValidationErrorFor(request => request.Password);
        _validator.TestValidate(new LoginRequest(new string('a', 100), new string('p', 128))).ShouldNotHaveAnyValidationErrors();
    }
}
