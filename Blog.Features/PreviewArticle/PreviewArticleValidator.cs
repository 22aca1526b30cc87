using Blog.Features.Common.Articles;
using FluentValidation;

namespace Blog.Features.PreviewArticle;

internal sealed class PreviewArticleValidator : AbstractValidator<PreviewArticleRequest>
{
    public PreviewArticleValidator() => RuleFor(request => request.Content).ArticleContent();
}
