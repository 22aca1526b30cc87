using Blog.Features.Common.Data.Sqlite;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using FluentValidation;
using Mapster;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Blog.Features;

public static class FeaturesServiceCollectionExtensions
{
    /// <summary>
    /// The use cases: the mediator with its pipeline (authorization, then validation), the validators, the
    /// mappings, the database the handlers query (<paramref name="connectionString"/>; a relative file name is
    /// resolved against <paramref name="contentRoot"/>), the services the handlers share and those each slice adds
    /// itself (<see cref="IFeatureServices"/>). The host adds <see cref="ICurrentUser"/>.
    /// </summary>
    public static IServiceCollection AddBlogFeatures(this IServiceCollection services, string connectionString, string contentRoot)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(AuthorizationBehavior<,>), typeof(ValidationBehavior<,>)];
        });
        services.AddValidatorsFromAssemblyContaining<IFeatureServices>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.Configure<PasswordHasherOptions>(options =>
        {
            options.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            options.IterationCount = Passwords.Iterations;
        });
        services.AddSingleton<Passwords>();
        services.AddSqliteDatabase(connectionString, contentRoot);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(Mappings());
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
