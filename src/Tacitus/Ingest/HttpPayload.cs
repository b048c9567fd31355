using System.Buffers.Text;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Tacitus.Ingest;

/// <summary>
/// The HTTP response inside a WARC <c>response</c> record: status, content type and charset, and the body with
/// chunked transfer encoding and gzip/deflate/brotli content encoding undone. Archives written by tools that already
/// de-chunked or decoded the body but kept the headers are read as they are. A compressed body is decoded only up to
/// a limit (checked while decoding, never after): past it the payload says <see cref="OverLimit"/>.
/// </summary>
/// A body that will not decode is kept raw when it looks like text (stored already decoded); otherwise
/// <see cref="Undecodable"/> names the encoding that failed.
internal sealed record HttpPayload(int Status, string? MediaType, string? Charset, byte[] Body, bool OverLimit = false, string? Undecodable = null)
{
    public bool IsHtml => MediaType is "text/html" or "application/xhtml+xml";

    /// <param name="maxBody">The most bytes a decoded body may have.</param>
    public static ParseResult<HttpPayload> Parse(ReadOnlySpan<byte> message, long maxBody = long.MaxValue)
    {
        var headerEnd = message.IndexOf("\r\n\r\n"u8);
        var separator = 4;
        var lf = message.IndexOf("\n\n"u8);
        if (headerEnd < 0 || (lf >= 0 && lf < headerEnd))
        {
            headerEnd = lf;
            separator = 2;
        }

        if (headerEnd < 0)
        {
            return ParseResult<HttpPayload>.Fail("no blank line after the HTTP headers");
        }

        var head = Encoding.Latin1.GetString(message[..headerEnd]);
        var lines = head.Split('\n');
        var statusLine = lines[0].TrimEnd('\r');
        var parts = statusLine.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/", StringComparison.OrdinalIgnoreCase) ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            return ParseResult<HttpPayload>.Fail($"bad HTTP status line '{Shorten(statusLine)}'");
        }

        string? contentType = null, transferEncoding = null, contentEncoding = null;
        foreach (var raw in lines.AsSpan(1))
        {
            var line = raw.TrimEnd('\r');
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var value = line[(colon + 1)..].Trim();
            switch (line[..colon].Trim().ToLowerInvariant())
            {
                case "content-type":
                    contentType = value;
                    break;
                case "transfer-encoding":
                    transferEncoding = value.ToLowerInvariant();
                    break;
                case "content-encoding":
                    contentEncoding = value.ToLowerInvariant();
                    break;
                default:
                    break;
            }
        }

        var body = message[(headerEnd + separator)..].ToArray();
        if (transferEncoding is not null && transferEncoding.Contains("chunked", StringComparison.Ordinal) && Dechunk(body) is { } joined)
        {
            body = joined;
        }

        var overLimit = false;
        string? undecodable = null;
        if (contentEncoding is not null)
        {
            var decoded = Decompress(body, contentEncoding, maxBody);
            overLimit = decoded.OverLimit;
            undecodable = decoded.Body is null && !overLimit && decoded.Failed && TextDecoder.LooksBinary(body) ? contentEncoding : null;
            body = decoded.Body ?? body;
        }

        var (mediaType, charset) = SplitContentType(contentType);
        return ParseResult<HttpPayload>.Ok(new HttpPayload(status, mediaType, charset, body, overLimit || body.Length > maxBody, undecodable));
    }

    private static (string? MediaType, string? Charset) SplitContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return (null, null);
        }

        var parts = contentType.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        string? charset = null;
        foreach (var parameter in parts.AsSpan(1))
        {
            if (parameter.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))
            {
                charset = parameter[8..].Trim('"', '\'', ' ');
            }
        }

        return (parts.Length == 0 ? null : parts[0].ToLowerInvariant(), charset);
    }

    /// <summary>Joins chunked transfer encoding; null when the body is not chunked after all.</summary>
    internal static byte[]? Dechunk(ReadOnlySpan<byte> body)
    {
        var output = new MemoryStream(body.Length);
        var position = 0;
        while (true)
        {
            var lineEnd = body[position..].IndexOf((byte)'\n');
            if (lineEnd < 0)
            {
                return null;
            }

            var sizeLine = body.Slice(position, lineEnd).TrimEnd((byte)'\r');
            var extension = sizeLine.IndexOf((byte)';');
            if (extension >= 0)
            {
                sizeLine = sizeLine[..extension];
            }

            sizeLine = sizeLine.Trim((byte)' ');
            if (sizeLine.IsEmpty || !Utf8Parser.TryParse(sizeLine, out int size, out var consumed, 'x') || consumed != sizeLine.Length || size < 0)
            {
                return null;
            }

            position += lineEnd + 1;
            if (size == 0)
            {
                return output.ToArray();
            }

            if (position + size > body.Length)
            {
                // A cut-short last chunk: keep what is there.
                output.Write(body[position..]);
                return output.ToArray();
            }

            output.Write(body.Slice(position, size));
            position += size;
            if (body[position..].StartsWith("\r\n"u8))
            {
                position += 2;
            }
            else if (body[position..].StartsWith("\n"u8))
            {
                position += 1;
            }
        }
    }

    /// <summary>The decoded body (null when it cannot be decoded: the caller keeps the raw one), or over the limit.</summary>
    private static (byte[]? Body, bool OverLimit, bool Failed) Decompress(byte[] body, string encoding, long max)
    {
        try
        {
            using var input = new MemoryStream(body);
            using Stream decoder = encoding switch
            {
                "gzip" or "x-gzip" when body.Length > 2 && body[0] == 0x1F && body[1] == 0x8B => new GZipStream(input, CompressionMode.Decompress),
                "deflate" => new ZLibStream(input, CompressionMode.Decompress),
                "br" => new BrotliStream(input, CompressionMode.Decompress),
                _ => Stream.Null,
            };
            if (decoder == Stream.Null)
            {
                return (null, false, false);
            }

            using var output = new MemoryStream();
            var chunk = new byte[64 * 1024];
            int read;
            while ((read = decoder.Read(chunk, 0, chunk.Length)) > 0)
            {
                output.Write(chunk, 0, read);
                if (output.Length > max)
                {
                    return (null, true, false);
                }
            }

            return (output.ToArray(), false, false);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException)
        {
            // Stored already decoded, or damaged (brotli reports bad data as InvalidOperationException): the caller
            // keeps the raw body if it is text.
            return (null, false, true);
        }
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";
}
