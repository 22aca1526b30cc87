using System.Data.Common;

namespace Blog.Features.Common.Data;

/// <summary>Opens ready-to-use connections of the configured engine, one per unit of work, with <c>await using</c>.</summary>
public interface IDbConnectionFactory
{
    /// <summary>The engine behind the connections, for the few statements written in each engine's own dialect.</summary>
    DatabaseProvider Provider { get; }

    /// <summary>A connection for reads.</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A connection for writes. On SQLite the process writes through one such connection at a time, and the next
    /// waits until this one is disposed. Open it for the writing statements only, never around a password hash.
    /// </summary>
    Task<DbConnection> OpenForWriteAsync(CancellationToken cancellationToken);

    /// <summary>Keeps <paramref name="sql"/> compiled for a query that runs on nearly every request.</summary>
    IPreparedQuery Prepare(string sql, params string[] parameterNames);
}
