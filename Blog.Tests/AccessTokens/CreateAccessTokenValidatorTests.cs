using Blog.Features.AccessTokens.CreateAccessToken;
using Blog.Features.Common.Users;
using FluentValidation.TestHelper;

namespace Blog.Tests.AccessTokens;

public sealed class CreateAccessTokenValidatorTests
{
    private readonly CreateAccessTokenValidator _validator = new();

    [Theory]
    [InlineData("a")]
    [InlineData("  a 60-character name is the longest one there can be .......  ")]
    public void A_name_of_1_to_60_characters_after_trimming_is_valid(string name) =>
        _validator.TestValidate(new CreateAccessTokenRequest(name, 1, [Scopes.ArticlesRead])).ShouldNotHaveAnyValidationErrors();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a 61-character name is one character longer than there can be")]
    public void Other_names_are_invalid(string? name) =>
        _validator.TestValidate(new CreateAccessTokenRequest(name!, 1, [Scopes.ArticlesRead])).ShouldHaveValidationErrorFor(request => request.Name);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(366)]
    public void An_expiry_outside_1_to_365_days_is_invalid(int days) =>
        _validator.TestValidate(new CreateAccessTokenRequest("ci", days, [Scopes.ArticlesRead])).ShouldHaveValidationErrorFor(request => request.ExpiresInDays);

    [Fact]
    public void Scopes_must_be_a_non_empty_set_of_known_scopes()
    {
        _validator.TestValidate(new CreateAccessTokenRequest("ci", 1, null!)).ShouldHaveValidationErrorFor(request => request.Scopes).WithErrorMessage("Choose at least one scope.");
        _validator.TestValidate(new CreateAccessTokenRequest("ci", 1, [])).ShouldHaveValidationErrorFor(request => request.Scopes).WithErrorMessage("Choose at least one scope.");
        _validator.TestValidate(new CreateAccessTokenRequest("ci", 1, ["articles:admin"])).ShouldHaveValidationErrorFor(request => request.Scopes);
        _validator.TestValidate(new CreateAccessTokenRequest("ci", 1, [Scopes.ArticlesRead, Scopes.ArticlesRead]))
            .ShouldHaveValidationErrorFor(request => request.Scopes).WithErrorMessage("Name each scope once.");
        _validator.TestValidate(new CreateAccessTokenRequest("ci", 365, [Scopes.ArticlesWrite, Scopes.ArticlesRead])).ShouldNotHaveAnyValidationErrors();
    }
}
