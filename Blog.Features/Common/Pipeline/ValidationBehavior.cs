using System.Reflection;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Mediator;

namespace Blog.Features.Common.Pipeline;

/// <summary>
/// Refuses text with a NUL character in any of the request's string properties, then runs the request's validators; all failures become one validation problem, keyed by camelCase field, unless one of
/// them is a <see cref="NotFoundRule"/>: then the request names nothing, and the answer is that not-found.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
    where TResponse : IFailure<TResponse>
{
    internal const string NulCharacter = "Text may not contain the NUL character (U+0000).";

    // PostgreSQL cannot store U+0000 in text and refuses the whole statement, so no field of any request may hold it,
    // on either engine. Read once per request type: its string properties, as compiled getters.
    private static readonly (string Name, Func<TMessage, string?> Read)[] TextProperties = typeof(TMessage)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(property => property.PropertyType == typeof(string) && property.GetMethod is not null && property.GetIndexParameters().Length == 0)
        .Select(property => (property.Name, property.GetMethod!.CreateDelegate<Func<TMessage, string?>>()))
        .ToArray();

    private readonly IValidator<TMessage>[] _validators = validators as IValidator<TMessage>[] ?? validators.ToArray();

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        List<ValidationFailure>? failures = null;
        foreach (var (name, read) in TextProperties)
        {
            if (read(message)?.Contains('\0', StringComparison.Ordinal) == true)
            {
                (failures ??= []).Add(new ValidationFailure(name, NulCharacter));
            }
        }

        if (failures is null && _validators.Length == 0)
        {
            return await next(message, cancellationToken);
        }

        failures ??= [];
        var context = new ValidationContext<TMessage>(message);
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
