using System.Globalization;
using System.Text;
using Tacitus.Documents;

namespace Tacitus.Ingest;

/// <summary>
/// WARC 1.0/1.1 archives (plain, or gzip with one member per record or one for all), read record by record from a
/// stream, never whole. Each <c>response</c> record holding an HTTP 2xx response with an HTML body becomes an
/// article, with <c>WARC-Target-URI</c> as its URL, <c>WARC-Record-ID</c> as its external id and <c>WARC-Date</c>
/// as its date when the page itself gives none. Other records are skipped. A record cut short (a truncated file or
/// gzip stream) ends the archive with an error naming the record; records before it are kept.
/// </summary>
internal static class WarcReader
{
    private const int MaxHeaderLine = 64 * 1024;

    /// <summary>A record's whole header block, in characters: real ones are a few hundred.</summary>
    private const int MaxHeaderBlock = 16 * 1024;

    /// <summary>Room for the HTTP headers on top of the document limit.</summary>
    private const long HttpHeaderAllowance = 64 * 1024;

    public static IEnumerable<IngestItem> Read(Stream stream, bool gzipped, string file, IngestOptions options, CancellationToken cancellationToken)
    {
        var cursor = new Cursor(stream, gzipped, file, options);
        var articles = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = cursor.Next();
            if (step.Failure is not null)
            {
                yield return step.Failure.Value;
                if (step.Stop)
                {
                    yield break;
                }

                continue;
            }

            if (step.Block is null)
            {
                if (articles == 0 && cursor.Records == 0)
                {
                    yield return IngestErrors.Fail(IngestErrors.Empty, "the archive holds no records", file);
                }

                yield break;
            }

            var item = ReadResponse(step.Block, step.Headers!, file, cursor.Records, options);
            if (item is not null)
            {
                articles++;
                yield return item.Value;
            }
        }
    }

    /// <summary>The article in a response record, an error, or null for a response that is not an HTML page.</summary>
    private static IngestItem? ReadResponse(byte[] block, Dictionary<string, string> headers, string file, int number, IngestOptions options)
    {
        var record = $"record {number}";
        var payload = HttpPayload.Parse(block, options.MaxDocumentBytes);
        if (!payload.Success)
        {
            return IngestErrors.Fail(IngestErrors.MalformedWarc, $"{record}: {payload.Error}", file, record);
        }

        var http = payload.Value;
        if (http.Status is < 200 or > 299 || !http.IsHtml)
        {
            return null;
        }

        if (http.Undecodable is { } encoding)
        {
            return IngestErrors.Fail(IngestErrors.MalformedWarc, $"{record}: the body is not valid '{encoding}' data (Content-Encoding)", file, record);
        }

        if (http.OverLimit)
        {
            return IngestErrors.Fail(IngestErrors.TooLarge, $"{record}: the page is over the limit of {options.MaxDocumentBytes:N0} bytes (decoded)", file, record);
        }

        var html = TextDecoder.Decode(http.Body, http.Charset ?? HtmlPageReader.DeclaredCharset(http.Body));
        var url = headers.GetValueOrDefault("warc-target-uri")?.Trim('<', '>');
        var date = PublishedDate.Parse(headers.GetValueOrDefault("warc-date"));
        return HtmlPageReader.Read(html, file, $"{file}#{record}", options, "warc", url, date.Success ? date.Value : null,
            headers.GetValueOrDefault("warc-record-id")?.Trim('<', '>'), record);
    }

    /// <summary>One step through the archive: a response block to read, a failure (stopping or not), or the end.</summary>
    private readonly record struct Step(byte[]? Block, Dictionary<string, string>? Headers, IngestItem? Failure, bool Stop);

    private sealed class Cursor(Stream stream, bool gzipped, string file, IngestOptions options)
    {
        private readonly byte[] buffer = new byte[64 * 1024];
        private int position;
        private int length;
        private string? pendingVersionLine;

        public int Records { get; private set; }

        public Step Next()
        {
            try
            {
                while (true)
                {
                    var step = NextRecord();
                    if (step is { } found)
                    {
                        return found;
                    }
                }
            }
            catch (InvalidDataException e)
            {
                return Stop(IngestErrors.TruncatedGzip, $"record {Records + 1}: corrupt gzip data ({e.Message})");
            }
            catch (FormatException e)
            {
                return Stop(IngestErrors.MalformedWarc, $"record {Records}: {e.Message}");
            }
            catch (IOException e)
            {
                return Stop(IngestErrors.Unreadable, $"record {Records + 1}: read error ({e.Message})");
            }
        }

        /// <summary>Reads one record; null for a record that is skipped.</summary>
        private Step? NextRecord()
        {
            string? versionLine = pendingVersionLine;
            pendingVersionLine = null;
            if (versionLine is not null)
            {
                return ReadRecord(versionLine);
            }

            do
            {
                versionLine = ReadLine();
                if (versionLine is null)
                {
                    return new Step(null, null, null, true);
                }
            }
            while (versionLine.Length == 0);

            return ReadRecord(versionLine);
        }

        /// <summary>Reads the record that starts with <paramref name="versionLine"/>; null for a record that is skipped.</summary>
        private Step? ReadRecord(string versionLine)
        {
            Records++;
            var record = $"record {Records}";
            if (!versionLine.StartsWith("WARC/", StringComparison.Ordinal))
            {
                // A record whose Content-Length was too small leaves the rest of its block here: report it and go on
                // at the next record header, so the records after it are not lost.
                var found = $"expected a 'WARC/1.0' or 'WARC/1.1' line, found '{Shorten(versionLine)}'";
                return SkipToNextRecord()
                    ? new Step(null, null, IngestErrors.Fail(IngestErrors.MalformedWarc, $"{record}: {found}; skipped to the next record header", file, record), false)
                    : Stop(IngestErrors.MalformedWarc, $"{record}: {found}, and no record header follows");
            }

            var headers = new Dictionary<string, string>(StringComparer.Ordinal);
            string? lastName = null;
            var headerChars = 0;
            while (true)
            {
                var line = ReadLine();
                if (line is null)
                {
                    return Truncated(record, "in its header");
                }

                if (line.Length == 0)
                {
                    break;
                }

                // A header block is a few hundred bytes; one that runs on (a body read as folded header lines) is
                // refused before its folded values grow without bound.
                headerChars += line.Length;
                if (headerChars > MaxHeaderBlock)
                {
                    return Stop(IngestErrors.MalformedWarc, $"{record}: header longer than {MaxHeaderBlock / 1024} KB (is a body missing its blank line?)");
                }

                if (line[0] is ' ' or '\t' && lastName is not null)
                {
                    headers[lastName] += " " + line.Trim();
                    continue;
                }

                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    return Stop(IngestErrors.MalformedWarc, $"{record}: bad header line '{Shorten(line)}'");
                }

                lastName = line[..colon].Trim().ToLowerInvariant();
                headers[lastName] = line[(colon + 1)..].Trim();
            }

            if (!long.TryParse(headers.GetValueOrDefault("content-length"), NumberStyles.None, CultureInfo.InvariantCulture, out var contentLength))
            {
                return Stop(IngestErrors.MalformedWarc, $"{record}: missing or bad Content-Length");
            }

            var isResponse = headers.GetValueOrDefault("warc-type") == "response" &&
                (headers.GetValueOrDefault("content-type")?.StartsWith("application/http", StringComparison.OrdinalIgnoreCase) ?? false);
            if (!isResponse || contentLength > options.MaxDocumentBytes + HttpHeaderAllowance)
            {
                var skipped = Skip(contentLength);
                if (skipped < contentLength)
                {
                    return Truncated(record, $"after {skipped:N0} of {contentLength:N0} bytes");
                }

                return isResponse
                    ? new Step(null, null, IngestErrors.Fail(IngestErrors.TooLarge, $"{record}: response of {contentLength:N0} bytes is over the limit of {options.MaxDocumentBytes:N0}", file, record), false)
                    : null;
            }

            var block = new byte[contentLength];
            var read = ReadInto(block);
            return read < contentLength ? Truncated(record, $"after {read:N0} of {contentLength:N0} bytes") : new Step(block, headers, null, false);
        }

        /// <summary>
        /// Passes over lines (of any length) up to the next <c>WARC/1.</c> line, which the next call reads; false when
        /// the stream ends first.
        /// </summary>
        private bool SkipToNextRecord()
        {
            while (ReadLine(lenient: true) is { } line)
            {
                if (line.StartsWith("WARC/1.", StringComparison.Ordinal))
                {
                    pendingVersionLine = line;
                    return true;
                }
            }

            return false;
        }

        private Step Truncated(string record, string where) => gzipped
            ? Stop(IngestErrors.TruncatedGzip, $"{record} is cut short {where}: the gzip stream ends early")
            : Stop(IngestErrors.MalformedWarc, $"{record} is cut short {where}: the file ends early");

        private Step Stop(string code, string message) => new(null, null, IngestErrors.Fail(code, message, file, $"record {Math.Max(Records, 1)}"), true);

        private bool Fill()
        {
            if (position < length)
            {
                return true;
            }

            length = stream.Read(buffer, 0, buffer.Length);
            position = 0;
            return length > 0;
        }

        /// <summary>A header line without its CR LF, or null at the end of the stream.</summary>
        /// <param name="lenient">A line over the header limit is passed over (returned empty) instead of failing.</param>
        private string? ReadLine(bool lenient = false)
        {
            if (!Fill())
            {
                return null;
            }

            var bytes = new List<byte>();
            while (true)
            {
                var span = buffer.AsSpan(position, length - position);
                var newline = span.IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    bytes.AddRange(span[..newline]);
                    position += newline + 1;
                    break;
                }

                bytes.AddRange(span);
                position = length;
                if (bytes.Count > MaxHeaderLine)
                {
                    if (!lenient)
                    {
                        throw new FormatException("a header line is longer than 64 KB");
                    }

                    bytes.Clear();
                }

                if (!Fill())
                {
                    break;
                }
            }

            var line = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes);
            return Encoding.UTF8.GetString(line.TrimEnd((byte)'\r'));
        }

        private int ReadInto(Span<byte> destination)
        {
            var total = 0;
            while (total < destination.Length && Fill())
            {
                var count = Math.Min(length - position, destination.Length - total);
                buffer.AsSpan(position, count).CopyTo(destination[total..]);
                position += count;
                total += count;
            }

            return total;
        }

        private long Skip(long count)
        {
            var total = 0L;
            while (total < count && Fill())
            {
                var step = (int)Math.Min(length - position, count - total);
                position += step;
                total += step;
            }

            return total;
        }

        private static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";
    }
}
