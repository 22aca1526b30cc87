using FluentValidation;

namespace Blog.Features.CreateArticle;

internal sealed class CreateArticleValidator : AbstractValidator<CreateArticleRequest>
{
    public const int TitleMaxLength = 120;
    public const int ContentMinLength = 10;
    public const int ContentMaxLength = 10_000;

    public CreateArticleValidator()
    {
        RuleFor(request => request.Title)
            .Cascade(CascadeMode.Stop)
            .Must(title => !string.IsNullOrWhiteSpace(title)).WithMessage("Enter a title.")
            .Must(title => title.Trim().Length <= TitleMaxLength).WithMessage($"The title must be at most {TitleMaxLength} characters.");

        RuleFor(request => request.Content)
            .Cascade(CascadeMode.Stop)
            .Must(content => !string.IsNullOrWhiteSpace(content)).WithMessage("Enter the content.")
            .Length(ContentMinLength, ContentMaxLength)
            .WithMessage($"The content must be {ContentMinLength} to {ContentMaxLength} characters.");
    }
}
