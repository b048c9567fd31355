using System.Text;

namespace Tacitus.Ingest;

/// <summary>The formats news arrives in.</summary>
internal enum InputFormat
{
    Unknown,
    Text,
    Html,
    JsonLines,
    Feed,
    Warc,
}

/// <summary>
/// Recognises a file's format by its name (<c>.txt</c>, <c>.html</c>/<c>.htm</c>, <c>.jsonl</c>/<c>.ndjson</c>,
/// <c>.xml</c>/<c>.rss</c>/<c>.atom</c>, <c>.warc</c>, any of them with <c>.gz</c>) and, for text and unknown
/// names, by the start of its content: <c>WARC/1.x</c>, <c>&lt;!doctype html</c> / <c>&lt;html</c>, an XML
/// prolog or root that is <c>&lt;rss</c>, <c>&lt;feed</c> or <c>&lt;rdf:RDF</c>, a first line that is a JSON object.
/// </summary>
internal static class FormatSniffer
{
    public const int HeadBytes = 4096;

    /// <summary>The format named by the file's extension (a trailing <c>.gz</c> looked through).</summary>
    public static InputFormat FromName(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".gz", StringComparison.Ordinal))
        {
            name = name[..^3];
        }

        return Path.GetExtension(name) switch
        {
            ".txt" or ".text" => InputFormat.Text,
            ".html" or ".htm" or ".xhtml" => InputFormat.Html,
            ".jsonl" or ".ndjson" => InputFormat.JsonLines,
            ".xml" or ".rss" or ".atom" => InputFormat.Feed,
            ".warc" => InputFormat.Warc,
            _ => InputFormat.Unknown,
        };
    }

    /// <summary>The format the first bytes of a file show, or <see cref="InputFormat.Unknown"/>.</summary>
    public static InputFormat FromContent(ReadOnlySpan<byte> head)
    {
        var text = Prefix(head);
        var span = text.AsSpan().TrimStart();
        if (span.StartsWith("WARC/", StringComparison.Ordinal))
        {
            return InputFormat.Warc;
        }

        if (span.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || span.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            return InputFormat.Html;
        }

        if (span.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) || span.StartsWith("<rss", StringComparison.OrdinalIgnoreCase) ||
            span.StartsWith("<feed", StringComparison.OrdinalIgnoreCase) || span.StartsWith("<rdf:RDF", StringComparison.OrdinalIgnoreCase) ||
            span.StartsWith("<!--", StringComparison.Ordinal))
        {
            return span.Contains("<rss", StringComparison.OrdinalIgnoreCase) || span.Contains("<feed", StringComparison.OrdinalIgnoreCase) ||
                span.Contains("<rdf:RDF", StringComparison.OrdinalIgnoreCase)
                ? InputFormat.Feed
                : span.Contains("<html", StringComparison.OrdinalIgnoreCase) ? InputFormat.Html : InputFormat.Unknown;
        }

        if (span.StartsWith("{", StringComparison.Ordinal))
        {
            var end = span.IndexOf('\n');
            var line = (end < 0 ? span : span[..end]).TrimEnd();
            if (line.EndsWith("}", StringComparison.Ordinal) || end < 0)
            {
                return InputFormat.JsonLines;
            }
        }

        return InputFormat.Unknown;
    }

    /// <summary>The head decoded well enough to look for ASCII markers: UTF-16 when it is, else UTF-8 with replacements.</summary>
    private static string Prefix(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || (head.Length > 1 && (head[0] == 0 || head[1] == 0)))
        {
            var encoding = TextDecoder.Detect(head, null, out var preamble);
            var bytes = head[preamble..];
            return encoding.GetString(bytes[..(bytes.Length & ~1)]);
        }

        return Encoding.UTF8.GetString(head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head);
    }
}
