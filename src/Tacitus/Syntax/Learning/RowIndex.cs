using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Tacitus.Syntax.Learning;

/// <summary>
/// The feature table of a read-back perceptron: open addressing over buckets of one cache line each, four keys then
/// their four payloads (<see cref="PackedRow"/>), filled to at most about a third. A lookup compares the four keys of
/// the feature's home bucket at once and takes the matching payload with a mask, so finding a row, or finding that
/// the feature has none (payload 0), reads one cache line and takes no branch the processor cannot predict; only a
/// full bucket without the key sends it on to the next. Key 0 marks an empty way.
/// </summary>
internal sealed unsafe class RowIndex
{
    private const int Ways = 4;
    private const int BucketLongs = 2 * Ways;

    private readonly NativeTable<ulong> table;

    public RowIndex(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        var buckets = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, rows / 2 + 1));
        table = new NativeTable<ulong>(buckets * BucketLongs);
        Mask = buckets - 1;
    }

    /// <summary>Buckets - 1 (their number is a power of two).</summary>
    public int Mask { get; }

    /// <summary>The buckets; keep this index alive (<see cref="GC.KeepAlive"/>) while reading through it.</summary>
    public ulong* Pointer => table.Pointer;

    /// <summary>Adds a row's payload (not 0) under <paramref name="key"/> (not 0); false when the key is there already.</summary>
    public bool Add(ulong key, ulong payload)
    {
        if (key == 0 || payload == 0)
        {
            throw new ArgumentException("keys and payloads of a row index are never 0");
        }

        var span = table.Span;
        var bucket = (int)(key & (ulong)Mask);
        while (true)
        {
            var at = bucket * BucketLongs;
            for (var way = 0; way < Ways; way++)
            {
                if (span[at + way] == key)
                {
                    return false;
                }

                if (span[at + way] == 0)
                {
                    span[at + way] = key;
                    span[at + Ways + way] = payload;
                    return true;
                }
            }

            bucket = (bucket + 1) & Mask;
        }
    }

    /// <summary>The home bucket of <paramref name="key"/>, to prefetch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong* Home(ulong* buckets, int mask, ulong key) => buckets + ((nint)(int)(key & (ulong)mask) * BucketLongs);

    /// <summary>The payload stored under <paramref name="key"/>, or 0 when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Find(ulong* buckets, int mask, ulong key)
    {
        var wanted = Vector256.Create(key);
        var bucket = (int)(key & (ulong)mask);
        while (true)
        {
            var at = buckets + ((nint)bucket * BucketLongs);
            var keys = Vector256.Load(at);
            var payload = Vector256.Sum(Vector256.Load(at + Ways) & Vector256.Equals(keys, wanted));
            if ((payload != 0) | Vector256.EqualsAny(keys, Vector256<ulong>.Zero))
            {
                return payload;
            }

            bucket = (bucket + 1) & mask;
        }
    }

    /// <summary>The payload stored under <paramref name="key"/>, or 0 (one lookup; scoring uses <see cref="Find"/>).</summary>
    public ulong PayloadOf(ulong key)
    {
        var payload = Find(table.Pointer, Mask, key);
        GC.KeepAlive(table);
        return payload;
    }

    /// <summary>Every key the index holds, in bucket order.</summary>
    public ulong[] Keys()
    {
        var keys = new List<ulong>();
        var span = table.Span;
        for (var at = 0; at < span.Length; at += BucketLongs)
        {
            for (var way = 0; way < Ways; way++)
            {
                if (span[at + way] != 0)
                {
                    keys.Add(span[at + way]);
                }
            }
        }

        GC.KeepAlive(table);
        return [.. keys];
    }

    public void KeepAlive() => GC.KeepAlive(table);
}
