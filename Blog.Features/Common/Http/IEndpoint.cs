using Microsoft.AspNetCore.Routing;

namespace Blog.Features.Common.Http;

/// <summary>A slice's HTTP entry point. Every implementation in this assembly is mapped onto the <c>/api/v1</c> group at start-up.</summary>
public interface IEndpoint
{
    void Map(IEndpointRouteBuilder api);
}
