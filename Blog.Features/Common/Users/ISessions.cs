namespace Blog.Features.Common.Users;

/// <summary>
/// The browser session, as the endpoints that start and end it see it. The host keeps it (cookie, server-side
/// session row, claims, XSRF token); slices only say what should happen.
/// </summary>
public interface ISessions
{
    /// <summary>Signs <paramref name="user"/> in under a new session key, ends the session the request came with, and issues an XSRF token for the new identity.</summary>
    Task StartAsync(UserResponse user);

    /// <summary>
    /// Moves the request's session under a new key (a new cookie) and issues a new XSRF token; the old key stops
    /// working at once. The session stays the same one otherwise: its public id, start and device.
    /// </summary>
    Task ContinueUnderNewKeyAsync();

    /// <summary>Ends the request's session on the server, expires its cookie and issues an anonymous XSRF token.</summary>
    Task EndAsync();

    /// <summary>Issues a fresh XSRF token for the caller's current identity.</summary>
    void IssueXsrfToken();
}
