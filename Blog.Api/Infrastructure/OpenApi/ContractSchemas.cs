using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Blog.Api.Infrastructure.OpenApi;

/// <summary>The schemas of the document as the API writes its JSON, under the names the contract (shared/API.md) uses.</summary>
internal static class ContractSchemas
{
    private const string ResponseSuffix = "Response";

    /// <summary>The C# response records end in <c>Response</c> to set them apart from rows; the contract calls them <c>User</c>, <c>Article</c>...</summary>
    public static string? ReferenceId(JsonTypeInfo type)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        return id is not null && id.EndsWith(ResponseSuffix, StringComparison.Ordinal) && id.Length > ResponseSuffix.Length
            ? id[..^ResponseSuffix.Length]
            : id;
    }

    /// <summary>
    /// Numbers are numbers. The web JSON defaults also accept numbers written as strings, so the generator allows
    /// a string matching a number pattern; the API writes numbers, and the contract asks for them.
    /// </summary>
    public sealed class NumbersAsNumbers : IOpenApiSchemaTransformer
    {
        public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
        {
            if (schema.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0)
            {
                schema.Type = type & ~JsonSchemaType.String;
                schema.Pattern = null;
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// The list's items carry a snippet when the list is a search. One operation has one 200 schema in the document, so
    /// the article list's page stands for both, and the snippet is described on the article it extends.
    /// </summary>
    public sealed class SearchSnippet : IOpenApiSchemaTransformer
    {
        public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
        {
            if (context.JsonTypeInfo.Type == typeof(Blog.Features.Common.Articles.ArticleResponse))
            {
                schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
                schema.Properties["snippet"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "Only in search results (GET /api/v1/articles?q=): at most 200 characters of the content around "
                        + "its first match, as HTML whose only elements are <mark> around the matches; everything else is escaped text.",
                };
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>The members every problem of this API may carry besides RFC 9457's own (see <c>Problems</c> and <c>ErrorResult</c>).</summary>
    public sealed class ProblemMembers : IOpenApiSchemaTransformer
    {
        public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
        {
            if (context.JsonTypeInfo.Type == typeof(ProblemDetails))
            {
                schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
                schema.Properties["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                    Description = "The messages for each invalid or conflicting field, keyed by its camelCase name (400 and 409).",
                };
                schema.Properties["traceId"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "Identifies the request in the server's log.",
                };
            }

            return Task.CompletedTask;
        }
    }
}
