namespace Blog.Features.Common.Users;

/// <summary>Who sends the request. Handlers read it instead of <c>HttpContext</c>, so tests can fake it.</summary>
public interface ICurrentUser
{
    bool IsSignedIn { get; }

    /// <summary>The signed-in user's id; only read it in requests that require sign-in.</summary>
    long Id { get; }

    /// <summary>The signed-in user's username; only read it in requests that require sign-in.</summary>
    string Username { get; }

    /// <summary>The public id of the session the request came with (the one a user sees in their list), or null without one.</summary>
    string? SessionId { get; }

    bool IsInRole(string role);

    /// <summary>
    /// The scopes of the access token the request is authenticated by, or null when a session authenticates it (or
    /// nobody does): a session may do whatever its user may, a token only what its scopes allow.
    /// </summary>
    IReadOnlySet<string>? TokenScopes => null;
}
