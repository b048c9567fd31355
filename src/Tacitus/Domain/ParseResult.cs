namespace Tacitus;

/// <summary>The outcome of parsing a value: the value, or a message saying why it could not be read.</summary>
public readonly record struct ParseResult<T>
{
    private readonly T? value;

    private ParseResult(T? value, string? error)
    {
        this.value = value;
        Error = error;
    }

    public bool Success => Error is null;

    public string? Error { get; }

    public T Value => Success ? value! : throw new InvalidOperationException(Error);

    public static ParseResult<T> Ok(T value) => new(value, null);

    public static ParseResult<T> Fail(string error) => new(default, error);

    public T GetValueOrDefault(T fallback) => Success ? value! : fallback;
}
