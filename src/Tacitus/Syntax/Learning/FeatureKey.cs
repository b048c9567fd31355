using System.Numerics;
using System.Runtime.CompilerServices;

namespace Tacitus.Syntax.Learning;

/// <summary>
/// Hashes a feature (a template number and its values) into a 64-bit key without building a string: models see
/// keys, never feature names. Start with <see cref="Of(int)"/>, add values with the <c>Add</c> overloads, and
/// finish with <see cref="Finish"/>. Zero is never a finished key (models use it to mark an empty slot).
/// </summary>
internal static class FeatureKey
{
    private const ulong Seed = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    // the start of every template below 256, hashed once (the same values Add would give)
    private static readonly ulong[] Templates = [.. Enumerable.Range(0, 256).Select(t => Add(Seed, (ulong)(uint)t))];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(int template) => (uint)template < (uint)Templates.Length ? Templates[template] : Add(Seed, (ulong)(uint)template);

    /// <summary>Adds the eight bytes of <paramref name="value"/>, lowest first (FNV-1a), written out instead of a loop.</summary>
    public static ulong Add(ulong hash, ulong value)
    {
        hash = (hash ^ (value & 0xFF)) * Prime;
        hash = (hash ^ ((value >> 8) & 0xFF)) * Prime;
        hash = (hash ^ ((value >> 16) & 0xFF)) * Prime;
        hash = (hash ^ ((value >> 24) & 0xFF)) * Prime;
        hash = (hash ^ ((value >> 32) & 0xFF)) * Prime;
        hash = (hash ^ ((value >> 40) & 0xFF)) * Prime;
        hash = (hash ^ ((value >> 48) & 0xFF)) * Prime;
        return (hash ^ (value >> 56)) * Prime;
    }

    public static ulong Add(ulong hash, ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            hash = (hash ^ c) * Prime;
        }

        return (hash ^ 0x1F) * Prime; // a separator, so ("ab","c") and ("a","bc") differ
    }

    /// <summary>Adds <paramref name="value"/> as if lower-cased (invariant), without lower-casing a copy.</summary>
    public static ulong AddLower(ulong hash, ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            hash = (hash ^ char.ToLowerInvariant(c)) * Prime;
        }

        return (hash ^ 0x1F) * Prime;
    }

    /// <summary>Mixes the bits (SplitMix64's finaliser) so nearby inputs spread over a hash table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Finish(ulong hash)
    {
        hash ^= hash >> 30;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 27;
        hash *= 0x94D049BB133111EBUL;
        hash ^= hash >> 31;
        return hash == 0 ? 1 : hash;
    }

    /// <summary>
    /// Joins a value to a hash in one multiply (order matters; for a fixed hash, distinct values give distinct
    /// results): the cheap combiner of the tagger's and parser's features, which combine values already hashed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Join(ulong hash, ulong value) => BitOperations.RotateLeft((hash ^ value) * Golden, 29);

    /// <summary>A finished key of <paramref name="template"/> and one value, combined with <see cref="Join"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Quick(int template, ulong a) => Finish(Join(Of(template), a));

    /// <summary>A finished key of <paramref name="template"/> and two values, combined with <see cref="Join"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Quick(int template, ulong a, ulong b) => Finish(Join(Join(Of(template), a), b));

    /// <summary>A finished key of <paramref name="template"/> and three values, combined with <see cref="Join"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Quick(int template, ulong a, ulong b, ulong c) => Finish(Join(Join(Join(Of(template), a), b), c));

    public static ulong Of(int template, ReadOnlySpan<char> a) => Finish(Add(Of(template), a));

    public static ulong Of(int template, ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Finish(Add(Add(Of(template), a), b));

    public static ulong Of(int template, ulong a) => Finish(Add(Of(template), a));

    public static ulong Of(int template, ulong a, ulong b) => Finish(Add(Add(Of(template), a), b));
}
