namespace Blog.Features.Common.Data;

public static class Timestamps
{
    /// <summary>Now, in UTC, to the whole second: the precision the API answers (<c>2026-11-26T22:44:10Z</c>).</summary>
    public static DateTime Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
    }
}
