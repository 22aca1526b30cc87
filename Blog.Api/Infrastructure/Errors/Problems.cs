using System.Diagnostics;
using Blog.Api.Infrastructure.Security;
using Blog.Features.Common.Data;
using Blog.Features.Common.Http;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Blog.Api.Infrastructure.Errors;

/// <summary>
/// Every error is <c>application/problem+json</c> with a <c>traceId</c> and the <c>type</c> of its
/// <see cref="ProblemType"/>: the answers of the endpoints, of the framework (no endpoint, wrong method, unreadable
/// body) and of unexpected exceptions (no details outside Development).
/// </summary>
public static class Problems
{
    public static IServiceCollection AddProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // Only the exception handler writes a problem for an exception: the unexpected one, answered as a 500.
            if (context.Exception is not null)
            {
                ProblemType.ServerError.ApplyTo(context.ProblemDetails);
            }

            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
        return services;
    }

    /// <summary>Turns the empty error answers of routing and binding under <c>/api</c> into problems.</summary>
    public static IApplicationBuilder UseApiStatusCodePages(this IApplicationBuilder app) =>
        app.UseStatusCodePages(context =>
            context.HttpContext.Request.IsApi() ? WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode) : Task.CompletedTask);

    /// <summary>Answers <paramref name="status"/> as the problem the host means by it, with its usual detail unless told.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string? detail = null)
    {
        var (problem, usualDetail) = ForStatus(status);
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem?.ToProblemDetails(detail ?? usualDetail) ?? new ProblemDetails { Status = status, Detail = detail },
        });
    }

    // What an answer the host or the framework gives by status alone means: routing's 404 and 405, binding's 400
    // and 415, the cookie handler's 401 and 403, the body limit's 413.
    private static (ProblemType? Problem, string? Detail) ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => (ProblemType.MalformedRequest, "The request could not be read: the body is not valid JSON, or a value has the wrong type."),
        StatusCodes.Status401Unauthorized => (ProblemType.Unauthorized, null),
        StatusCodes.Status403Forbidden => (ProblemType.Forbidden, null),
        StatusCodes.Status404NotFound => (ProblemType.NotFound, "There is nothing at this address."),
        StatusCodes.Status405MethodNotAllowed => (ProblemType.MethodNotAllowed, "This address does not take this method; the Allow header lists those it takes."),
        StatusCodes.Status413PayloadTooLarge => (ProblemType.TooLarge, $"The request body is larger than {RequestLimits.MaxBodyBytes / 1024} KiB."),
        StatusCodes.Status415UnsupportedMediaType => (ProblemType.UnsupportedMediaType, "Send the body as application/json."),
        _ => (null, null),
    };
}

/// <summary>
/// Bad requests the server detects while reading (a body over the limit, a broken request) answer their own status,
/// not 500.
/// </summary>
internal sealed class BadRequestExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        await Problems.WriteAsync(httpContext, badRequest.StatusCode);
        return true;
    }
}

/// <summary>
/// While the database cannot be reached (a server restarting, a network cut), requests answer 503 with
/// <c>Retry-After</c> rather than 500, in one warning line each instead of a stack trace; they succeed again by
/// themselves once it is back.
/// </summary>
internal sealed partial class DatabaseUnavailableExceptionHandler(IDatabaseErrors errors, ILogger<DatabaseUnavailableExceptionHandler> logger) : IExceptionHandler
{
    private const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!errors.IsUnavailable(exception))
        {
            return false;
        }

        LogUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await httpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = ProblemType.Unavailable.ToProblemDetails("The database cannot be reached just now. Try again shortly."),
        });
        return true;
    }

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: the database cannot be reached ({Reason})")]
    private static partial void LogUnavailable(ILogger logger, string method, string path, string reason);
}
