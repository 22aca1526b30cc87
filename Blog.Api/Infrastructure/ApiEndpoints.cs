using Blog.Api.Infrastructure.Security;
using Blog.Features;
using Blog.Features.Common.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Blog.Api.Infrastructure;

public static class ApiEndpoints
{
    /// <summary>
    /// Maps every slice's <see cref="IEndpoint"/> onto <c>/api/v1</c>, the unsafe ones behind the CSRF check, and
    /// describes on each endpoint the problems the host may answer in its place.
    /// </summary>
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
        // Last, so that it sees what the endpoints declared themselves, such as their rate limit.
        ((IEndpointConventionBuilder)api).Finally(DescribeHostProblems);
        foreach (var endpoint in Slices.Create<IEndpoint>())
        {
            endpoint.Map(api);
        }

        return app;
    }

    /// <summary>
    /// The problems the host answers instead of an endpoint, in its metadata (and so in the OpenAPI document): 400 for
    /// a refused CSRF token or an unreadable body, 413 and 415 for a body over the limit or not JSON, 429 past a rate
    /// limit. Slices declare only the problems their own requests produce.
    /// </summary>
    private static void DescribeHostProblems(EndpointBuilder endpoint)
    {
        var takesBody = endpoint.Metadata.OfType<IAcceptsMetadata>().Any();
        if (takesBody || !CsrfFilter.IsSafeOnly(endpoint.Metadata))
        {
            ProducesProblem(endpoint, StatusCodes.Status400BadRequest);
        }

        if (takesBody)
        {
            ProducesProblem(endpoint, StatusCodes.Status413PayloadTooLarge);
            ProducesProblem(endpoint, StatusCodes.Status415UnsupportedMediaType);
        }

        if (endpoint.Metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            ProducesProblem(endpoint, StatusCodes.Status429TooManyRequests);
        }
    }

    private static void ProducesProblem(EndpointBuilder endpoint, int status) =>
        endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
}
