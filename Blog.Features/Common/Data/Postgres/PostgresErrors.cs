using System.Data.Common;
using System.Net.Sockets;
using Npgsql;

namespace Blog.Features.Common.Data.Postgres;

public sealed class PostgresErrors : IDatabaseErrors
{
    // A UNIQUE column's constraint is named <table>_<column>_key by PostgreSQL.
    public bool IsUniqueViolation(DbException exception, string column) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres
        && postgres.ConstraintName == column.Replace('.', '_') + "_key";

    // No server, a server shutting down or starting, a broken connection: Npgsql calls these transient.
    public bool IsUnavailable(Exception exception) =>
        exception is NpgsqlException { IsTransient: true } or SocketException or TimeoutException
        || (exception.InnerException is { } inner && IsUnavailable(inner));
}
