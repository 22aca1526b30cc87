using Blog.Api.Infrastructure.Database;
using Blog.Features.Common.Data;
using Blog.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Blog.Tests.Data;

/// <summary>Neither sessions nor sign-in attempt counts grow without bound.</summary>
public sealed class ExpiredRowCleanupTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly TestClock _clock = new();

    public async ValueTask InitializeAsync()
    {
        await _database.MigrateAsync();
        var user = await _database.InsertUserAsync("alice");
        await _database.ExecuteAsync(
            """
            INSERT INTO sessions (id, public_id, user_id, ticket, expires_at, absolute_expires_at, created_at, last_seen_at) VALUES
                ('idle', 'p1', @user, @ticket, '2026-11-26T20:00:00.0000000Z', '2026-12-01T00:00:00.0000000Z', @seen, @seen),
                ('old', 'p2', @user, @ticket, '2026-11-27T00:00:00.0000000Z', '2026-11-26T22:00:00.0000000Z', @seen, @seen),
                ('live', 'p3', @user, @ticket, '2026-11-27T00:00:00.0000000Z', '2026-12-01T00:00:00.0000000Z', @seen, @seen);
            INSERT INTO login_failures (identifier, attempts, locked_until, expires_at) VALUES
                ('LOCK OVER', 5, '2026-11-26T22:40:00.0000000Z', '2026-11-26T22:40:00.0000000Z'),
                ('FORGOTTEN', 2, NULL, '2026-11-26T22:30:00.0000000Z'),
                ('LOCKED', 5, '2026-11-26T22:48:00.0000000Z', '2026-11-26T22:48:00.0000000Z'),
                ('COUNTING', 2, NULL, '2026-11-26T22:47:00.0000000Z');
            """,
            new { user, ticket = new byte[] { 0 }, seen = new DateTime(2026, 11, 26, 18, 0, 0, DateTimeKind.Utc) });
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Deletes_expired_sessions_and_forgotten_attempt_counts_and_keeps_the_rest()
    {
        await new ExpiredRowCleanup(_database.Factory, _database.GetRequiredService<IDatabaseLocks>(), _clock, NullLogger<ExpiredRowCleanup>.Instance).DeleteExpiredAsync(CancellationToken.None);

        (await _database.QueryAsync<string>("SELECT id FROM sessions")).Should().BeEquivalentTo("live");
        (await _database.QueryAsync<string>("SELECT identifier FROM login_failures")).Should().BeEquivalentTo("LOCKED", "COUNTING");
    }

    [Fact]
    public async Task While_another_instance_cleans_this_one_skips_the_round()
    {
        var locks = _database.GetRequiredService<IDatabaseLocks>();
        await using (await locks.AcquireAsync("expired-rows-cleanup", CancellationToken.None))
        {
            await new ExpiredRowCleanup(_database.Factory, locks, _clock, NullLogger<ExpiredRowCleanup>.Instance).DeleteExpiredAsync(CancellationToken.None);
        }

        (await _database.ScalarAsync<long>("SELECT COUNT(*) FROM sessions")).Should().Be(3);
    }
}
