using System.Text.Json;
using Tacitus.Documents;

namespace Tacitus.Ingest;

/// <summary>
/// JSON Lines: one article per line, an object with <c>text</c> (or <c>html</c>, read like a page) and optional
/// <c>id</c>, <c>url</c>, <c>title</c>, <c>outlet</c>, <c>published</c> (or <c>date</c>), <c>author</c>. Blank lines
/// are skipped; a malformed line (not JSON, a field of the wrong type, a NUL byte, a lone surrogate escape, over the
/// size limit) is reported with its number and reading goes on with the next. Order is kept. A line is never held
/// whole past the document size limit.
/// </summary>
internal static class JsonLinesReader
{
    private static readonly JsonDocumentOptions ParseOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    public static IEnumerable<IngestItem> Read(TextReader reader, string file, IngestOptions options, CancellationToken cancellationToken)
    {
        var lines = new BoundedLineReader(reader, options.MaxDocumentBytes);
        var lineNumber = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (line, failure) = NextLine(lines, file, lineNumber + 1);
            if (failure is not null)
            {
                yield return failure.Value;
                yield break;
            }

            if (line is not { } read)
            {
                yield break;
            }

            lineNumber++;
            if (read.TooLong)
            {
                var record = $"line {lineNumber}";
                yield return IngestErrors.Fail(IngestErrors.TooLarge, $"{record} is over the limit of {options.MaxDocumentBytes:N0} bytes ({read.Length:N0} characters)", file, record);
            }
            else if (!string.IsNullOrWhiteSpace(read.Text))
            {
                yield return ReadLine(read.Text, file, lineNumber, options);
            }
        }
    }

    private static (BoundedLineReader.Line? Line, IngestItem? Failure) NextLine(BoundedLineReader reader, string file, int lineNumber)
    {
        try
        {
            return (reader.Next(), null);
        }
        catch (InvalidDataException e)
        {
            return (null, IngestErrors.Fail(IngestErrors.TruncatedGzip, $"corrupt gzip data at line {lineNumber}: {e.Message}", file, $"line {lineNumber}"));
        }
        catch (IOException e)
        {
            return (null, IngestErrors.Fail(IngestErrors.Unreadable, $"read error at line {lineNumber}: {e.Message}", file, $"line {lineNumber}"));
        }
    }

    internal static IngestItem ReadLine(string line, string file, int lineNumber, IngestOptions options)
    {
        var record = $"line {lineNumber}";
        if (line.Length * 3L > options.MaxDocumentBytes && System.Text.Encoding.UTF8.GetByteCount(line) > options.MaxDocumentBytes)
        {
            return IngestErrors.Fail(IngestErrors.TooLarge, $"{record} is over the limit of {options.MaxDocumentBytes:N0} bytes", file, record);
        }

        if (line.Contains('\0', StringComparison.Ordinal))
        {
            return IngestErrors.Fail(IngestErrors.Binary, $"{record} holds a NUL byte: binary content, not JSON text", file, record);
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line, ParseOptions);
        }
        catch (JsonException e)
        {
            // The parser's message ends with its own position (line 0 of a one-line document); give ours instead.
            var reason = e.Message;
            var position = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            reason = position > 0 ? reason[..position] : reason;
            return IngestErrors.Fail(IngestErrors.MalformedJson, $"{record} is not valid JSON (at character {e.BytePositionInLine + 1}): {reason}", file, record);
        }

        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return IngestErrors.Fail(IngestErrors.MalformedJson, $"{record} is not a JSON object", file, record);
            }

            string? text = null, html = null, id = null, url = null, title = null, outlet = null, published = null, author = null;
            foreach (var property in json.RootElement.EnumerateObject())
            {
                var value = property.Value;
                if (NameOf(property) is not { } propertyName)
                {
                    return IngestErrors.Fail(IngestErrors.MalformedJson, $"{record}: a property name holds an invalid escape (a lone UTF-16 surrogate)", file, record);
                }

                var name = propertyName.ToLowerInvariant();
                if (name is "text" or "body" or "html" && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                {
                    return IngestErrors.Fail(IngestErrors.MalformedJson, $"{record}: '{property.Name}' must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}", file, record);
                }

                if (!TryString(value, out var read))
                {
                    return IngestErrors.Fail(IngestErrors.MalformedJson, $"{record}: '{property.Name}' holds an invalid escape (a lone UTF-16 surrogate)", file, record);
                }

                switch (name)
                {
                    case "text" or "body":
                        text ??= read;
                        break;
                    case "html":
                        html = read;
                        break;
                    case "id":
                        id = read ?? (value.ValueKind == JsonValueKind.Number ? value.GetRawText() : null);
                        break;
                    case "url":
                        url = read;
                        break;
                    case "title" or "headline":
                        title ??= read;
                        break;
                    case "outlet":
                        outlet = read;
                        break;
                    case "published" or "date":
                        published ??= read ?? (value.ValueKind == JsonValueKind.Number ? value.GetRawText() : null);
                        break;
                    case "author":
                        author = read;
                        break;
                    default:
                        break;
                }
            }

            List<TacitusError>? warnings = null;
            var date = DocumentBuilder.Date(published, "published", file, record, ref warnings);
            var metadata = new DocumentMetadata
            {
                Origin = $"{file}#{record}",
                Format = "jsonl",
                ExternalId = id,
                Url = url,
                Title = title,
                Outlet = outlet,
                Published = date,
                Author = author,
            };

            if (text is null && html is not null)
            {
                var page = HtmlPageReader.Extract(html, url);
                if (!page.Success)
                {
                    return IngestErrors.Fail(IngestErrors.MalformedHtml, $"{record}: {page.Error}", file, record);
                }

                text = page.Value.Text;
                metadata = metadata with
                {
                    Title = title ?? page.Value.Title,
                    Author = author ?? page.Value.Author,
                    Outlet = outlet ?? page.Value.SiteName,
                    Published = date ?? page.Value.Published,
                };
            }

            if (text is null)
            {
                return IngestErrors.Fail(IngestErrors.MalformedJson, $"{record} has no string field 'text'", file, record);
            }

            return DocumentBuilder.Build(TextDecoder.Normalise(text), metadata, options, file, record, warnings);
        }
    }

    /// <summary>The property's name, or null when it holds a lone surrogate escape that cannot become a string.</summary>
    private static string? NameOf(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// A string value (null for any other kind); false when the string holds an escape that is no text (a lone
    /// surrogate, <c>"\ud800"</c>), which the JSON parser accepts and cannot turn into a string.
    /// </summary>
    private static bool TryString(JsonElement value, out string? text)
    {
        text = null;
        if (value.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        try
        {
            text = value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
