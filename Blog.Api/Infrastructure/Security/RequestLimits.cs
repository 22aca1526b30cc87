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

            return context.Request.ContentLength > MaxBodyBytes
                ? Problems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge)
                : next(context);
        });
}
