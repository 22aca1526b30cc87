using Blog.Features.Common.Articles;
using Blog.Features.Common.Pipeline;
using Blog.Features.GetArticle;
using FluentValidation;

namespace Blog.Features.UpdateArticle;

internal sealed class UpdateArticleValidator : AbstractValidator<UpdateArticleRequest>
{
    public UpdateArticleValidator()
    {
        RuleFor(request => request.Id).GreaterThan(0).WithMessage(GetArticleHandler.NoSuchArticle).AsNotFound();
        RuleFor(request => request.Title).ArticleTitle();
        RuleFor(request => request.Content).ArticleContent();
    }
}
