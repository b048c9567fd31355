using Tacitus.Documents;

namespace Tacitus.Ingest;

/// <summary>The stable ingest error codes (docs/INPUT.md lists them) and a way to report one.</summary>
internal static class IngestErrors
{
    public const string Stage = "ingest";

    /// <summary>Missing path, permission denied, unreadable file or directory, glob matching nothing.</summary>
    public const string Unreadable = "TAC101";

    /// <summary>Empty file, or a page, line, item or record with no text.</summary>
    public const string Empty = "TAC102";

    /// <summary>Binary content (NUL bytes or mostly control characters).</summary>
    public const string Binary = "TAC103";

    /// <summary>A document over <see cref="IngestOptions.MaxDocumentBytes"/>.</summary>
    public const string TooLarge = "TAC104";

    /// <summary>An HTML page the reader could not take apart.</summary>
    public const string MalformedHtml = "TAC105";

    /// <summary>A JSON Lines line that is not a JSON object with a string <c>text</c>.</summary>
    public const string MalformedJson = "TAC106";

    /// <summary>A feed that is not well-formed XML, or XML that is not RSS or Atom.</summary>
    public const string MalformedXml = "TAC107";

    /// <summary>A WARC record with a bad header, a bad length, or cut short.</summary>
    public const string MalformedWarc = "TAC108";

    /// <summary>A gzip stream that is corrupt or ends in the middle of a record.</summary>
    public const string TruncatedGzip = "TAC109";

    /// <summary>A field that could not be read (a date); reported as a document warning, the document is kept.</summary>
    public const string BadField = "TAC110";

    /// <summary>A FIFO, device or socket met in a directory or glob: skipped without being opened.</summary>
    public const string NotRegular = "TAC111";

    /// <summary>A file in a directory that is not an article (README, LICENSE, CHANGELOG, a binary): skipped with a note.</summary>
    public const string NotArticle = "TAC112";

    /// <summary>A note rather than a failure: a file skipped on purpose (TAC111, TAC112) does not make a run fail.</summary>
    public static bool IsNote(TacitusError? error) => error?.Code is NotRegular or NotArticle;

    public static TacitusError Error(string code, string message, string file, string? record = null) =>
        new(code, Stage, OneLine(message), file, record);

    public static IngestItem Fail(string code, string message, string file, string? record = null) =>
        IngestItem.Fail(Error(code, message, file, record));

    /// <summary>Messages are one line: exception texts can hold line breaks and go on for a while.</summary>
    private static string OneLine(string message)
    {
        var line = message.ReplaceLineEndings(" ").Trim();
        return line.Length <= 240 ? line : string.Concat(line.AsSpan(0, 237), "...");
    }
}
