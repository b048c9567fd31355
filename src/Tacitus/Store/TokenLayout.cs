using System.Buffers.Binary;
using Tacitus.Documents;

namespace Tacitus.Store;

/// <summary>
/// Packs a document's tokens and paragraphs into compact blobs (one row per token would make the store
/// ten times slower and larger): a token is start, end (little-endian int32) and kind; a paragraph is start and end.
/// </summary>
internal static class TokenLayout
{
    private const int TokenSize = 9;
    private const int ParagraphSize = 8;

    public static byte[] PackTokens(List<Token> tokens)
    {
        var bytes = new byte[tokens.Count * TokenSize];
        var span = bytes.AsSpan();
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var slot = span.Slice(i * TokenSize, TokenSize);
            BinaryPrimitives.WriteInt32LittleEndian(slot, t.Span.Start);
            BinaryPrimitives.WriteInt32LittleEndian(slot[4..], t.Span.End);
            slot[8] = (byte)t.Kind;
        }

        return bytes;
    }

    public static void UnpackTokens(ReadOnlySpan<byte> bytes, List<Token> into)
    {
        for (var i = 0; i + TokenSize <= bytes.Length; i += TokenSize)
        {
            var start = BinaryPrimitives.ReadInt32LittleEndian(bytes[i..]);
            var end = BinaryPrimitives.ReadInt32LittleEndian(bytes[(i + 4)..]);
            into.Add(new Token(new TextSpan(start, end), (TokenKind)bytes[i + 8]));
        }
    }

    public static byte[] PackParagraphs(List<Paragraph> paragraphs)
    {
        var bytes = new byte[paragraphs.Count * ParagraphSize];
        for (var i = 0; i < paragraphs.Count; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * ParagraphSize), paragraphs[i].Span.Start);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan((i * ParagraphSize) + 4), paragraphs[i].Span.End);
        }

        return bytes;
    }

    public static void UnpackParagraphs(ReadOnlySpan<byte> bytes, List<Paragraph> into)
    {
        for (var i = 0; i + ParagraphSize <= bytes.Length; i += ParagraphSize)
        {
            into.Add(new Paragraph(into.Count, new TextSpan(BinaryPrimitives.ReadInt32LittleEndian(bytes[i..]), BinaryPrimitives.ReadInt32LittleEndian(bytes[(i + 4)..]))));
        }
    }
}
