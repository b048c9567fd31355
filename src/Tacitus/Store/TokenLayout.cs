using System.Buffers.Binary;
using Tacitus.Documents;

namespace Tacitus.Store;

/// <summary>
/// Packs a document's tokens and paragraphs into compact blobs (one row per token would make the store
/// ten times slower and larger): a token is start, end (little-endian int32) and kind; a paragraph is start and end.
/// The writer packs into a buffer it keeps for every document (SQLite copies what is bound), so a document's
/// tokens cost no new array.
/// </summary>
internal static class TokenLayout
{
    private const int TokenSize = 9;
    private const int ParagraphSize = 8;

    /// <summary>The tokens packed into <paramref name="buffer"/> (grown when too small); the result holds until the buffer is written again.</summary>
    public static ReadOnlyMemory<byte> PackTokens(List<Token> tokens, ref byte[] buffer)
    {
        var size = tokens.Count * TokenSize;
        Grow(ref buffer, size);
        var span = buffer.AsSpan(0, size);
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var slot = span.Slice(i * TokenSize, TokenSize);
            BinaryPrimitives.WriteInt32LittleEndian(slot, t.Span.Start);
            BinaryPrimitives.WriteInt32LittleEndian(slot[4..], t.Span.End);
            slot[8] = (byte)t.Kind;
        }

        return buffer.AsMemory(0, size);
    }

    /// <exception cref="InvalidDataException">The value is not a whole number of tokens (cut or damaged).</exception>
    public static void UnpackTokens(ReadOnlySpan<byte> bytes, List<Token> into)
    {
        Whole(bytes.Length, TokenSize, "tokens");
        for (var i = 0; i + TokenSize <= bytes.Length; i += TokenSize)
        {
            var start = BinaryPrimitives.ReadInt32LittleEndian(bytes[i..]);
            var end = BinaryPrimitives.ReadInt32LittleEndian(bytes[(i + 4)..]);
            into.Add(new Token(new TextSpan(start, end), (TokenKind)bytes[i + 8]));
        }
    }

    /// <summary>The paragraphs packed into <paramref name="buffer"/> (grown when too small); the result holds until the buffer is written again.</summary>
    public static ReadOnlyMemory<byte> PackParagraphs(List<Paragraph> paragraphs, ref byte[] buffer)
    {
        var size = paragraphs.Count * ParagraphSize;
        Grow(ref buffer, size);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(i * ParagraphSize), paragraphs[i].Span.Start);
            BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan((i * ParagraphSize) + 4), paragraphs[i].Span.End);
        }

        return buffer.AsMemory(0, size);
    }

    /// <exception cref="InvalidDataException">The value is not a whole number of paragraphs (cut or damaged).</exception>
    public static void UnpackParagraphs(ReadOnlySpan<byte> bytes, List<Paragraph> into)
    {
        Whole(bytes.Length, ParagraphSize, "paragraphs");
        for (var i = 0; i + ParagraphSize <= bytes.Length; i += ParagraphSize)
        {
            into.Add(new Paragraph(into.Count, new TextSpan(BinaryPrimitives.ReadInt32LittleEndian(bytes[i..]), BinaryPrimitives.ReadInt32LittleEndian(bytes[(i + 4)..]))));
        }
    }

    private static void Whole(int length, int size, string what)
    {
        if (length % size != 0)
        {
            throw new InvalidDataException($"{what}: {length} bytes is not a whole number of {size}-byte rows");
        }
    }

    private static void Grow(ref byte[] buffer, int size)
    {
        if (buffer.Length < size)
        {
            buffer = new byte[Math.Max(size, buffer.Length * 2)];
        }
    }
}
