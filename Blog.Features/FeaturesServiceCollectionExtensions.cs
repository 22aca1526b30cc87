using Blog.Features.Common.Articles;
using Blog.Features.Common.Data;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Mapster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Blog.Features;

public static class FeaturesServiceCollectionExtensions
{
    /// <summary>
    /// The use cases: the mediator with its pipeline and the validators, the database the handlers query
    /// (<paramref name="provider"/>'s engine at <paramref name="connectionString"/>; a relative SQLite file name is
    /// resolved against <paramref name="contentRoot"/>),
    /// passwords, the Markdown renderer, the mappings, and the services each slice adds itself (<see cref="IFeatureServices"/>). The host
    /// adds <see cref="ICurrentUser"/>.
    /// </summary>
    public static IServiceCollection AddBlogFeatures(this IServiceCollection services, DatabaseProvider provider, string connectionString, string contentRoot)
    {
        services.AddPipeline();
        services.AddDatabase(provider, connectionString, contentRoot);
        services.AddPasswords();
        services.AddArticleRendering();
        services.AddSingleton(Mappings());
        services.TryAddSingleton(TimeProvider.System);
        foreach (var slice in Slices.Create<IFeatureServices>())
        {
            slice.AddTo(services);
        }

        return services;
    }

    /// <summary>The row → response mappings (<see cref="IRegister"/>), compiled at start-up; handlers take it as a service.</summary>
    private static TypeAdapterConfig Mappings()
    {
        var mappings = new TypeAdapterConfig();
        mappings.Scan(typeof(FeaturesServiceCollectionExtensions).Assembly);
        mappings.Compile();
        return mappings;
    }
}
