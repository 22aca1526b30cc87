using Blog.Features;
using Blog.Features.Common.Users;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Tests.Infrastructure;

/// <summary>
/// The use cases as the API runs them (the source-generated mediator with its authorization and validation
/// behaviours, real handlers, a real SQLite file), without HTTP: the caller is a <see cref="TestUser"/>.
/// </summary>
public sealed class FeatureHost : IAsyncLifetime
{
    private ServiceProvider? _services;

    public TestDatabase Database { get; } = new();

    public TestUser User { get; } = new();

    public TestClock Clock { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Database.MigrateAsync();
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(Clock)
            .AddBlogFeatures(TestDatabase.Provider, Database.ConnectionString, Database.Folder)
            .AddSingleton<ICurrentUser>(User)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request)
    {
        await using var scope = _services!.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(request);
    }

    public async Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command)
    {
        await using var scope = _services!.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    public async Task<TResponse> SendAsync<TResponse>(IQuery<TResponse> query)
    {
        await using var scope = _services!.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    public T GetRequiredService<T>() where T : notnull => _services!.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}

/// <summary>The caller of a <see cref="FeatureHost"/> request: anonymous until signed in.</summary>
public sealed class TestUser : ICurrentUser
{
    private string[] _roles = [];
    private long? _id;
    private string? _username;
    private HashSet<string>? _tokenScopes;

    public bool IsSignedIn => _id is not null;

    public long Id => _id ?? throw new InvalidOperationException("The test user is anonymous.");

    public string Username => _username ?? throw new InvalidOperationException("The test user is anonymous.");

    public string? SessionId { get; set; }

    public bool IsInRole(string role) => _roles.Contains(role);

    public IReadOnlySet<string>? TokenScopes => _tokenScopes;

    public void SignIn(long id, string username, params string[] roles)
    {
        _id = id;
        _username = username;
        _roles = roles;
        _tokenScopes = null;
    }

    /// <summary>Signs in as an access token of the user would: with its scopes.</summary>
    public void SignInWithToken(long id, string username, string[] roles, params string[] scopes)
    {
        SignIn(id, username, roles);
        _tokenScopes = [.. scopes];
    }

    public void SignInAs(UserResponse user) => SignIn(user.Id, user.Username, [.. user.Roles]);

    public void SignOut()
    {
        _id = null;
        _username = null;
        _roles = [];
        SessionId = null;
        _tokenScopes = null;
    }
}
