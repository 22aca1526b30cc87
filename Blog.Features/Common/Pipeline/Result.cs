namespace Blog.Features.Common.Pipeline;

/// <summary>
/// The outcome of a request: a value, or an expected failure. Expected failures are values,
/// not exceptions; <see cref="Http.ResultHttpExtensions"/> turns them into problem responses in one place.
/// </summary>
public readonly struct Result<T> : IFailure<Result<T>>
{
    private readonly T? _value;

    private Result(T value) => _value = value;

    private Result(Error error) => Error = error;

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException("A failed result has no value.");

    public static Result<T> Failure(Error error) => new(error);

    public static implicit operator Result<T>(T value) => new(value);

    public static implicit operator Result<T>(Error error) => new(error);
}

/// <summary>Lets the pipeline behaviours build a failed response without knowing its value type.</summary>
public interface IFailure<out TSelf>
{
    static abstract TSelf Failure(Error error);
}

/// <summary>An empty success value for requests that answer nothing.</summary>
public readonly record struct Done;
