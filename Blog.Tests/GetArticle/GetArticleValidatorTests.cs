using Blog.Features.Common.Pipeline;
using Blog.Features.GetArticle;
using FluentValidation.TestHelper;

namespace Blog.Tests.GetArticle;

public sealed class GetArticleValidatorTests
{
    private readonly GetArticleValidator _validator = new();

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public void An_id_below_1_names_no_article(long id)
    {
        _validator.TestValidate(new GetArticleRequest(id))
            .ShouldHaveValidationErrorFor(request => request.Id)
            .WithErrorCode(NotFoundRule.ErrorCode)
            .WithErrorMessage("No such article.");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(long.MaxValue)]
    public void Positive_ids_pass(long id)
    {
        _validator.TestValidate(new GetArticleRequest(id)).ShouldNotHaveAnyValidationErrors();
    }
}
