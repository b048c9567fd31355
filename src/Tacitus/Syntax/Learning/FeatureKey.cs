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

    // the start of every template below 256, hashed once (the same values Add would give)
    private static readonly ulong[] Templates = [.. Enumerable.Range(0, 256).Select(t => Add(Seed, (ulong)(uint)t))];

    public static ulong Of(int template) => (uint)template < (uint)Templates.Length ? Templates[template] : Add(Seed, (ulong)(uint)template);

    public static ulong Add(ulong hash, ulong value)
    {
        for (var i = 0; i < 8; i++)
        {
            hash = (hash ^ (value & 0xFF)) * Prime;
            value >>= 8;
        }

        return hash;
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
    public static ulong Finish(ulong hash)
    {
        hash ^= hash >> 30;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 27;
        hash *= 0x94D049BB133111EBUL;
        hash ^= hash >> 31;
        return hash == 0 ? 1 : hash;
    }

    public static ulong Of(int template, ReadOnlySpan<char> a) => Finish(Add(Of(template), a));

    public static ulong Of(int template, ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Finish(Add(Add(Of(template), a), b));

    public static ulong Of(int template, ulong a) => Finish(Add(Of(template), a));

    public static ulong Of(int template, ulong a, ulong b) => Finish(Add(Add(Of(template), a), b));
}
