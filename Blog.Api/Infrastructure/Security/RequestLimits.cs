using Blog.Api.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Blog.Api.Infrastructure.Security;

public static class RequestLimits
{
    public const long MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// Refuses an announced body over 64 KiB before anything reads it (a chunked body is cut off at the same size by
    /// the server's limit while it is read), and a JSON body in another charset than UTF-8 (RFC 8259), which the
    /// JSON reader would otherwise fail on with an exception.
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

            if (context.Request.IsApi()
                && MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var contentType)
                && contentType.Charset.HasValue
                && !IsUtf8(contentType.Charset.Value))
            {
                return Problems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "Send the body as application/json in UTF-8.");
            }

            return next(context);
        });

    private static bool IsUtf8(string? charset) =>
        charset?.Trim('"') is { } name && (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase));
}
