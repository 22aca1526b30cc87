using Blog.Api.Infrastructure;
using Blog.Api.Infrastructure.Client;
using Blog.Api.Infrastructure.Database;
using Blog.Api.Infrastructure.Errors;
using Blog.Api.Infrastructure.Security;
using Blog.Api.Infrastructure.Sessions;
using Blog.Features;

var builder = WebApplication.CreateBuilder(args);

builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);
builder.Services
    .AddBlogFeatures(builder.Configuration.GetConnectionString("Blog") ?? "Data Source=App_Data/blog.db", builder.Environment.ContentRootPath)
    .AddDatabaseHealthCheck()
    .AddSessions(builder.Configuration)
    .AddCsrfProtection()
    .AddRateLimits(builder.Configuration)
    .AddProblems()
    .AddOpenApi();

var app = builder.Build();
await app.MigrateDatabaseAsync();

app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseApiStatusCodePages();
app.UseRequestLimits();
app.UseRouting();
app.UseClientApplication();
app.UseMiddleware<SessionRotation>();
app.UseAuthentication();
app.UseRateLimiter();

app.MapOpenApi();
app.MapHealthChecks("/health");
app.MapApiEndpoints();

app.Run();

/// <summary>The entry point, visible to the integration tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
