namespace Tacitus.Ingest;

/// <summary>Limits and defaults for reading documents.</summary>
public sealed record IngestOptions
{
    /// <summary>Documents larger than this (in bytes of input) are refused with TAC104. Default 5 MB.</summary>
    public long MaxDocumentBytes { get; init; } = 5L * 1024 * 1024;

    /// <summary>Outlet to use when the input names none (<c>--outlet</c>).</summary>
    public string? Outlet { get; init; }

    /// <summary>Publication date to use when the input gives none or an unreadable one (<c>--date</c>); a date in the input wins.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>Format to assume for stdin ("text", "jsonl", "html", "rss", "warc"); files are recognised by name and content.</summary>
    public string StdinFormat { get; init; } = "text";

    public static readonly IngestOptions Default = new();
}
