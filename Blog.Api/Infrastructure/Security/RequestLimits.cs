using Blog.Api.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace Blog.Api.Infrastructure.Security;

public static class RequestLimits
{
    public const long MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// Refuses an announced body over 64 KiB before anything reads it; a chunked body is cut off at the same size
    /// by the server's limit while it is read.
    /// </summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxBodyBytes;
            }

            if (context.Request.ContentLength > MaxBodyBytes)
            {
                // The unread body cannot be drained, so the connection ends with this answer; say so.
                context.Response.Headers.Connection = "close";
                return Problems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge);
            }

            return next(context);
        });
}
