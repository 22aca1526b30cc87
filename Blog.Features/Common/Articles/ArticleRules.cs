using FluentValidation;

namespace Blog.Features.Common.Articles;

/// <summary>The rules of an article's fields, the same wherever a title or content is written or previewed.</summary>
public static class ArticleRules
{
    public const int TitleMaxLength = 120;
    public const int ContentMinLength = 10;
    public const int ContentMaxLength = 10_000;

    public static IRuleBuilderOptions<T, string> ArticleTitle<T>(this IRuleBuilderInitial<T, string> title) =>
        title
            .Cascade(CascadeMode.Stop)
            .Must(value => !string.IsNullOrWhiteSpace(value)).WithMessage("Enter a title.")
            .Must(value => value.Trim().Length <= TitleMaxLength).WithMessage($"The title must be at most {TitleMaxLength} characters.");

    public static IRuleBuilderOptions<T, string> ArticleContent<T>(this IRuleBuilderInitial<T, string> content) =>
        content
            .Cascade(CascadeMode.Stop)
            .Must(value => !string.IsNullOrWhiteSpace(value)).WithMessage("Enter the content.")
            .Length(ContentMinLength, ContentMaxLength)
            .WithMessage($"The content must be {ContentMinLength} to {ContentMaxLength} characters.");
}
