using System.Xml;
using System.Xml.Linq;
using Tacitus.Documents;

namespace Tacitus.Ingest;

/// <summary>
/// RSS 2.0 (and RSS 1.0/RDF) and Atom feeds, read as a stream one item at a time. Each item or entry is an
/// article: its full content (<c>content:encoded</c>, Atom <c>content</c>) when present, else its description or
/// summary, HTML turned into text; link, date (<c>pubDate</c>, <c>dc:date</c>, Atom <c>published</c> else
/// <c>updated</c>), title and author; the outlet is the channel's or feed's title. Malformed XML ends the feed
/// with an error naming the line; items read before it are kept.
/// </summary>
internal static class FeedReader
{
    public static IEnumerable<IngestItem> Read(Stream stream, string file, IngestOptions options, CancellationToken cancellationToken)
    {
        using var cursor = new Cursor(stream, file);
        var number = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (item, failure) = cursor.Next();
            if (failure is not null)
            {
                yield return failure.Value;
                yield break;
            }

            if (item is null)
            {
                if (number == 0)
                {
                    yield return IngestErrors.Fail(IngestErrors.Empty, "the feed has no items", file);
                }

                yield break;
            }

            number++;
            yield return cursor.Atom ? ReadEntry(item, cursor.Outlet, file, number, options) : ReadItem(item, cursor.Outlet, file, number, options);
        }
    }

    private static IngestItem ReadItem(XElement item, string? outlet, string file, int number, IngestOptions options)
    {
        var record = $"item {number}";
        List<TacitusError>? warnings = null;
        var date = Child(item, "pubDate") ?? Child(item, "date") ?? Child(item, "published") ?? Child(item, "updated");
        var metadata = new DocumentMetadata
        {
            Origin = $"{file}#{record}",
            Format = "rss",
            Outlet = outlet,
            Title = Inline(Child(item, "title")),
            Url = Child(item, "link") ?? PermaLink(item),
            ExternalId = Child(item, "guid"),
            Author = Child(item, "creator") ?? Child(item, "author"),
            Published = DocumentBuilder.Date(date, "pubDate", file, record, ref warnings),
        };
        var body = NonEmpty(Child(item, "encoded")) ?? Child(item, "description") ?? string.Empty;
        return DocumentBuilder.Build(HtmlText.FromFragment(body), metadata, options, file, record, warnings);
    }

    private static IngestItem ReadEntry(XElement entry, string? outlet, string file, int number, IngestOptions options)
    {
        var record = $"entry {number}";
        List<TacitusError>? warnings = null;
        var link = entry.Elements().Where(e => e.Name.LocalName == "link")
            .FirstOrDefault(e => (string?)e.Attribute("rel") is null or "alternate");
        var date = Child(entry, "published") ?? Child(entry, "updated") ?? Child(entry, "date");
        var author = entry.Elements().FirstOrDefault(e => e.Name.LocalName == "author");
        var metadata = new DocumentMetadata
        {
            Origin = $"{file}#{record}",
            Format = "atom",
            Outlet = outlet,
            Title = Inline(Content(entry, "title")),
            Url = (string?)link?.Attribute("href"),
            ExternalId = Child(entry, "id"),
            Author = author is null ? null : Child(author, "name") ?? NonEmpty(author.Value),
            Published = DocumentBuilder.Date(date, "published", file, record, ref warnings),
        };
        var body = NonEmpty(Content(entry, "content")) ?? Content(entry, "summary") ?? string.Empty;
        return DocumentBuilder.Build(HtmlText.FromFragment(body), metadata, options, file, record, warnings);
    }

    /// <summary>An Atom text construct as HTML: <c>type="xhtml"</c> children serialised, otherwise the text (HTML or plain).</summary>
    private static string? Content(XElement parent, string name)
    {
        var element = parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);
        if (element is null)
        {
            return null;
        }

        return (string?)element.Attribute("type") == "xhtml"
            ? string.Concat(element.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)))
            : element.Value;
    }

    private static string? Child(XElement parent, string name) =>
        NonEmpty(parent.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value);

    private static string? PermaLink(XElement item)
    {
        var guid = item.Elements().FirstOrDefault(e => e.Name.LocalName == "guid");
        return guid is not null && (string?)guid.Attribute("isPermaLink") != "false" && guid.Value.StartsWith("http", StringComparison.OrdinalIgnoreCase)
            ? guid.Value.Trim()
            : null;
    }

    private static string? Inline(string? value) => value is null ? null : NonEmpty(HtmlText.FromFragment(value).ReplaceLineEndings(" "));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Walks the XML: the channel title on the way, one item or entry at a time; XML errors become a result.</summary>
    private sealed class Cursor : IDisposable
    {
        private readonly XmlReader reader;
        private readonly string file;
        private bool started;
        private int titleDepth;

        public Cursor(Stream stream, string file)
        {
            _ = TextDecoder.Windows1252; // registers the code-page encodings feeds may declare
            this.file = file;
            reader = XmlReader.Create(stream, new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Ignore,
                XmlResolver = null,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
                CloseInput = false,
            });
        }

        public bool Atom { get; private set; }

        public string? Outlet { get; private set; }

        public (XElement? Item, IngestItem? Failure) Next()
        {
            try
            {
                if (!started)
                {
                    started = true;
                    reader.MoveToContent();
                    var root = reader.LocalName;
                    if (root is not ("rss" or "feed" or "RDF"))
                    {
                        return (null, IngestErrors.Fail(IngestErrors.MalformedXml, $"not an RSS or Atom feed (the root element is <{reader.Name}>)", file));
                    }

                    Atom = root == "feed";
                    titleDepth = Atom ? 1 : 2;
                    reader.Read();
                }

                while (!reader.EOF)
                {
                    if (reader.NodeType == XmlNodeType.Element)
                    {
                        var name = reader.LocalName;
                        if (name is "item" or "entry")
                        {
                            return ((XElement)XNode.ReadFrom(reader), null);
                        }

                        if (name == "title" && Outlet is null && reader.Depth == titleDepth)
                        {
                            Outlet = NonEmpty(reader.ReadElementContentAsString());
                            continue;
                        }
                    }

                    reader.Read();
                }

                return (null, null);
            }
            catch (XmlException e)
            {
                return (null, IngestErrors.Fail(IngestErrors.MalformedXml, $"malformed XML at line {e.LineNumber}, column {e.LinePosition}: {e.Message}", file, $"line {e.LineNumber}"));
            }
            catch (InvalidDataException e)
            {
                return (null, IngestErrors.Fail(IngestErrors.TruncatedGzip, $"corrupt gzip data: {e.Message}", file));
            }
            catch (IOException e)
            {
                return (null, IngestErrors.Fail(IngestErrors.Unreadable, $"read error: {e.Message}", file));
            }
        }

        public void Dispose() => reader.Dispose();
    }
}
