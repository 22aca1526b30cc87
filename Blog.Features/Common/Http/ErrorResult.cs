using Blog.Features.Common.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Blog.Features.Common.Http;

/// <summary>The one place where an expected <see cref="Pipeline.Error"/> becomes an <c>application/problem+json</c> response.</summary>
public sealed class ErrorResult(Error error) : IResult, IStatusCodeHttpResult
{
    public Error Error { get; } = error;

    public int StatusCode => Error.Kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status500InternalServerError,
    };

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        if (Error.RetryAfter is { } retryAfter)
        {
            httpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        ProblemHttpResult problem = Error.Errors is null
            ? TypedResults.Problem(detail: Error.Detail, statusCode: StatusCode)
            : TypedResults.Problem(
                detail: Error.Detail,
                statusCode: StatusCode,
                title: Error.Kind == ErrorKind.Conflict ? "The request conflicts with existing data." : "One or more validation errors occurred.",
                extensions: new Dictionary<string, object?> { ["errors"] = Error.Errors });
        return problem.ExecuteAsync(httpContext);
    }
}

public static class ResultHttpExtensions
{
    /// <summary>Answers a success with <paramref name="onSuccess"/> and a failure with its problem response.</summary>
    public static Results<TSuccess, ErrorResult> ToHttpResult<T, TSuccess>(this Result<T> result, Func<T, TSuccess> onSuccess)
        where TSuccess : IResult =>
        result.IsSuccess ? onSuccess(result.Value) : new ErrorResult(result.Error!);
}
