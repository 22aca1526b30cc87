namespace Blog.Tests.Infrastructure;

/// <summary>A clock the test moves by hand: session timeouts and lockouts without waiting.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 11, 26, 22, 44, 10, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
