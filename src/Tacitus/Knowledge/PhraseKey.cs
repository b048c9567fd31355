using System.Text;

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
    public static string Normalize(string phrase)
    {
        var sb = new StringBuilder(phrase.Length);
        var pendingSpace = false;
        foreach (var word in Words(phrase))
        {
            var buffer = new char[Math.Max(word.Length * 2, 8)];
            var n = NormalizeToken(word, buffer, stripPossessive: true);
            if (n == 0)
            {
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
            }

            sb.Append(buffer[..n]);
            pendingSpace = true;
        }

        return sb.ToString();
    }

    /// <summary>Splits a dictionary phrase the way the segmenter splits text: '_' and spaces separate, '&amp;' and commas stand alone.</summary>
    private static IEnumerable<string> Words(string phrase)
    {
        var sb = new StringBuilder();
        foreach (var c in phrase)
        {
            if (c is '_' || char.IsWhiteSpace(c) || c is ',' or '(' or ')' or '"' or '/' or ';' or ':')
            {
                if (sb.Length > 0)
                {
                    yield return sb.ToString();
                    sb.Clear();
                }
            }
            else if (c == '&')
            {
                if (sb.Length > 0)
                {
                    yield return sb.ToString();
                    sb.Clear();
                }

                yield return "&";
            }
            else
            {
                sb.Append(c);
            }
        }

        if (sb.Length > 0)
        {
            yield return sb.ToString();
        }
    }

    /// <summary>Writes the normalised form of one token into <paramref name="destination"/> (at least twice the token's length); returns its length.</summary>
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
