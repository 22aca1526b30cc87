namespace Blog.Features.Common.Pipeline;

public enum ErrorKind
{
    Validation,
    Unauthorized,
    Forbidden,

    /// <summary>Refused to an access token: the request needs a scope the token lacks, or a session.</summary>
    InsufficientScope,
    NotFound,
    Conflict,

    /// <summary>Refused because of what was sent before: a sign-in identifier after repeated failures.</summary>
    LockedOut,

    /// <summary>Refused because of how often the client asks, whatever it asks.</summary>
    RateLimited,

    /// <summary>The version the request was made against is no longer the current one (the current one is in <see cref="Error.CurrentVersion"/>).</summary>
    PreconditionFailed,

    /// <summary>A change that must name the version it was made against did not.</summary>
    PreconditionRequired,
}

/// <summary>An expected failure, described as the problem response it becomes.</summary>
public sealed record Error(
    ErrorKind Kind,
    string? Detail = null,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    TimeSpan? RetryAfter = null,
    long? CurrentVersion = null,
    string? Scope = null)
{
    public static Error Validation(IReadOnlyDictionary<string, string[]> errors) => new(ErrorKind.Validation, Errors: errors);

    public static Error Conflict(IReadOnlyDictionary<string, string[]> errors) => new(ErrorKind.Conflict, Errors: errors);

    /// <summary>A conflict with the state of the data as a whole rather than with one field.</summary>
    public static Error Conflict(string detail) => new(ErrorKind.Conflict, detail);

    public static Error Unauthorized(string detail) => new(ErrorKind.Unauthorized, detail);

    public static Error Forbidden(string detail) => new(ErrorKind.Forbidden, detail);

    /// <summary>An access token may not send this request; <paramref name="scope"/> is the one that would allow it, if any.</summary>
    public static Error InsufficientScope(string? scope) => new(
        ErrorKind.InsufficientScope,
        scope is null ? "Access tokens work on the article endpoints only; this needs a signed-in session." : $"This needs an access token with the scope '{scope}'.",
        Scope: scope);

    public static Error NotFound(string detail) => new(ErrorKind.NotFound, detail);

    public static Error LockedOut(string detail, TimeSpan retryAfter) => new(ErrorKind.LockedOut, detail, RetryAfter: retryAfter);

    public static Error PreconditionFailed(string detail, long currentVersion) => new(ErrorKind.PreconditionFailed, detail, CurrentVersion: currentVersion);

    public static Error PreconditionRequired(string detail) => new(ErrorKind.PreconditionRequired, detail);

    public static Error RateLimited(string detail, TimeSpan? retryAfter) => new(ErrorKind.RateLimited, detail, RetryAfter: retryAfter);
}
