using System.Text.Json;
using FluentValidation;
using Mediator;

namespace Blog.Features.Common.Pipeline;

/// <summary>
/// Runs the request's validators; all failures become one validation problem, keyed by camelCase field, unless one of
/// them is a <see cref="NotFoundRule"/>: then the request names nothing, and the answer is that not-found.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
    where TResponse : IFailure<TResponse>
{
    private readonly IValidator<TMessage>[] _validators = validators as IValidator<TMessage>[] ?? validators.ToArray();

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (_validators.Length == 0)
        {
            return await next(message, cancellationToken);
        }

        var context = new ValidationContext<TMessage>(message);
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in _validators)
        {
            var result = await validator.ValidateAsync(context, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count == 0)
        {
            return await next(message, cancellationToken);
        }

        if (failures.Find(failure => failure.ErrorCode == NotFoundRule.ErrorCode) is { } notFound)
        {
            return TResponse.Failure(Error.NotFound(notFound.ErrorMessage));
        }

        var errors = failures
            .GroupBy(failure => JsonNamingPolicy.CamelCase.ConvertName(failure.PropertyName))
            .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).Distinct().ToArray());
        return TResponse.Failure(Error.Validation(errors));
    }
}
