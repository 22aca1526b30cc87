using Blog.Api.Infrastructure;
using Blog.Api.Infrastructure.AccessTokens;
using Blog.Api.Infrastructure.Admin;
using Blog.Api.Infrastructure.Client;
using Blog.Api.Infrastructure.Database;
using Blog.Api.Infrastructure.DataProtection;
using Blog.Api.Infrastructure.Errors;
using Blog.Api.Infrastructure.Security;
using Blog.Api.Infrastructure.Sessions;
using Blog.Features;
using Blog.Features.Common.Data;

// The content root is the application's folder, wherever it is started from: its appsettings.json always applies.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes;
});
builder.Services
    .AddBlogFeatures(
        builder.Configuration.GetValue("Blog:Database:Provider", DatabaseProvider.Sqlite),
        builder.Configuration.GetConnectionString("Blog") ?? "Data Source=App_Data/blog.db",
        builder.Environment.ContentRootPath)
    .AddDatabaseHosting()
    .AddDatabaseKeyRing()
    .AddSessions(builder.Configuration)
    .AddAccessTokens()
    .AddCsrfProtection()
    .AddRateLimits(builder.Configuration)
    .AddTransportSecurity(builder.Configuration)
    .AddProblems()
    .AddBlogOpenApi();

var app = builder.Build();
if (!await app.MigrateDatabaseAsync())
{
    // Disposing the host flushes the log line that says why.
    await app.DisposeAsync();
    return 1;
}

await app.EnsureKeyAsync();
if (AdminCommand.IsRequested(args))
{
    var exitCode = await AdminCommand.RunAsync(app.Services, args, Console.Out);
    await app.DisposeAsync();
    return exitCode;
}

app.UseTransportSecurity();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseApiStatusCodePages();
app.UseRouting();
app.UseRequestLimits();
app.UseClientApplication();
app.UseAuthentication();
app.UseRateLimiter();

app.MapOpenApi();
app.MapHealthChecks("/health");
app.MapApiEndpoints();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
