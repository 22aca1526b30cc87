using System.Diagnostics;
using System.Threading.RateLimiting;
using Blog.Features.Common.Data;
using Dapper;

namespace Blog.Api.Infrastructure.Security;

/// <summary>
/// A fixed window of one partition, counted in the database (<c>rate_limit_windows</c>), so that every instance on the
/// database counts toward one limit. It plugs into ASP.NET Core's rate limiter: the middleware first asks
/// synchronously, which this answers "not yet", and then asynchronously, which counts the request in one atomic write.
/// </summary>
public sealed class DatabaseWindowLimiter(string partition, int permitLimit, TimeSpan window, IDbConnectionFactory database, TimeProvider clock) : RateLimiter
{
    // Counts this request in the current window, or opens a new window when the last one has ended.
    private const string CountSql = """
        INSERT INTO rate_limit_windows (partition_key, requests, ends_at) VALUES (@Partition, 1, @NewEnd)
        ON CONFLICT (partition_key) DO UPDATE SET
            requests = CASE WHEN rate_limit_windows.ends_at <= @Now THEN 1 ELSE rate_limit_windows.requests + 1 END,
            ends_at = CASE WHEN rate_limit_windows.ends_at <= @Now THEN @NewEnd ELSE rate_limit_windows.ends_at END
        RETURNING requests AS Requests, ends_at AS EndsAt
        """;

    private long _lastUsed = Stopwatch.GetTimestamp();

    // Lets the partitioned limiter drop this object once the partition falls quiet; the count lives in the database.
    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.NotYet;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
        var now = clock.GetUtcNow().UtcDateTime;
        Window counted;
        await using (var connection = await database.OpenForWriteAsync(cancellationToken))
        {
            counted = await connection.QuerySingleAsync<Window>(CountSql, new { Partition = partition, Now = now, NewEnd = now + window });
        }

        return counted.Requests <= permitLimit ? Lease.Granted : new Lease(false, counted.EndsAt - now);
    }

    private sealed class Window
    {
        public int Requests { get; init; }

        public DateTime EndsAt { get; init; }
    }

    private sealed class Lease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);
        public static readonly Lease NotYet = new(false, null);

        public override bool IsAcquired => isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
