using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Tacitus.Fusion;

/// <summary>
/// A story's centroid as the store keeps it (<c>stories.centroid</c>, a BLOB since migration 14): a format byte (1), the
/// term count, then per term in the order given (term order) the bytes its UTF-8 shares with the previous term's, the
/// rest of its UTF-8 (length, bytes), its weight as the 8 bytes of the double (little-endian, so it reads back exactly)
/// and its last day (0: none; else the day, zig-zag coded, plus one); counts and lengths are unsigned LEB128. About half
/// the bytes of the JSON it replaces and no number formatting: a story's centroid is rewritten each batch it changes.
/// The writer's buffer is reused: what <see cref="Written"/> returns holds until the next <see cref="Begin"/>.
/// </summary>
internal sealed class CentroidBlob
{
    private const byte Format = 1;

    private readonly ArrayBufferWriter<byte> buffer = new(8 * 1024);
    private byte[] previous = new byte[256];
    private byte[] current = new byte[256];
    private int previousLength;

    /// <summary>The centroid written since <see cref="Begin"/>.</summary>
    public ReadOnlyMemory<byte> Written => buffer.WrittenMemory;

    /// <summary>Starts a centroid of <paramref name="count"/> terms (as many <see cref="Add"/> calls must follow).</summary>
    public void Begin(int count)
    {
        buffer.ResetWrittenCount();
        previousLength = 0;
        buffer.GetSpan(1)[0] = Format;
        buffer.Advance(1);
        WriteCount((ulong)count);
    }

    public void Add(string term, double weight, int? lastDay)
    {
        var most = Encoding.UTF8.GetMaxByteCount(term.Length);
        if (current.Length < most)
        {
            current = new byte[Math.Max(most, current.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(term, current);
        var shared = current.AsSpan(0, length).CommonPrefixLength(previous.AsSpan(0, previousLength));
        WriteCount((ulong)shared);
        WriteCount((ulong)(length - shared));
        current.AsSpan(shared, length - shared).CopyTo(buffer.GetSpan(length - shared));
        buffer.Advance(length - shared);
        BinaryPrimitives.WriteDoubleLittleEndian(buffer.GetSpan(8), weight);
        buffer.Advance(8);
        WriteCount(lastDay is int d ? ((ulong)(uint)((d << 1) ^ (d >> 31))) + 1 : 0);
        (previous, current, previousLength) = (current, previous, length);
    }

    /// <summary>
    /// Reads a centroid back, calling <paramref name="add"/> with each term, weight and last day in stored order.
    /// </summary>
    /// <exception cref="FormatException">The bytes are not a centroid of this format.</exception>
    public static void Read<TState>(ReadOnlySpan<byte> blob, TState state, Action<TState, string, double, int?> add)
    {
        if (blob.Length == 0 || blob[0] != Format)
        {
            throw new FormatException(blob.Length == 0 ? "empty centroid" : $"unknown centroid format {blob[0]}");
        }

        var at = 1;
        var count = ReadCount(blob, ref at);
        Span<byte> term = stackalloc byte[512];
        byte[]? rented = null;
        var termLength = 0;
        try
        {
            for (ulong i = 0; i < count; i++)
            {
                var shared = (int)ReadCount(blob, ref at);
                var rest = (int)ReadCount(blob, ref at);
                if (shared < 0 || shared > termLength || rest < 0 || at + rest + 8 > blob.Length)
                {
                    throw new FormatException($"centroid term {i} runs past the end");
                }

                if (shared + rest > term.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(shared + rest);
                    term[..termLength].CopyTo(larger);
                    if (rented is not null)
                    {
                        ArrayPool<byte>.Shared.Return(rented);
                    }

                    rented = larger;
                    term = larger;
                }

                blob.Slice(at, rest).CopyTo(term[shared..]);
                at += rest;
                termLength = shared + rest;
                var weight = BinaryPrimitives.ReadDoubleLittleEndian(blob.Slice(at, 8));
                at += 8;
                var day = ReadCount(blob, ref at);
                int? lastDay = day == 0 ? null : (int)((uint)(day - 1) >> 1) ^ -(int)((uint)(day - 1) & 1);
                add(state, Encoding.UTF8.GetString(term[..termLength]), weight, lastDay);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        if (at != blob.Length)
        {
            throw new FormatException($"{blob.Length - at} bytes after the centroid's {count} terms");
        }
    }

    private void WriteCount(ulong value)
    {
        var span = buffer.GetSpan(10);
        var n = 0;
        while (value >= 0x80)
        {
            span[n++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[n++] = (byte)value;
        buffer.Advance(n);
    }

    private static ulong ReadCount(ReadOnlySpan<byte> blob, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (at >= blob.Length)
            {
                throw new FormatException("centroid ends inside a number");
            }

            var b = blob[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new FormatException("centroid number longer than 64 bits");
    }
}
