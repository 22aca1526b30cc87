using FluentValidation;

namespace Blog.Features.Common.Pipeline;

/// <summary>
/// Marks a rule whose failure means "there is no such thing": <see cref="ValidationBehavior{TMessage, TResponse}"/>
/// answers it as <see cref="ErrorKind.NotFound"/>, the same as a value that names nothing, rather than as invalid input.
/// </summary>
public static class NotFoundRule
{
    public const string ErrorCode = "NotFound";

    public static IRuleBuilderOptions<T, TProperty> AsNotFound<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule) =>
        rule.WithErrorCode(ErrorCode);
}
