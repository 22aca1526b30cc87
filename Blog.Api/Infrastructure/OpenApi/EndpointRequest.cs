using System.Reflection;
using System.Runtime.CompilerServices;
using Mediator;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace Blog.Api.Infrastructure.OpenApi;

/// <summary>
/// The mediator request an endpoint sends. A feature folder holds one use case: its request and the endpoint that
/// sends it (shared/DESIGN.md). So the request is the one message type declared in the namespace of the class whose
/// <c>Map</c> wrote the endpoint's handler, whether the handler binds the request or builds it from route and query.
/// </summary>
internal static class EndpointRequest
{
    public static Type Of(ApiDescription description)
    {
        var handler = description.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault()
            ?? throw new InvalidOperationException($"{description.HttpMethod} {description.RelativePath} has no handler method to find its request by.");
        var endpoint = handler.DeclaringType!;
        // A lambda lives in a compiler-generated class nested in the class that wrote it.
        while (endpoint.IsDefined(typeof(CompilerGeneratedAttribute)) && endpoint.DeclaringType is { } writer)
        {
            endpoint = writer;
        }

        var requests = endpoint.Assembly.GetTypes()
            .Where(type => type.Namespace == endpoint.Namespace && type is { IsClass: true, IsAbstract: false } && type.IsAssignableTo(typeof(IMessage)))
            .ToList();
        return requests.Count == 1
            ? requests[0]
            : throw new InvalidOperationException(
                $"{description.HttpMethod} {description.RelativePath} is mapped by {endpoint.FullName}, whose namespace declares "
                + $"{requests.Count} mediator requests instead of one: give each use case its own folder.");
    }
}
