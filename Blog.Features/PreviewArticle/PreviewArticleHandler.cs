using Blog.Features.Common.Articles;
using Blog.Features.Common.Pipeline;
using Mediator;

namespace Blog.Features.PreviewArticle;

internal sealed class PreviewArticleHandler(MarkdownRenderer renderer) : IQueryHandler<PreviewArticleRequest, Result<PreviewResponse>>
{
    public ValueTask<Result<PreviewResponse>> Handle(PreviewArticleRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Result<PreviewResponse>>(new PreviewResponse(renderer.Render(request.Content)));
}
