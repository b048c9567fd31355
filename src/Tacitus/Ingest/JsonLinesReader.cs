using System.Text.Json;
using Tacitus.Documents;

namespace Tacitus.Ingest;

/// <summary>
/// JSON Lines: one article per line, an object with <c>text</c> (or <c>html</c>, read like a page) and optional
/// <c>id</c>, <c>url</c>, <c>title</c>, <c>outlet</c>, <c>published</c> (or <c>date</c>), <c>author</c>. Blank lines
/// are skipped; a malformed line is reported with its number and reading goes on with the next. Order is kept.
/// </summary>
internal static class JsonLinesReader
{
    private static readonly JsonDocumentOptions ParseOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    public static IEnumerable<IngestItem> Read(TextReader reader, string file, IngestOptions options, CancellationToken cancellationToken)
    {
        var lineNumber = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (line, failure) = NextLine(reader, file, lineNumber + 1);
            if (failure is not null)
            {
                yield return failure.Value;
                yield break;
            }

            if (line is null)
            {
                yield break;
            }

            lineNumber++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return ReadLine(line, file, lineNumber, options);
            }
        }
    }

    private static (string? Line, IngestItem? Failure) NextLine(TextReader reader, string file, int lineNumber)
    {
        try
        {
            return (reader.ReadLine(), null);
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
                switch (property.Name.ToLowerInvariant())
                {
                    case "text" or "body":
                        text ??= AsString(value);
                        break;
                    case "html":
                        html = AsString(value);
                        break;
                    case "id":
                        id = AsString(value);
                        break;
                    case "url":
                        url = AsString(value);
                        break;
                    case "title" or "headline":
                        title ??= AsString(value);
                        break;
                    case "outlet":
                        outlet = AsString(value);
                        break;
                    case "published" or "date":
                        published ??= AsString(value);
                        break;
                    case "author":
                        author = AsString(value);
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

    private static string? AsString(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };
}
