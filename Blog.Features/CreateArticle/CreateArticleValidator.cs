using Blog.Features.Common.Articles;
using FluentValidation;

namespace Blog.Features.CreateArticle;

internal sealed class CreateArticleValidator : AbstractValidator<CreateArticleRequest>
{
    public CreateArticleValidator()
    {
        RuleFor(request => request.Title).ArticleTitle();
        RuleFor(request => request.Content).ArticleContent();
    }
}
