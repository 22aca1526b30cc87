using Blog.Api.Infrastructure.Sessions;
using Blog.Features.Common.Users;
using Blog.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Blog.Tests.Sessions;

/// <summary>A session key is only ever good for the user it was stored for.</summary>
public sealed class DatabaseTicketStoreTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private DatabaseTicketStore _store = null!;
    private long _alice;
    private long _mallory;

    public async ValueTask InitializeAsync()
    {
        await _database.MigrateAsync();
        _alice = await _database.InsertUserAsync("alice");
        _mallory = await _database.InsertUserAsync("mallory");
        _store = new DatabaseTicketStore(_database.Factory, Options.Create(new SessionOptions()), new TestClock());
    }

    public async ValueTask DisposeAsync()
    {
        _store.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Renewing_a_key_with_another_users_ticket_changes_nothing()
    {
        var key = await _store.StoreAsync(Ticket(_mallory, "mallory"));

        await _store.RenewAsync(key, Ticket(_alice, "alice"));

        var ticket = await _store.RetrieveAsync(key);
        SessionClaims.UserId(ticket!.Principal).Should().Be(_mallory);
        (await _database.ScalarAsync<long>("SELECT user_id FROM sessions WHERE id = @key", new { key })).Should().Be(_mallory);
    }

    [Fact]
    public async Task A_row_whose_user_is_not_the_tickets_retrieves_nothing()
    {
        var key = await _store.StoreAsync(Ticket(_mallory, "mallory"));
        await _database.ExecuteAsync("UPDATE sessions SET user_id = @_alice WHERE id = @key", new { _alice, key });

        (await _store.RetrieveAsync(key)).Should().BeNull();
    }

    private static AuthenticationTicket Ticket(long id, string username) =>
        new(SessionClaims.For(new UserResponse(id, username, $"{username}@example.com", [Roles.Author])), CookieAuthenticationDefaults.AuthenticationScheme);
}
