using Blog.Features.Common.Pipeline;
using Mediator;

namespace Blog.Features.RerenderArticles;

/// <summary>
/// An operator renders again, with the current renderer, every article whose stored HTML another renderer (or another
/// version of it) wrote: the <c>articles rerender</c> command of the host; there is no HTTP endpoint.
/// </summary>
public sealed record RerenderArticlesRequest(int BatchSize = RerenderArticlesRequest.DefaultBatchSize) : ICommand<Result<RerenderSummary>>
{
    public const int DefaultBatchSize = 500;
}

/// <param name="Rendered">Rows rendered again.</param>
/// <param name="Skipped">Rows edited while the command ran: their edit rendered them with the current renderer already.</param>
public sealed record RerenderSummary(long Rendered, long Skipped);
