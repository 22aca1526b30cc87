using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Blog.Features.Common.Data;

public static class UniqueViolation
{
    private const int SqliteConstraintUnique = 2067;

    /// <summary>Whether <paramref name="exception"/> is a unique-index violation on <paramref name="column"/> (<c>table.column</c>).</summary>
    public static bool IsOn(DbException exception, string column) =>
        exception is SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique } sqlite
        && sqlite.Message.Contains(column, StringComparison.Ordinal);
}
