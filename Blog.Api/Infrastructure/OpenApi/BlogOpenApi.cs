using Blog.Api.Infrastructure.OpenApi;

// The namespace Program.cs already imports for MapApiEndpoints, so that adding the document needs no new using there.
namespace Blog.Api.Infrastructure;

public static class BlogOpenApi
{
    /// <summary>
    /// The OpenAPI document at <c>/openapi/v1.json</c>, described the way tools read it: title and description,
    /// operations tagged by feature, security schemes and each operation's requirement, schemas as the API writes them.
    /// </summary>
    public static IServiceCollection AddBlogOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<DocumentDescription>();
            options.AddOperationTransformer<ApiSecurity.OperationRequirement>();
            options.CreateSchemaReferenceId = ContractSchemas.ReferenceId;
            options.AddSchemaTransformer<ContractSchemas.NumbersAsNumbers>();
            options.AddSchemaTransformer<ContractSchemas.ProblemMembers>();
            options.AddSchemaTransformer<ContractSchemas.SearchSnippet>();
        });
}
