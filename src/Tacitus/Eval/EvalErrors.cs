using Tacitus.Documents;

namespace Tacitus.Eval;

/// <summary>The TAC6xx codes of problems with gold sets, each with the file and record (line) it came from.</summary>
internal static class EvalErrors
{
    /// <summary>The gold file or folder does not exist.</summary>
    public const string NotFound = "TAC601";

    /// <summary>A record could not be parsed (bad JSON, bad XML, a line of the wrong shape).</summary>
    public const string Malformed = "TAC602";

    /// <summary>A record lacks a field the task needs (no text, no event, no offsets).</summary>
    public const string MissingField = "TAC603";

    /// <summary>A span's offsets fall outside the text, or do not cover the text the gold says they cover.</summary>
    public const string BadOffsets = "TAC604";

    /// <summary>A value could not be read (an unknown country code, a bad tag, a bad coordinate).</summary>
    public const string BadValue = "TAC605";

    /// <summary>The text a gold annotation refers to is missing.</summary>
    public const string MissingText = "TAC606";

    public static TacitusError Create(string code, string message, string? file, int? line = null, string? record = null) =>
        new(code, "eval", message, file, (record, line) switch
        {
            (null, null) => null,
            (null, int l) => $"line {l}",
            ({ } r, null) => r,
            ({ } r, int l) => $"{r}, line {l}",
        });
}

/// <summary>Thrown by a reader when a whole gold file cannot be read (a record-level problem is reported, not thrown).</summary>
internal sealed class GoldFormatException : Exception
{
    public GoldFormatException(TacitusError error)
        : base(error?.ToString())
    {
        Error = error ?? throw new ArgumentNullException(nameof(error));
    }

    public GoldFormatException()
        : this(EvalErrors.Create(EvalErrors.Malformed, "unreadable gold file", null))
    {
    }

    public GoldFormatException(string message)
        : this(EvalErrors.Create(EvalErrors.Malformed, message, null))
    {
    }

    public GoldFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = EvalErrors.Create(EvalErrors.Malformed, message, null);
    }

    public TacitusError Error { get; }
}

/// <summary>What a reader got from a gold file: the records it could read, and a clear error for each it could not.</summary>
internal sealed class GoldSet<T>
{
    public List<T> Items { get; } = [];

    public List<TacitusError> Problems { get; } = [];
}
