using System.Text;
using Tacitus.Ingest;

namespace Tacitus.Tests.Ingest;

public sealed class TextDecoderTests
{
    private const string Sample = "The minister said the \u201Cdeal\u201D was worth \u00A3400m \u2013 more than expected.\nSecond line.";

    static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-8")]
    [InlineData("utf-16le-bom")]
    [InlineData("utf-16be-bom")]
    [InlineData("utf-16le")]
    [InlineData("windows-1252")]
    public void Decode_KnownEncodings_RoundTrip(string name)
    {
        byte[] bytes = name switch
        {
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Sample)],
            "utf-8" => Encoding.UTF8.GetBytes(Sample),
            "utf-16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Sample)],
            "utf-16be-bom" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Sample)],
            "utf-16le" => Encoding.Unicode.GetBytes(Sample),
            _ => Encoding.GetEncoding(1252).GetBytes(Sample),
        };

        Assert.Equal(Sample, TextDecoder.Decode(bytes));
    }

    [Fact]
    public void Decode_SingleLatin1Byte_ReadsPoundSign()
    {
        // Valid ASCII with one 0xA3 byte: not UTF-8, so read as Windows-1252 / Latin-1.
        byte[] bytes = [.. "Tickets cost "u8, 0xA3, .. "30 each."u8];
        Assert.Equal("Tickets cost \u00A330 each.", TextDecoder.Decode(bytes));
    }

    [Fact]
    public void Decode_DeclaredCharsetUsedOnlyWhenNotUtf8()
    {
        var cyrillic = Encoding.GetEncoding(1251).GetBytes("Москва");
        Assert.Equal("Москва", TextDecoder.Decode(cyrillic, "windows-1251"));
        Assert.Equal("caf\u00E9", TextDecoder.Decode(Encoding.UTF8.GetBytes("caf\u00E9"), "windows-1251"));
    }

    [Theory]
    [InlineData("a\r\nb\rc\nd", "a\nb\nc\nd")]
    [InlineData("\uFEFFtitle\r\n\r\nbody", "title\n\nbody")]
    [InlineData("a\u0085b\u2028c", "a\nb\nc")]
    public void Normalise_LineEndings_BecomeLineFeeds(string input, string expected) => Assert.Equal(expected, TextDecoder.Normalise(input));

    [Fact]
    public void LooksBinary_NulBytesOrControls_True()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
        Assert.True(TextDecoder.LooksBinary(png));
        Assert.True(TextDecoder.LooksBinary([.. "text"u8, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06]));
        Assert.False(TextDecoder.LooksBinary(Encoding.UTF8.GetBytes(Sample)));
        Assert.False(TextDecoder.LooksBinary([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Sample)]));
        Assert.False(TextDecoder.LooksBinary(Encoding.Unicode.GetBytes(Sample)));
    }
}
