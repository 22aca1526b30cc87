using Blog.Features.CreateArticle;
using FluentValidation.TestHelper;

namespace Blog.Tests.CreateArticle;

public sealed class CreateArticleValidatorTests
{
    private readonly CreateArticleValidator _validator = new();

    [Theory]
    [InlineData(1)]
    [InlineData(120)]
    public void Titles_of_1_to_120_characters_pass(int length)
    {
        _validator.TestValidate(new CreateArticleRequest(new string('t', length), "Ten chars!")).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void The_title_length_is_measured_after_trimming()
    {
        _validator.TestValidate(new CreateArticleRequest($" \t{new string('t', 120)}\n ", "Ten chars!")).ShouldNotHaveAnyValidationErrors();
        _validator.TestValidate(new CreateArticleRequest($" {new string('t', 121)} ", "Ten chars!"))
            .ShouldHaveValidationErrorFor(request => request.Title)
            .WithErrorMessage("The title must be at most 120 characters.");
    }

    [Fact]
    public void Content_is_measured_as_sent_and_must_not_be_only_white_space()
    {
        _validator.TestValidate(new CreateArticleRequest("T", "          ")).ShouldHaveValidationErrorFor(request => request.Content)
            .WithErrorMessage("Enter the content.");
        _validator.TestValidate(new CreateArticleRequest("T", "   x      ")).ShouldNotHaveValidationErrorFor(request => request.Content);
    }
}
