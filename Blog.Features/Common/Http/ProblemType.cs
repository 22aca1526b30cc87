using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Blog.Features.Common.Http;

/// <summary>
/// One kind of problem the API answers: its status, its stable <c>type</c> URI (what clients tell problems apart by)
/// and its title. The slices' errors, the host's refusals and the framework's error answers all take their problem
/// from this one table.
/// </summary>
public sealed record ProblemType(int Status, string Type, string Title)
{
    private const string Base = "https://blog.example/problems/";

    public static readonly ProblemType Validation = new(StatusCodes.Status400BadRequest, Base + "validation", "One or more validation errors occurred.");
    public static readonly ProblemType Csrf = new(StatusCodes.Status400BadRequest, Base + "csrf", "Invalid or missing CSRF token.");
    public static readonly ProblemType MalformedRequest = new(StatusCodes.Status400BadRequest, Base + "malformed-request", "Bad Request");
    public static readonly ProblemType Unauthorized = new(StatusCodes.Status401Unauthorized, Base + "unauthorized", "Unauthorized");
    public static readonly ProblemType Forbidden = new(StatusCodes.Status403Forbidden, Base + "forbidden", "Forbidden");
    public static readonly ProblemType NotFound = new(StatusCodes.Status404NotFound, Base + "not-found", "Not Found");
    public static readonly ProblemType MethodNotAllowed = new(StatusCodes.Status405MethodNotAllowed, Base + "method-not-allowed", "Method Not Allowed");
    public static readonly ProblemType Conflict = new(StatusCodes.Status409Conflict, Base + "conflict", "The request conflicts with existing data.");
    public static readonly ProblemType TooLarge = new(StatusCodes.Status413PayloadTooLarge, Base + "too-large", "Content Too Large");
    public static readonly ProblemType UnsupportedMediaType = new(StatusCodes.Status415UnsupportedMediaType, Base + "unsupported-media-type", "Unsupported Media Type");
    public static readonly ProblemType PreconditionFailed = new(StatusCodes.Status412PreconditionFailed, Base + "precondition-failed", "Precondition Failed");
    public static readonly ProblemType PreconditionRequired = new(StatusCodes.Status428PreconditionRequired, Base + "precondition-required", "Precondition Required");
    public static readonly ProblemType LockedOut = new(StatusCodes.Status429TooManyRequests, Base + "locked-out", "Too Many Requests");
    public static readonly ProblemType RateLimited = new(StatusCodes.Status429TooManyRequests, Base + "rate-limited", "Too Many Requests");
    public static readonly ProblemType Unavailable = new(StatusCodes.Status503ServiceUnavailable, Base + "unavailable", "Service Unavailable");
    public static readonly ProblemType ServerError = new(StatusCodes.Status500InternalServerError, Base + "server-error", "An error occurred while processing your request.");

    /// <summary>A problem of this kind, to write as the response.</summary>
    public ProblemDetails ToProblemDetails(string? detail = null)
    {
        var problem = new ProblemDetails { Detail = detail };
        ApplyTo(problem);
        return problem;
    }

    /// <summary>Makes a problem written elsewhere (by the framework) one of this kind.</summary>
    public void ApplyTo(ProblemDetails problem)
    {
        problem.Status = Status;
        problem.Type = Type;
        problem.Title = Title;
    }
}
