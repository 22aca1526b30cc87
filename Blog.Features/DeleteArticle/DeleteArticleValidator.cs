using Blog.Features.Common.Pipeline;
using Blog.Features.GetArticle;
using FluentValidation;

namespace Blog.Features.DeleteArticle;

internal sealed class DeleteArticleValidator : AbstractValidator<DeleteArticleRequest>
{
    public DeleteArticleValidator() =>
        RuleFor(request => request.Id).GreaterThan(0).WithMessage(GetArticleHandler.NoSuchArticle).AsNotFound();
}
