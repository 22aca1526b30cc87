using System.Globalization;
using Blog.Features.Common.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Blog.Features.Common.Http;

/// <summary>The one place where an expected <see cref="Pipeline.Error"/> becomes an <c>application/problem+json</c> response.</summary>
public sealed class ErrorResult(Error error) : IResult, IStatusCodeHttpResult
{
    public Error Error { get; } = error;

    public ProblemType Problem => Error.Kind switch
    {
        ErrorKind.Validation => ProblemType.Validation,
        ErrorKind.Unauthorized => ProblemType.Unauthorized,
        ErrorKind.Forbidden or ErrorKind.InsufficientScope => ProblemType.Forbidden,
        ErrorKind.NotFound => ProblemType.NotFound,
        ErrorKind.Conflict => ProblemType.Conflict,
        ErrorKind.LockedOut => ProblemType.LockedOut,
        ErrorKind.RateLimited => ProblemType.RateLimited,
        ErrorKind.PreconditionFailed => ProblemType.PreconditionFailed,
        ErrorKind.PreconditionRequired => ProblemType.PreconditionRequired,
        _ => ProblemType.ServerError,
    };

    public int StatusCode => Problem.Status;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        if (Error.RetryAfter is { } retryAfter)
        {
            httpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        // A client that lost a race learns the version to reload without asking again.
        if (Error.CurrentVersion is { } version)
        {
            httpContext.Response.Headers.ETag = EntityTags.Format(version);
        }

        if (Error.Kind == ErrorKind.InsufficientScope)
        {
            httpContext.Response.Headers.WWWAuthenticate = Error.Scope is { } scope
                ? $"Bearer error=\"insufficient_scope\", scope=\"{scope}\""
                : "Bearer error=\"insufficient_scope\"";
        }

        var problem = Problem.ToProblemDetails(Error.Detail);
        if (Error.Errors is not null)
        {
            problem.Extensions["errors"] = Error.Errors;
        }

        return TypedResults.Problem(problem).ExecuteAsync(httpContext);
    }
}

public static class ResultHttpExtensions
{
    /// <summary>Answers a success with <paramref name="onSuccess"/> and a failure with its problem response.</summary>
    public static Results<TSuccess, ErrorResult> ToHttpResult<T, TSuccess>(this Result<T> result, Func<T, TSuccess> onSuccess)
        where TSuccess : IResult =>
        result.IsSuccess ? onSuccess(result.Value) : new ErrorResult(result.Error!);
}
