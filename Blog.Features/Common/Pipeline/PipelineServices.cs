using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Features.Common.Pipeline;

public static class PipelineServices
{
    /// <summary>The mediator, scoped like a request, with its behaviours in order (authorization, then validation), and the slices' validators.</summary>
    public static IServiceCollection AddPipeline(this IServiceCollection services)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(AuthorizationBehavior<,>), typeof(ValidationBehavior<,>)];
        });
        return services.AddValidatorsFromAssembly(typeof(PipelineServices).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
    }
}
