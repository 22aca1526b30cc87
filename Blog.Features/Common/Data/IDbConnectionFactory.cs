using System.Data.Common;

namespace Blog.Features.Common.Data;

/// <summary>Opens ready-to-use connections (pragmas applied), one per unit of work, with <c>await using</c>.</summary>
public interface IDbConnectionFactory
{
    /// <summary>A connection for reads.</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A connection for writes: the process writes through one such connection at a time, and the next waits
    /// until this one is disposed. Open it for the writing statements only, never around a password hash.
    /// </summary>
    Task<DbConnection> OpenForWriteAsync(CancellationToken cancellationToken);
}
