using System.Text;
using System.Text.Unicode;
using UtfUnknown;

namespace Tacitus.Ingest;

/// <summary>
/// Turns the bytes of a document into normalised text: byte-order mark (UTF-8, UTF-16 LE/BE), else valid UTF-8,
/// else the charset the container declared (HTTP header, meta tag), else a detected single-byte code page for text
/// that is mostly non-ASCII (Cyrillic, Greek...), else Windows-1252 (a superset of Latin-1's printable range).
/// Line endings become <c>\n</c>.
/// </summary>
internal static class TextDecoder
{
    private const int SniffBytes = 8192;

    static TextDecoder()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252);
    }

    public static Encoding Windows1252 { get; }

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="declaredCharset"/> is used only when the bytes are not valid UTF-8.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? declaredCharset = null)
    {
        var encoding = Detect(bytes, declaredCharset, out var preamble);
        return Normalise(encoding.GetString(bytes[preamble..]));
    }

    /// <summary>Picks the encoding of <paramref name="bytes"/>; <paramref name="preamble"/> is the length of the byte-order mark to skip.</summary>
    public static Encoding Detect(ReadOnlySpan<byte> bytes, string? declaredCharset, out int preamble)
    {
        preamble = 0;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            preamble = 3;
            return Encoding.UTF8;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            preamble = 2;
            return Encoding.Unicode;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            preamble = 2;
            return Encoding.BigEndianUnicode;
        }

        var utf16 = Utf16WithoutMark(bytes);
        if (utf16 is not null)
        {
            return utf16;
        }

        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8;
        }

        var declared = FromName(declaredCharset);
        if (declared is not null && declared.CodePage != Encoding.UTF8.CodePage)
        {
            return declared;
        }

        return MostlyNonAscii(bytes) ? DetectSingleByte(bytes) ?? Windows1252 : Windows1252;
    }

    /// <summary>An encoding by its IANA name ("iso-8859-1", "windows-1251"), or null when unknown.</summary>
    public static Encoding? FromName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            var encoding = Encoding.GetEncoding(name.Trim().Trim('"', '\''));

            // Latin-1 labels are read as Windows-1252, as browsers do: pages that say one mean the other.
            return encoding.CodePage == 28591 ? Windows1252 : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// True when the start of <paramref name="bytes"/> is not text: NUL bytes (outside UTF-16), or more than one
    /// byte in ten a control character other than tab, line feed, carriage return and form feed.
    /// </summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return false;
        }

        var head = bytes[..Math.Min(bytes.Length, SniffBytes)];
        if (head.IndexOf((byte)0) >= 0)
        {
            return Utf16WithoutMark(head) is null;
        }

        var controls = 0;
        foreach (var b in head)
        {
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C and not 0x1B)
            {
                controls++;
            }
        }

        return controls * 10 > head.Length;
    }

    /// <summary>Line endings to <c>\n</c> (CRLF, CR, NEL, LS, PS); a leading byte-order mark removed.</summary>
    public static string Normalise(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        if (text.AsSpan().IndexOfAny('\r', '\u0085', '\u2028') < 0 && !text.Contains('\u2029'))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r':
                    builder.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\u0085' or '\u2028':
                    builder.Append('\n');
                    break;
                case '\u2029':
                    builder.Append("\n\n");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>UTF-16 without a byte-order mark: NUL in nearly every other byte of ASCII-heavy text.</summary>
    private static Encoding? Utf16WithoutMark(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..(Math.Min(bytes.Length, SniffBytes) & ~1)];
        if (head.Length < 4)
        {
            return null;
        }

        int evenNul = 0, oddNul = 0;
        for (var i = 0; i < head.Length; i += 2)
        {
            evenNul += head[i] == 0 ? 1 : 0;
            oddNul += head[i + 1] == 0 ? 1 : 0;
        }

        var pairs = head.Length / 2;
        if (oddNul * 10 > pairs * 7 && evenNul * 20 < pairs)
        {
            return Encoding.Unicode;
        }

        return evenNul * 10 > pairs * 7 && oddNul * 20 < pairs ? Encoding.BigEndianUnicode : null;
    }

    /// <summary>More than a fifth of the bytes above 0x7F: a script other than Latin in a single-byte code page.</summary>
    private static bool MostlyNonAscii(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, SniffBytes)];
        return CountHigh(head) * 5 > head.Length;
    }

    private static int CountHigh(ReadOnlySpan<byte> bytes)
    {
        var count = 0;
        foreach (var b in bytes)
        {
            count += b >> 7;
        }

        return count;
    }

    private static Encoding? DetectSingleByte(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, SniffBytes)].ToArray();
        var result = CharsetDetector.DetectFromBytes(head).Detected;
        return result is { Confidence: > 0.5f } && result.Encoding is { } encoding && encoding.CodePage != Encoding.UTF8.CodePage
            ? (encoding.CodePage == 28591 ? Windows1252 : encoding)
            : null;
    }
}
