using FluentValidation;

namespace Blog.Features.ListArticles;

internal sealed class ListArticlesValidator : AbstractValidator<ListArticlesRequest>
{
    public ListArticlesValidator()
    {
        // Reported under the query parameter the client sent, not the value read from it.
        RuleFor(request => request.PageSize)
            .NotNull()
            .WithMessage($"The limit must be a whole number from 1 to {ListArticlesRequest.MaxLimit}.")
            .OverridePropertyName(nameof(ListArticlesRequest.Limit));
        RuleFor(request => request.Before)
            .NotNull()
            .WithMessage("The cursor must be the nextCursor of a previous page.")
            .OverridePropertyName(nameof(ListArticlesRequest.Cursor));
    }
}
