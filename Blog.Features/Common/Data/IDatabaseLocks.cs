namespace Blog.Features.Common.Data;

/// <summary>
/// Named locks held across every process that uses the database, for work exactly one of them must do at a time:
/// migrating the schema, creating the first Data Protection key, cleaning up expired rows.
/// </summary>
public interface IDatabaseLocks
{
    /// <summary>Waits for the lock; it is held until the result is disposed.</summary>
    Task<IAsyncDisposable> AcquireAsync(string name, CancellationToken cancellationToken);

    /// <summary>Takes the lock if nobody holds it, else answers <see langword="null"/> at once.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken);
}
