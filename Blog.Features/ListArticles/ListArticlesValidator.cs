using System.Globalization;
using FluentValidation;

namespace Blog.Features.ListArticles;

internal sealed class ListArticlesValidator : AbstractValidator<ListArticlesRequest>
{
    public ListArticlesValidator()
    {
        RuleFor(request => request.Limit)
            .Must(limit => limit is null || TryParseLimit(limit, out _))
            .WithMessage($"The limit must be a whole number from 1 to {ListArticlesRequest.MaxLimit}.");
        RuleFor(request => request.Cursor)
            .Must(cursor => cursor is null || TryParseCursor(cursor, out _))
            .WithMessage("The cursor must be the nextCursor of a previous page.");
    }

    public static bool TryParseLimit(string limit, out int value) =>
        int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value is >= 1 and <= ListArticlesRequest.MaxLimit;

    // The cursor is the id of the last article of the previous page; clients treat it as opaque.
    public static bool TryParseCursor(string cursor, out long value) =>
        long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;
}
