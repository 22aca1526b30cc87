using Blog.Api.Infrastructure.Security;
using Blog.Features.Common;

namespace Blog.Api.Infrastructure;

public static class ApiEndpoints
{
    /// <summary>Maps every slice's <see cref="IEndpoint"/> onto <c>/api/v1</c>, behind the CSRF check.</summary>
    public static IEndpointRouteBuilder MapApiEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").AddEndpointFilter<CsrfFilter>();
        var endpoints = typeof(IEndpoint).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.IsAssignableTo(typeof(IEndpoint)))
            .OrderBy(type => type.FullName, StringComparer.Ordinal);
        foreach (var type in endpoints)
        {
            ((IEndpoint)Activator.CreateInstance(type)!).Map(api);
        }

        return app;
    }
}
