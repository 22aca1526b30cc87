using Blog.Features.Common.Pipeline;
using FluentValidation;

namespace Blog.Features.GetArticle;

internal sealed class GetArticleValidator : AbstractValidator<GetArticleRequest>
{
    // Ids start at 1. Any other number names no article: the same 404 as an id that names none, not a 400.
    public GetArticleValidator() =>
        RuleFor(request => request.Id).GreaterThan(0).WithMessage(GetArticleHandler.NoSuchArticle).AsNotFound();
}
