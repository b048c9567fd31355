using System.Text;
using Tacitus.Documents;

namespace Tacitus.Ingest;

/// <summary>
/// The last step of every reader: trims the text, refuses empty or oversized documents, fills metadata the input
/// lacked from <see cref="IngestOptions"/> (the input's own outlet and date win; <c>--outlet</c> and <c>--date</c>
/// fill gaps), and names the language.
/// </summary>
internal static class DocumentBuilder
{
    /// <param name="text">Normalised text (line endings already <c>\n</c>).</param>
    /// <param name="metadata">What the input said about the document, with <see cref="DocumentMetadata.Origin"/> and format set.</param>
    /// <param name="file">The file (or "-") for error messages.</param>
    /// <param name="record">"line 3", "item 2", "record 5" for multi-document files; null for single-document files.</param>
    /// <param name="warnings">Problems found while reading that did not stop the document (an unreadable date).</param>
    public static IngestItem Build(string text, DocumentMetadata metadata, IngestOptions options, string file, string? record, IReadOnlyList<TacitusError>? warnings = null)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return IngestErrors.Fail(IngestErrors.Empty, record is null ? "no text" : $"{record} has no text", file, record);
        }

        // Files are measured by their size before reading; records (a JSON line, a feed item) by their text in UTF-8.
        if (trimmed.Length * 3L > options.MaxDocumentBytes && Encoding.UTF8.GetByteCount(trimmed) is var bytes && bytes > options.MaxDocumentBytes)
        {
            return IngestErrors.Fail(IngestErrors.TooLarge, $"document of {bytes:N0} bytes is over the limit of {options.MaxDocumentBytes:N0}", file, record);
        }

        var body = trimmed.Length == text.Length ? text : trimmed.ToString();
        var completed = metadata with
        {
            Outlet = Clean(metadata.Outlet) ?? options.Outlet,
            Published = metadata.Published ?? options.Published,
            Title = Clean(metadata.Title),
            Author = Clean(metadata.Author),
            Url = Clean(metadata.Url),
            ExternalId = Clean(metadata.ExternalId),
        };
        var document = new Document(body, completed) { Language = LanguageIdentifier.Identify(body) };
        if (warnings is not null)
        {
            document.Warnings.AddRange(warnings);
        }

        return IngestItem.Ok(document);
    }

    /// <summary>Reads an optional date field; an unreadable one becomes a warning (TAC110), never a failure.</summary>
    public static DateOnly? Date(string? value, string field, string file, string? record, ref List<TacitusError>? warnings)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var parsed = PublishedDate.Parse(value);
        if (parsed.Success)
        {
            return parsed.Value;
        }

        (warnings ??= []).Add(IngestErrors.Error(IngestErrors.BadField, $"{field}: {parsed.Error}", file, record));
        return null;
    }

    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        // Metadata is one line: collapse inner line breaks and runs of spaces.
        return trimmed.AsSpan().IndexOfAny('\n', '\t') < 0 && !trimmed.Contains("  ", StringComparison.Ordinal)
            ? trimmed
            : string.Join(' ', trimmed.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }
}
