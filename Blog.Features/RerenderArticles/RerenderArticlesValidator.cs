using FluentValidation;

namespace Blog.Features.RerenderArticles;

internal sealed class RerenderArticlesValidator : AbstractValidator<RerenderArticlesRequest>
{
    public RerenderArticlesValidator() =>
        RuleFor(request => request.BatchSize).InclusiveBetween(1, 10_000).WithMessage("The batch size must be from 1 to 10000.");
}
