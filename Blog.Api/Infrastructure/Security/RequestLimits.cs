using Blog.Api.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Blog.Api.Infrastructure.Security;

public static class RequestLimits
{
    public const long MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// Refuses an announced body over 64 KiB before anything reads it (a chunked body is cut off at the same size by
    /// the server's limit while it is read), and a body for an endpoint that reads one that is not
    /// <c>application/json</c> in UTF-8 (RFC 8259): minimal APIs would also bind <c>+json</c> media types, and the
    /// JSON reader would fail on another charset with an exception. Runs after routing, before anything reads the body.
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

            if (context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is not null && CarriesBody(context) && !IsJsonInUtf8(context.Request.ContentType))
            {
                return Problems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "Send the body as application/json in UTF-8.");
            }

            return next(context);
        });

    private static bool CarriesBody(HttpContext context) =>
        context.Request.ContentLength > 0 || (context.Request.ContentLength is null && context.Request.Headers.TransferEncoding.Count > 0);

    // application/json, with no parameter but an optional UTF-8 charset.
    private static bool IsJsonInUtf8(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && mediaType.Parameters.All(parameter => parameter.Name.Equals("charset", StringComparison.OrdinalIgnoreCase) && IsUtf8(parameter.Value.Value));

    private static bool IsUtf8(string? charset) =>
        charset?.Trim('"') is { } name && (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase));
}
