using System.Data.Common;

namespace Blog.Features.Common;

/// <summary>Opens a ready-to-use connection (pragmas applied). Handlers open one per request with <c>await using</c>.</summary>
public interface IDbConnectionFactory
{
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);
}
