using Blog.Features.Common.Users;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Blog.Api.Infrastructure.Sessions;

public static class SessionExtensions
{
    /// <summary>Cookie authentication over server-side sessions: HttpOnly, SameSite=Strict, Secure and <c>__Host-</c> on HTTPS, no redirects.</summary>
    public static IServiceCollection AddSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SessionOptions>(configuration.GetSection("Blog:Sessions"));
        services.AddSingleton<DatabaseTicketStore>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<ISessions, HttpSessions>();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.Cookie.Name = SessionCookie.Name;
            options.CookieManager = new SessionCookie(new ChunkingCookieManager());
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.Path = "/";
            options.SlidingExpiration = true;
            // An API answers 401/403 itself; it never redirects to a login page.
            options.Events.OnRedirectToLogin = context => SetStatus(context.Response, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => SetStatus(context.Response, StatusCodes.Status403Forbidden);
        });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<DatabaseTicketStore, IOptions<SessionOptions>>((options, store, sessions) =>
            {
                options.SessionStore = store;
                options.ExpireTimeSpan = sessions.Value.IdleTimeout;
            });
        // After the cookie handler's own post-configuration, which creates the Data Protection ticket format.
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .PostConfigure<TimeProvider>((options, clock) => options.TicketDataFormat = new VerifiedCookieCache(options.TicketDataFormat, clock));
        return services;
    }

    private static Task SetStatus(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
