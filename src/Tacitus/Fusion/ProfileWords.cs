namespace Tacitus.Fusion;

/// <summary>A word's place in <see cref="ProfileWords"/>'s characters.</summary>
internal readonly record struct ProfileWordKey(int Start, int Length);

/// <summary>
/// The keys of one document's word counts: each distinct word's characters copied once into one reused buffer, so
/// counting a document's words makes no string (a string is made only for the words its profile keeps). The table's
/// comparer: keys compare and hash by their characters, and a word given as characters is looked up without copying
/// (it is copied in only when the table adds it).
/// </summary>
internal sealed class ProfileWords : IEqualityComparer<ProfileWordKey>, IAlternateEqualityComparer<ReadOnlySpan<char>, ProfileWordKey>
{
    private char[] chars = new char[8 * 1024];
    private int used;

    /// <summary>The characters of <paramref name="key"/>, valid until the next <see cref="Clear"/>.</summary>
    public ReadOnlySpan<char> Of(ProfileWordKey key) => chars.AsSpan(key.Start, key.Length);

    /// <summary>Forgets every word (the table using this comparer must be emptied too).</summary>
    public void Clear() => used = 0;

    public bool Equals(ProfileWordKey x, ProfileWordKey y) => Of(x).SequenceEqual(Of(y));

    public int GetHashCode(ProfileWordKey obj) => Hash(Of(obj));

    public bool Equals(ReadOnlySpan<char> alternate, ProfileWordKey other) => alternate.SequenceEqual(Of(other));

    public int GetHashCode(ReadOnlySpan<char> alternate) => Hash(alternate);

    public ProfileWordKey Create(ReadOnlySpan<char> alternate)
    {
        if (used + alternate.Length > chars.Length)
        {
            Array.Resize(ref chars, Math.Max(chars.Length * 2, used + alternate.Length));
        }

        alternate.CopyTo(chars.AsSpan(used));
        var key = new ProfileWordKey(used, alternate.Length);
        used += alternate.Length;
        return key;
    }

    /// <summary>
    /// The runtime's string hash (randomised per process, as an ordinal string dictionary's is once it sees
    /// collisions): one document may hold millions of words an author chose, so a fixed hash would let crafted
    /// colliding words make counting them quadratic on the writer thread.
    /// </summary>
    private static int Hash(ReadOnlySpan<char> word) => string.GetHashCode(word);
}
