using System.Data.Common;

namespace Blog.Features.Common.Data;

/// <summary>
/// A query that runs on nearly every request, kept compiled by the engine's own means
/// (<see cref="IDbConnectionFactory.Prepare"/>), for the session and access-token look-ups.
/// </summary>
public interface IPreparedQuery : IDisposable
{
    /// <summary>The first row read by <paramref name="read"/>, or <see langword="null"/> when there is none; values bind in parameter order.</summary>
    Task<T?> QueryFirstOrDefaultAsync<T>(Func<DbDataReader, T> read, CancellationToken cancellationToken, params object?[] values)
        where T : class;

    /// <summary>Every row, each read by <paramref name="read"/>; values bind in parameter order.</summary>
    Task<IReadOnlyList<T>> QueryAsync<T>(Func<DbDataReader, T> read, CancellationToken cancellationToken, params object?[] values);
}
