using System.Buffers;

namespace Tacitus.Knowledge;

/// <summary>
/// The one normalisation that dictionary phrases and document tokens share, so that "MOON_JAE_IN_",
/// "Moon Jae-in" and "Moon Jae In" meet on the key "moon jae in": lower case, full stops dropped ("U.S." → "us"),
/// hyphens as spaces, curly apostrophes straight, Latin accents folded, possessive 's removed.
/// </summary>
internal static class PhraseKey
{
    /// <summary>The most characters a phrase key may have; longer phrases are not indexed.</summary>
    public const int MaxLength = 160;

    /// <summary>Normalises a dictionary phrase (words joined by '_' or spaces) to its key; empty when nothing is left.</summary>
    /// <remarks>
    /// Written into one buffer (on the stack for phrases of up to <see cref="StackLength"/> characters) and made a
    /// string once: loading the knowledge tables normalises every name and alias, hundreds of thousands of phrases.
    /// </remarks>
    public static string Normalize(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);

        // each word keeps at most its own length, and '&' standing alone adds at most one space per character
        var most = phrase.Length * 2;
        char[]? rented = null;
        var output = most <= StackLength ? stackalloc char[StackLength] : (rented = ArrayPool<char>.Shared.Rent(most));
        try
        {
            var length = 0;
            var start = 0;
            for (var i = 0; i <= phrase.Length; i++)
            {
                var c = i < phrase.Length ? phrase[i] : ' ';
                var separates = IsSeparator(c);
                if (!separates && c != '&')
                {
                    continue;
                }

                length = Append(phrase.AsSpan(start, i - start), output, length);
                if (c == '&')
                {
                    length = Append("&", output, length);
                }

                start = i + 1;
            }

            return new string(output[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The longest key <see cref="Normalize"/> builds on the stack.</summary>
    private const int StackLength = 512;

    /// <summary>The characters that split a dictionary phrase into words the way the segmenter splits text ('&amp;' stands alone too).</summary>
    private static bool IsSeparator(char c) => c is '_' or ',' or '(' or ')' or '"' or '/' or ';' or ':' || char.IsWhiteSpace(c);

    /// <summary>Appends one word's normalised form to the key written so far (a space before it when the key is not empty); returns the key's new length.</summary>
    private static int Append(ReadOnlySpan<char> word, Span<char> output, int length)
    {
        if (word.IsEmpty)
        {
            return length;
        }

        var at = length > 0 ? length + 1 : 0;
        var n = NormalizeToken(word, output[at..], stripPossessive: true);
        if (n == 0)
        {
            return length;
        }

        if (length > 0)
        {
            output[length] = ' ';
        }

        return at + n;
    }

    /// <summary>Writes the normalised form of one token into <paramref name="destination"/> (at least the token's length); returns its length.</summary>
    public static int NormalizeToken(ReadOnlySpan<char> token, Span<char> destination, bool stripPossessive)
    {
        if (stripPossessive)
        {
            token = token[..^PossessiveLength(token)];
        }

        var n = 0;
        var ascii = true;
        foreach (var c in token)
        {
            ascii &= c < 128;
        }

        if (!ascii)
        {
            var folded = Fold(token);
            return NormalizeAscii(folded, destination, n);
        }

        return NormalizeAscii(token, destination, n);
    }

    private static int NormalizeAscii(ReadOnlySpan<char> token, Span<char> destination, int n)
    {
        foreach (var c in token)
        {
            switch (c)
            {
                case '.':
                    break;
                case '-' or '‐' or '‑' or '–':
                    if (n > 0 && destination[n - 1] != ' ')
                    {
                        destination[n++] = ' ';
                    }

                    break;
                case '’' or '‘' or '`':
                    destination[n++] = '\'';
                    break;
                default:
                    destination[n++] = char.ToLowerInvariant(c);
                    break;
            }
        }

        while (n > 0 && destination[n - 1] == ' ')
        {
            n--;
        }

        return n;
    }

    // Latin-1 Supplement and Latin Extended-A letters without their accents (the build runs with invariant globalization).
    private const string FoldFrom = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİıĴĵĶķĹĺĻļĽľŁłŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽž";
    private const string FoldTo = "AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyyAaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIiJjKkLlLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZz";

    private static string Fold(ReadOnlySpan<char> token)
    {
        var chars = token.ToArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var at = FoldFrom.IndexOf(chars[i], StringComparison.Ordinal);
            if (at >= 0)
            {
                chars[i] = FoldTo[at];
            }
        }

        return new string(chars);
    }

    /// <summary>Length of a possessive ending ("'s", "’s", or a lone apostrophe after s), 0 if none.</summary>
    public static int PossessiveLength(ReadOnlySpan<char> token)
    {
        if (token.Length > 2 && token[^1] is 's' or 'S' && token[^2] is '\'' or '’')
        {
            return 2;
        }

        if (token.Length > 2 && token[^1] is '\'' or '’' && token[^2] is 's' or 'S')
        {
            return 1;
        }

        return 0;
    }
}
