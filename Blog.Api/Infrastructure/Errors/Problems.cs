using System.Diagnostics;
using Blog.Api.Infrastructure.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Blog.Api.Infrastructure.Errors;

/// <summary>
/// Every error is <c>application/problem+json</c> with a <c>traceId</c>: the answers of the endpoints, of the
/// framework (no endpoint, wrong method, unreadable body) and of unexpected exceptions (no details outside
/// Development).
/// </summary>
public static class Problems
{
    public static IServiceCollection AddProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        return services;
    }

    /// <summary>Turns the empty error answers of routing and binding under <c>/api</c> into problems.</summary>
    public static IApplicationBuilder UseApiStatusCodePages(this IApplicationBuilder app) =>
        app.UseStatusCodePages(context =>
            context.HttpContext.Request.IsApi() ? WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode) : Task.CompletedTask);

    public static async Task WriteAsync(HttpContext context, int status, string? detail = null)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail ?? DefaultDetail(status) },
        });
    }

    private static string? DefaultDetail(int? status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request could not be read: the body is not valid JSON, or a value has the wrong type.",
        StatusCodes.Status404NotFound => "There is nothing at this address.",
        StatusCodes.Status405MethodNotAllowed => "This address does not take this method; the Allow header lists those it takes.",
        StatusCodes.Status413PayloadTooLarge => $"The request body is larger than {RequestLimits.MaxBodyBytes / 1024} KiB.",
        StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
        _ => null,
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
