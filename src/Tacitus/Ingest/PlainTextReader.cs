using Tacitus.Documents;

namespace Tacitus.Ingest;

/// <summary>
/// Plain text, optionally opened by a header block: lines <c>Title:</c>, <c>Outlet:</c>, <c>Published:</c> (or
/// <c>Date:</c>), <c>URL:</c>, <c>Author:</c> at the very top, ended by a blank line. The header is taken out of the
/// text. Without one the whole text is kept. Without a <c>Title:</c>, a short first line without a final full stop
/// is the title.
/// </summary>
internal static class PlainTextReader
{
    private const int MaxTitleLength = 200;

    public static IngestItem Read(string text, string file, string origin, IngestOptions options)
    {
        List<TacitusError>? warnings = null;
        var metadata = new DocumentMetadata { Origin = origin, Format = "text" };
        var bodyStart = ParseHeader(text, ref metadata, file, ref warnings);
        var body = bodyStart == 0 ? text : text[bodyStart..];
        if (metadata.Title is null)
        {
            metadata = metadata with { Title = HeadlineOf(body) };
        }

        return DocumentBuilder.Build(body, metadata, options, file, null, warnings);
    }

    /// <summary>The first line when it reads as a headline: followed by more text, short, not ending a sentence.</summary>
    internal static string? HeadlineOf(string text)
    {
        var span = text.AsSpan().TrimStart();
        var end = span.IndexOf('\n');
        if (end <= 0)
        {
            return null;
        }

        var line = span[..end].Trim();
        if (line.Length is 0 or > MaxTitleLength || line[^1] is '.' or ',' or ';' or ':' || !line.ContainsAnyExcept(" 0123456789-–—.,:;!?\"'()"))
        {
            return null;
        }

        return span[end..].Trim().IsEmpty ? null : line.ToString();
    }

    /// <summary>Reads the header block into <paramref name="metadata"/>; returns where the body starts (0 when there is no header).</summary>
    internal static int ParseHeader(string text, ref DocumentMetadata metadata, string file, ref List<TacitusError>? warnings)
    {
        var position = 0;
        var fields = 0;
        var found = metadata;
        List<TacitusError>? dateWarnings = null;
        while (position < text.Length)
        {
            var end = text.IndexOf('\n', position);
            var lineEnd = end < 0 ? text.Length : end;
            var line = text.AsSpan(position, lineEnd - position).Trim();
            if (line.IsEmpty)
            {
                if (fields == 0)
                {
                    return 0;
                }

                metadata = found;
                if (dateWarnings is not null)
                {
                    (warnings ??= []).AddRange(dateWarnings);
                }

                return end < 0 ? text.Length : end + 1;
            }

            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                return 0;
            }

            var value = line[(colon + 1)..].Trim().ToString();
            switch (line[..colon].Trim().ToString().ToLowerInvariant())
            {
                case "title":
                    found = found with { Title = value };
                    break;
                case "outlet":
                    found = found with { Outlet = value };
                    break;
                case "published" or "date":
                    found = found with { Published = DocumentBuilder.Date(value, "Published", file, null, ref dateWarnings) };
                    break;
                case "url":
                    found = found with { Url = value };
                    break;
                case "author":
                    found = found with { Author = value };
                    break;
                default:
                    return 0;
            }

            fields++;
            if (end < 0)
            {
                // Header lines and nothing else: the body is empty.
                metadata = found;
                return text.Length;
            }

            position = end + 1;
        }

        return 0;
    }
}
