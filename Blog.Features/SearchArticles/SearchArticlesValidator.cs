using FluentValidation;

namespace Blog.Features.SearchArticles;

internal sealed class SearchArticlesValidator : AbstractValidator<SearchArticlesRequest>
{
    public SearchArticlesValidator()
    {
        // Reported under the query parameters the client sent.
        RuleFor(request => request.Terms)
            .NotNull()
            .WithMessage($"The search must be 1 to {SearchArticlesRequest.MaxQueryLength} characters.")
            .OverridePropertyName(nameof(SearchArticlesRequest.Q));
        RuleFor(request => request.PageSize)
            .NotNull()
            .WithMessage($"The limit must be a whole number from 1 to {ListArticles.ListArticlesRequest.MaxLimit}.")
            .OverridePropertyName(nameof(SearchArticlesRequest.Limit));
        RuleFor(request => request.After)
            .NotNull()
            .When(request => request.Cursor is not null)
            .WithMessage("The cursor must be the nextCursor of a previous page.")
            .DependentRules(() =>
                RuleFor(request => request.After!.SearchKey)
                    .Equal(request => request.Terms!.Key)
                    .When(request => request.After is not null && request.Terms is not null)
                    .WithMessage("The cursor belongs to another search.")
                    .OverridePropertyName(nameof(SearchArticlesRequest.Cursor)))
            .OverridePropertyName(nameof(SearchArticlesRequest.Cursor));
    }
}
