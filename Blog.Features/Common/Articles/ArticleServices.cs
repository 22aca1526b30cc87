using Microsoft.Extensions.DependencyInjection;

namespace Blog.Features.Common.Articles;

public static class ArticleServices
{
    /// <summary>The Markdown renderer, built once: its pipeline and allow-list are the same for every request.</summary>
    public static IServiceCollection AddArticleRendering(this IServiceCollection services) =>
        services.AddSingleton<MarkdownRenderer>();
}
