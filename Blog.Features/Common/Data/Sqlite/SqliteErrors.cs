using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Blog.Features.Common.Data.Sqlite;

public sealed class SqliteErrors : IDatabaseErrors
{
    private const int SqliteConstraintUnique = 2067;

    // SQLite names the index's columns in the message: "UNIQUE constraint failed: users.username_normalized".
    public bool IsUniqueViolation(DbException exception, string column) =>
        exception is SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique } sqlite
        && sqlite.Message.Contains(column, StringComparison.Ordinal);
}
