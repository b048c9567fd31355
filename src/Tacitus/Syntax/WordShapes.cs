using Tacitus.Documents;

namespace Tacitus.Syntax;

/// <summary>Reads a word's <see cref="WordShape"/> and a finer shape code for the learners' features.</summary>
internal static class WordShapes
{
    public static WordShape Of(ReadOnlySpan<char> word)
    {
        int upper = 0, lower = 0, digits = 0, other = 0;
        foreach (var c in word)
        {
            if (char.IsUpper(c))
            {
                upper++;
            }
            else if (char.IsLower(c))
            {
                lower++;
            }
            else if (char.IsDigit(c))
            {
                digits++;
            }
            else
            {
                other++;
            }
        }

        if (upper + lower == 0)
        {
            return digits > 0 ? WordShape.Digits : WordShape.Other;
        }

        if (upper == 0)
        {
            return WordShape.Lower;
        }

        if (lower == 0)
        {
            return upper >= 2 ? WordShape.Upper : WordShape.Title;
        }

        return char.IsUpper(word[0]) && upper == 1 ? WordShape.Title : WordShape.Mixed;
    }

    /// <summary>
    /// A feature code: the <see cref="WordShape"/> plus whether the word has a digit, a hyphen, a period, an
    /// apostrophe, and its length class (1, 2, 3, 4+).
    /// </summary>
    public static ulong Code(ReadOnlySpan<char> word)
    {
        ulong code = (ulong)Of(word);
        foreach (var c in word)
        {
            code |= c switch
            {
                '-' => 1UL << 8,
                '.' => 1UL << 9,
                '\'' or '’' => 1UL << 10,
                _ when char.IsDigit(c) => 1UL << 11,
                _ => 0,
            };
        }

        return code | ((ulong)Math.Min(word.Length, 4) << 16);
    }
}
