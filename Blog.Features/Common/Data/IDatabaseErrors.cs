using System.Data.Common;

namespace Blog.Features.Common.Data;

/// <summary>What a failed statement means, asked in terms every engine shares; each engine answers from its own codes.</summary>
public interface IDatabaseErrors
{
    /// <summary>Whether <paramref name="exception"/> is a unique-index violation on <paramref name="column"/> (<c>table.column</c>).</summary>
    bool IsUniqueViolation(DbException exception, string column);
}
