using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Blog.Features.GetCurrentUser;
using Blog.Features.Register;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.GetCurrentUser;

public sealed class GetCurrentUserTests : IAsyncLifetime
{
    private readonly FeatureHost _host = new();

    public ValueTask InitializeAsync() => _host.InitializeAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task An_anonymous_caller_is_refused_before_the_handler_runs()
    {
        // The handler would read the anonymous test user's id and throw; the authorization behaviour answers first.
        var result = await _host.SendAsync(new GetCurrentUserRequest());

        result.IsSuccess.Should().BeFalse();
        result.Error.Should().Be(new Error(ErrorKind.Unauthorized, "Sign in to continue."));
    }

    [Fact]
    public async Task A_signed_in_caller_gets_their_user_with_roles()
    {
        var registered = (await _host.SendAsync(new RegisterRequest("Alice", "Alice@Example.com", "correct horse battery staple"))).Value;
        _host.User.SignInAs(registered);

        var result = await _host.SendAsync(new GetCurrentUserRequest());

        result.IsSuccess.Should().BeTrue();
        result.Value.Should().BeEquivalentTo(new UserResponse(registered.Id, "Alice", "Alice@Example.com", ["author"]));
    }

    [Fact]
    public async Task The_roles_come_from_the_database_not_from_the_caller()
    {
        var id = await _host.Database.InsertUserAsync("reader", withAuthorRole: false);
        _host.User.SignIn(id, "reader", "author");

        var result = await _host.SendAsync(new GetCurrentUserRequest());

        result.Value.Should().BeEquivalentTo(new UserResponse(id, "reader", "reader@example.com", []));
    }

    [Fact]
    public async Task A_deactivated_user_is_unauthorized()
    {
        var id = await _host.Database.InsertUserAsync("alice", withAuthorRole: true);
        await _host.Database.ExecuteAsync("UPDATE users SET active = FALSE WHERE id = @Id", new { Id = id });
        _host.User.SignIn(id, "alice", "author");

        var result = await _host.SendAsync(new GetCurrentUserRequest());

        result.Error.Should().Be(new Error(ErrorKind.Unauthorized, "Sign in to continue."));
    }

    [Fact]
    public async Task A_user_that_no_longer_exists_is_unauthorized()
    {
        _host.User.SignIn(4242, "ghost", "author");

        var result = await _host.SendAsync(new GetCurrentUserRequest());

        result.Error!.Kind.Should().Be(ErrorKind.Unauthorized);
    }
}
