using Blog.Api.Infrastructure.Security;
using Microsoft.Extensions.FileProviders;

namespace Blog.Api.Infrastructure.Client;

public static partial class ClientApplication
{
    /// <summary>
    /// Serves the built Angular client (<c>Blog:Client:RootPath</c>) from the API's origin, with <c>index.html</c> for
    /// every other page address outside <c>/api</c>. Runs after routing, so it only answers what no endpoint took.
    /// </summary>
    public static WebApplication UseClientApplication(this WebApplication app)
    {
        var configured = app.Configuration["Blog:Client:RootPath"] ?? "wwwroot";
        var root = Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, configured));
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            LogClientMissing(app.Logger, root);
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // The build names scripts and styles by content hash; only index.html must be fetched anew.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                file.File.Name == "index.html" ? "no-cache" : "public, max-age=31536000, immutable",
        });

        var index = files.GetFileInfo("index.html");
        app.Use((context, next) =>
        {
            var isPage = context.GetEndpoint() is null
                && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                && !context.Request.IsApi()
                && !Path.HasExtension(context.Request.Path.Value);
            if (!isPage)
            {
                return next(context);
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : context.Response.SendFileAsync(index);
        });
        return app;
    }

    [LoggerMessage(EventId = 9201, Level = LogLevel.Warning, Message = "No built client at {Root}; serving the API alone")]
    private static partial void LogClientMissing(ILogger logger, string root);
}
