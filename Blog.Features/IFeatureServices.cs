using Microsoft.Extensions.DependencyInjection;

namespace Blog.Features;

/// <summary>
/// The services a slice needs beyond its handler, validators and endpoint. <c>AddBlogFeatures</c> adds every
/// implementation it finds, so a slice registers its own services and nothing shared names it.
/// </summary>
public interface IFeatureServices
{
    void AddTo(IServiceCollection services);
}
