namespace Tacitus.Knowledge;

/// <summary>
/// The lookup key of a place name: lower case, Latin diacritics folded ("Zürich" → "zurich"), full stops dropped
/// ("St. Louis" → "st louis", "U.S." → "us"), hyphens as spaces, curly apostrophes straight, spaces collapsed.
/// The same folding is applied when the gazetteer is built and when text is looked up, so both meet.
/// </summary>
internal static class PlaceNameKey
{
    /// <summary>The longest key looked up; longer names are not places.</summary>
    public const int MaxLength = 64;

    // Base letters of U+00C0..U+024F and U+1E00..U+1EFF ('_' = no Latin base letter).
    private const string Latin1AndExtended =
        "aaaaaaaceeeeiiiidnooooo_ouuuuytsaaaaaaaceeeeiiiidnooooo_ouuuuytyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs__________________f_____________oo_____________uu____________________________aaiioouuuuuuuuuu_aaaa____ggkkoooo__j___gg__nnaa____aaaaeeeeiiiioooorrrruuuusstt__hh______aaeeooooooooyy____________________________";

    private const string LatinExtendedAdditional =
        "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy______aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy______";

    /// <summary>Writes the key of <paramref name="name"/> into <paramref name="destination"/>; returns its length, or -1 when it does not fit.</summary>
    public static int Fold(ReadOnlySpan<char> name, Span<char> destination)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var raw in name)
        {
            var c = FoldChar(raw);
            if (c == '\0')
            {
                continue;
            }

            if (c == ' ')
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace)
            {
                if (length >= destination.Length)
                {
                    return -1;
                }

                destination[length++] = ' ';
                pendingSpace = false;
            }

            if (length >= destination.Length)
            {
                return -1;
            }

            destination[length++] = c;
        }

        return length;
    }

    public static string Fold(string name)
    {
        Span<char> buffer = stackalloc char[256];
        var length = Fold(name, buffer);
        return length < 0 ? name.ToLowerInvariant() : new string(buffer[..length]);
    }

    /// <summary>The folded form of one character: '\0' to drop it, ' ' for a separator.</summary>
    internal static char FoldChar(char c)
    {
        if (c < 128)
        {
            return c switch
            {
                >= 'A' and <= 'Z' => (char)(c + 32),
                '.' => '\0',
                '-' or '\t' or '\n' or '\r' or ' ' => ' ',
                _ => c,
            };
        }

        if (c is >= '\u00C0' and <= '\u024F')
        {
            var f = Latin1AndExtended[c - '\u00C0'];
            return f == '_' ? char.ToLowerInvariant(c) : f;
        }

        if (c is >= '\u1E00' and <= '\u1EFF')
        {
            var f = LatinExtendedAdditional[c - '\u1E00'];
            return f == '_' ? char.ToLowerInvariant(c) : f;
        }

        return c switch
        {
            '\u2019' or '\u2018' or '\u02BC' or '\u02BB' or '\u00B4' or '`' => '\'',
            '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u00A0' => ' ',
            _ => char.ToLowerInvariant(c),
        };
    }
}
