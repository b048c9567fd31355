using System.IO.Compression;
using System.Text;

namespace Tacitus.Ingest;

/// <summary>
/// Streams documents from paths, directories, globs and stdin ("-"). Each input is read lazily; a bad
/// input yields an <see cref="IngestItem"/> with an error and the rest carry on. docs/INPUT.md describes the
/// formats, how they are recognised, and the error codes.
/// </summary>
public static class DocumentSources
{
    public static IEnumerable<IngestItem> Read(IEnumerable<string> inputs, IngestOptions options, CancellationToken cancellationToken = default) =>
        Read(inputs, options, Console.OpenStandardInput, cancellationToken);

    /// <summary>As <see cref="Read(IEnumerable{string}, IngestOptions, CancellationToken)"/>, with "-" read from <paramref name="stdin"/>.</summary>
    internal static IEnumerable<IngestItem> Read(IEnumerable<string> inputs, IngestOptions options, Stream stdin, CancellationToken cancellationToken = default) =>
        Read(inputs, options, () => stdin, cancellationToken);

    private static IEnumerable<IngestItem> Read(IEnumerable<string> inputs, IngestOptions options, Func<Stream> openStdin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (input == "-")
            {
                foreach (var item in ReadStdin(openStdin(), options, cancellationToken))
                {
                    yield return item;
                }

                continue;
            }

            foreach (var path in InputPaths.Expand(input))
            {
                if (path.Error is { } error)
                {
                    yield return error;
                    continue;
                }

                foreach (var item in ReadFile(path.Path!, options, cancellationToken))
                {
                    yield return item;
                }
            }
        }
    }

    private static IEnumerable<IngestItem> ReadFile(string path, IngestOptions options, CancellationToken cancellationToken)
    {
        var format = FormatSniffer.FromName(path);
        if (format is InputFormat.Text or InputFormat.Html or InputFormat.Unknown)
        {
            var whole = SourceFile.ReadAll(path, options.MaxDocumentBytes);
            if (whole.Failure is { } failure)
            {
                // An unnamed file too large to be one document may be an archive, a feed or JSON Lines.
                var large = failure.Error!.Code == IngestErrors.TooLarge && format == InputFormat.Unknown ? Sniff(path) : InputFormat.Unknown;
                if (large is InputFormat.JsonLines or InputFormat.Feed or InputFormat.Warc)
                {
                    format = large;
                }
                else
                {
                    return [failure];
                }
            }
            else
            {
                return ReadSingle(whole.Bytes!, whole.Gzipped, path, format, options, cancellationToken);
            }
        }

        return ReadStreamed(path, format, options, cancellationToken);
    }

    /// <summary>A file read whole: text or HTML, or a small file whose content shows a multi-document format.</summary>
    private static IEnumerable<IngestItem> ReadSingle(byte[] bytes, bool gzipped, string path, InputFormat format, IngestOptions options, CancellationToken cancellationToken)
    {
        if (bytes.Length == 0)
        {
            return [IngestErrors.Fail(IngestErrors.Empty, "empty file", path)];
        }

        var sniffed = FormatSniffer.FromContent(bytes.AsSpan(0, Math.Min(bytes.Length, FormatSniffer.HeadBytes)));
        if (sniffed == InputFormat.Warc)
        {
            return WarcReader.Read(new MemoryStream(bytes, writable: false), gzipped, path, options, cancellationToken);
        }

        // JSON Lines are judged line by line: one line with a NUL byte fails alone, the others are read.
        if (!(sniffed == InputFormat.JsonLines && format == InputFormat.Unknown) && TextDecoder.LooksBinary(bytes))
        {
            return [IngestErrors.Fail(IngestErrors.Binary, "binary content, not text", path)];
        }

        return sniffed switch
        {
            InputFormat.JsonLines when format == InputFormat.Unknown => JsonLinesReader.Read(NewReader(new MemoryStream(bytes, writable: false)), path, options, cancellationToken),
            InputFormat.Feed => FeedReader.Read(new MemoryStream(bytes, writable: false), path, options, cancellationToken),
            _ when sniffed == InputFormat.Html || format == InputFormat.Html =>
                [HtmlPageReader.Read(TextDecoder.Decode(bytes, HtmlPageReader.DeclaredCharset(bytes)), path, path, options)],
            _ => [ReadText(bytes, path, path, options)],
        };
    }

    private static IngestItem ReadText(byte[] bytes, string file, string origin, IngestOptions options)
    {
        var text = TextDecoder.Decode(bytes);
        return text.AsSpan().Trim().IsEmpty
            ? IngestErrors.Fail(IngestErrors.Empty, "the file holds only white space", file)
            : PlainTextReader.Read(text, file, origin, options);
    }

    /// <summary>JSON Lines, feeds and archives: read as a stream, one record at a time.</summary>
    private static IEnumerable<IngestItem> ReadStreamed(string path, InputFormat format, IngestOptions options, CancellationToken cancellationToken)
    {
        var head = SourceFile.ReadHead(path, FormatSniffer.HeadBytes);
        if (head.Failure is { } failure)
        {
            yield return failure;
            yield break;
        }

        if (head.Bytes!.Length == 0)
        {
            yield return IngestErrors.Fail(IngestErrors.Empty, "empty file", path);
            yield break;
        }

        var jsonLines = format == InputFormat.JsonLines && FormatSniffer.FromContent(head.Bytes) == InputFormat.JsonLines;
        if (format != InputFormat.Warc && !jsonLines && TextDecoder.LooksBinary(head.Bytes))
        {
            yield return IngestErrors.Fail(IngestErrors.Binary, "binary content, not text", path);
            yield break;
        }

        var opened = SourceFile.Open(path);
        if (opened.Failure is { } openFailure)
        {
            yield return openFailure;
            yield break;
        }

        using var stream = opened.Stream!;
        var items = format switch
        {
            InputFormat.JsonLines => JsonLinesReader.Read(NewReader(stream), path, options, cancellationToken),
            InputFormat.Feed => FeedReader.Read(stream, path, options, cancellationToken),
            _ => WarcReader.Read(stream, opened.Gzipped, path, options, cancellationToken),
        };
        foreach (var item in items)
        {
            yield return item;
        }
    }

    private static InputFormat Sniff(string path)
    {
        var head = SourceFile.ReadHead(path, FormatSniffer.HeadBytes);
        return head.Bytes is { Length: > 0 } bytes ? FormatSniffer.FromContent(bytes) : InputFormat.Unknown;
    }

    /// <summary>Stdin in the format <see cref="IngestOptions.StdinFormat"/> names: text (the default), jsonl, html, rss/atom/feed, warc.</summary>
    private static IEnumerable<IngestItem> ReadStdin(Stream stdin, IngestOptions options, CancellationToken cancellationToken)
    {
        const string file = "-";
        switch (options.StdinFormat.ToLowerInvariant())
        {
            case "jsonl" or "ndjson":
                return JsonLinesReader.Read(NewReader(stdin), file, options, cancellationToken);
            case "rss" or "atom" or "feed" or "xml":
                return FeedReader.Read(stdin, file, options, cancellationToken);
            case "warc":
                return WarcReader.Read(stdin, gzipped: false, file, options, cancellationToken);
            case "text" or "txt" or "html":
                var whole = SourceFile.ReadAll(stdin, file, options.MaxDocumentBytes);
                if (whole.Failure is { } failure)
                {
                    return [failure];
                }

                var bytes = whole.Bytes!;
                if (bytes.Length == 0)
                {
                    return [IngestErrors.Fail(IngestErrors.Empty, "nothing on stdin", file)];
                }

                if (TextDecoder.LooksBinary(bytes))
                {
                    return [IngestErrors.Fail(IngestErrors.Binary, "binary content, not text", file)];
                }

                var html = options.StdinFormat.Equals("html", StringComparison.OrdinalIgnoreCase) ||
                    FormatSniffer.FromContent(bytes.AsSpan(0, Math.Min(bytes.Length, FormatSniffer.HeadBytes))) == InputFormat.Html;
                return html
                    ? [HtmlPageReader.Read(TextDecoder.Decode(bytes, HtmlPageReader.DeclaredCharset(bytes)), file, file, options)]
                    : [ReadText(bytes, file, file, options)];
            default:
                return [IngestErrors.Fail(IngestErrors.Unreadable, $"unknown stdin format '{options.StdinFormat}' (text, jsonl, html, rss, warc)", file)];
        }
    }

    /// <summary>JSON Lines are UTF-8 (RFC 8259); a UTF-16 or UTF-8 byte-order mark is honoured.</summary>
    private static StreamReader NewReader(Stream stream) =>
        new(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);

    /// <summary>Opening and reading files, gzip looked through, every failure a result.</summary>
    private static class SourceFile
    {
        internal readonly record struct Whole(byte[]? Bytes, bool Gzipped, IngestItem? Failure);

        internal readonly record struct Opened(Stream? Stream, bool Gzipped, IngestItem? Failure);

        /// <param name="buffered">False when the caller reads the whole file in one go (no second copy through a buffer).</param>
        public static Opened Open(string path, bool buffered = true)
        {
            FileStream? file = null;
            try
            {
                file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, buffered ? 64 * 1024 : 0, FileOptions.SequentialScan);
                Span<byte> magic = stackalloc byte[2];
                var gzipped = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
                file.Position = 0;
                return new Opened(gzipped ? new GZipStream(file, CompressionMode.Decompress) : file, gzipped, null);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                file?.Dispose();
                return new Opened(null, false, IngestErrors.Fail(IngestErrors.Unreadable, $"cannot read: {e.Message}", path));
            }
        }

        public static Whole ReadAll(string path, long max)
        {
            var opened = Open(path, buffered: false);
            if (opened.Failure is not null)
            {
                return new Whole(null, false, opened.Failure);
            }

            using var stream = opened.Stream!;
            try
            {
                if (!opened.Gzipped && stream.Length > max)
                {
                    return new Whole(null, false, TooLarge(path, stream.Length, max));
                }

                if (!opened.Gzipped)
                {
                    var bytes = new byte[stream.Length];
                    var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
                    return new Whole(read == bytes.Length ? bytes : bytes[..read], false, null);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new Whole(null, false, IngestErrors.Fail(IngestErrors.Unreadable, $"cannot read: {e.Message}", path));
            }

            var whole = ReadAll(stream, path, max);
            return whole with { Gzipped = true };
        }

        /// <summary>Reads a stream to its end, refusing more than <paramref name="max"/> bytes.</summary>
        public static Whole ReadAll(Stream stream, string file, long max)
        {
            try
            {
                using var buffer = new MemoryStream();
                var chunk = new byte[64 * 1024];
                int read;
                while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
                {
                    buffer.Write(chunk, 0, read);
                    if (buffer.Length > max)
                    {
                        return new Whole(null, false, TooLarge(file, buffer.Length, max, atLeast: true));
                    }
                }

                return new Whole(buffer.ToArray(), false, null);
            }
            catch (InvalidDataException e)
            {
                return new Whole(null, false, IngestErrors.Fail(IngestErrors.TruncatedGzip, $"corrupt gzip data: {e.Message}", file));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new Whole(null, false, IngestErrors.Fail(IngestErrors.Unreadable, $"cannot read: {e.Message}", file));
            }
        }

        public static Whole ReadHead(string path, int count)
        {
            var opened = Open(path);
            if (opened.Failure is not null)
            {
                return new Whole(null, false, opened.Failure);
            }

            using var stream = opened.Stream!;
            try
            {
                var head = new byte[count];
                var read = stream.ReadAtLeast(head, count, throwOnEndOfStream: false);
                return new Whole(head[..read], opened.Gzipped, null);
            }
            catch (InvalidDataException e)
            {
                return new Whole(null, true, IngestErrors.Fail(IngestErrors.TruncatedGzip, $"corrupt gzip data: {e.Message}", path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new Whole(null, false, IngestErrors.Fail(IngestErrors.Unreadable, $"cannot read: {e.Message}", path));
            }
        }

        private static IngestItem TooLarge(string file, long size, long max, bool atLeast = false) =>
            IngestErrors.Fail(IngestErrors.TooLarge, $"{(atLeast ? "more than " : string.Empty)}{size:N0} bytes is over the limit of {max:N0} for one document", file);
    }
}
