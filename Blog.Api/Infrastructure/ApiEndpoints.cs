using Blog.Api.Infrastructure.Security;
using Blog.Features;
using Blog.Features.Common.Http;

namespace Blog.Api.Infrastructure;

public static class ApiEndpoints
{
    /// <summary>Maps every slice's <see cref="IEndpoint"/> onto <c>/api/v1</c>, the unsafe ones behind the CSRF check.</summary>
    public static IEndpointRouteBuilder MapApiEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        // Endpoints that answer only safe methods get no filter at all: minimal APIs then call them directly,
        // without the filter pipeline's per-request invocation context.
        ((IEndpointConventionBuilder)api).Add(endpoint =>
        {
            if (!CsrfFilter.IsSafeOnly(endpoint.Metadata))
            {
                endpoint.FilterFactories.Add(CsrfFilter.Factory);
            }
        });
        foreach (var endpoint in Slices.Create<IEndpoint>())
        {
            endpoint.Map(api);
        }

        return app;
    }
}
