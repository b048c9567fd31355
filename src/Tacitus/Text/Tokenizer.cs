using System.Globalization;
using Tacitus.Documents;
using Tacitus.Knowledge;

namespace Tacitus.Text;

/// <summary>
/// Splits a span of text into word, number, punctuation and symbol tokens, recorded as offsets (no strings).
/// Words keep inner hyphens ("high-speed", "Jae-in", "COVID-19") and inner apostrophes ("O’Brien"), but the
/// clitics ’s ’re ’ll ’ve ’d ’m n’t become tokens of their own ("Kim" "’s", "did" "n’t"). Dotted initialisms keep
/// their final period ("U.S.", "p.m.", "J.K."), and so do known abbreviations ("Corp.", "Mr.", "Jan."). As in
/// Universal Dependencies, "cannot", "gonna", "wanna" and "gotta" are two tokens ("can" "not", "gon" "na").
/// Numbers keep decimal points, thousands separators, times and slashed dates ("3.5", "1,200", "2:30", "1/9/2019")
/// and ordinal or decade suffixes ("35th", "1990s"); other letters after a number are a word ("1.13" "bn").
/// </summary>
internal static class Tokenizer
{
    /// <summary>Words written as two tokens in UD ("cannot" → "can" "not"), and where the second starts (data/text/split-words.tsv).</summary>
    private static readonly System.Collections.Frozen.FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> SplitWords = LoadSplitWords();

    private static System.Collections.Frozen.FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> LoadSplitWords()
    {
        var words = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in DataFile.Embedded("Tacitus.Text.split-words.tsv"))
        {
            if (line.Fields.Length >= 2 && int.TryParse(line.Fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var at) && at > 0 && at < line.Fields[0].Length)
            {
                words[line.Fields[0]] = at;
            }
        }

        return System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(words, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static void Tokenize(string text, TextSpan span, List<Token> tokens)
    {
        var s = text.AsSpan(span.Start, span.Length);
        var offset = span.Start;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsLetter(c))
            {
                i = ScanWord(s, i, i, offset, tokens);
            }
            else if (char.IsDigit(c))
            {
                i = ScanNumber(s, i, offset, tokens);
            }
            else
            {
                var end = i + 1;
                if (c == '.' && EllipsisEnd(s, i) is var ellipsis and > 0)
                {
                    end = ellipsis;
                }
                else if (c == '-' && end < s.Length && s[end] == '-')
                {
                    while (end < s.Length && s[end] == '-')
                    {
                        end++;
                    }
                }
                else if (char.IsHighSurrogate(c) && end < s.Length && char.IsLowSurrogate(s[end]))
                {
                    end++;
                }

                tokens.Add(new Token(new TextSpan(offset + i, offset + end), IsSymbol(c) ? TokenKind.Symbol : TokenKind.Punctuation));
                i = end;
            }
        }
    }

    /// <summary>The end of an ellipsis written with periods ("...", ". . .") starting at <paramref name="i"/>, or -1.</summary>
    public static int EllipsisEnd(ReadOnlySpan<char> s, int i)
    {
        var dots = 0;
        var end = i;
        while (end < s.Length && s[end] == '.')
        {
            dots++;
            end++;
            if (end + 1 < s.Length && s[end] == ' ' && s[end + 1] == '.' && (dots > 1 || (end + 3 < s.Length && s[end + 2] == ' ' && s[end + 3] == '.')))
            {
                end++; // ". . ." spaced
            }
        }

        return dots >= 3 ? end : -1;
    }

    private static bool IsSymbol(char c) =>
        c is '%' or '‰' or '#' or '&' or '@' or '§' or '°' || char.IsSymbol(c) || char.IsSurrogate(c);

    private static bool IsWordChar(char c)
    {
        if (char.IsLetterOrDigit(c))
        {
            return true;
        }

        if (c < 0x300)
        {
            return false;
        }

        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    private static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    private static bool IsApostrophe(char c) => c is '\'' or '’';

    /// <summary>Scans a word from <paramref name="i"/> (the token began at <paramref name="start"/>); returns the index after it.</summary>
    private static int ScanWord(ReadOnlySpan<char> s, int start, int i, int offset, List<Token> tokens)
    {
        var j = i;
        var dotted = false;
        while (true)
        {
            while (j < s.Length && IsWordChar(s[j]))
            {
                j++;
            }

            if (j + 1 >= s.Length)
            {
                break;
            }

            var c = s[j];
            if (IsHyphen(c) && IsWordChar(s[j + 1]))
            {
                j++;
                continue;
            }

            if (c == '.' && char.IsLetter(s[j + 1]))
            {
                dotted = true;
                j++;
                continue;
            }

            if (IsApostrophe(c) && char.IsLetter(s[j + 1]))
            {
                var k = j + 1;
                while (k < s.Length && char.IsLetter(s[k]))
                {
                    k++;
                }

                if (k == s.Length || !IsWordChar(s[k]))
                {
                    var suffix = s[(j + 1)..k];
                    if (IsClitic(suffix) && j > start)
                    {
                        Add(tokens, offset, start, j, TokenKind.Word);
                        Add(tokens, offset, j, k, TokenKind.Word);
                        return k;
                    }

                    if (suffix is "t" or "T" && j - 1 > start && s[j - 1] is 'n' or 'N')
                    {
                        Add(tokens, offset, start, j - 1, TokenKind.Word);
                        Add(tokens, offset, j - 1, k, TokenKind.Word);
                        return k;
                    }
                }

                j = k;
                continue;
            }

            break;
        }

        if (j < s.Length && s[j] == '.' && KeepsPeriod(s, start, j, dotted))
        {
            j++;
        }

        if (j - start is >= 5 and <= 6 && SplitWords.TryGetValue(s[start..j], out var second))
        {
            Add(tokens, offset, start, start + second, TokenKind.Word);
            Add(tokens, offset, start + second, j, TokenKind.Word);
            return j;
        }

        Add(tokens, offset, start, j, TokenKind.Word);
        return j;
    }

    private static bool IsClitic(ReadOnlySpan<char> suffix) =>
        suffix.Equals("s", StringComparison.OrdinalIgnoreCase) || suffix.Equals("re", StringComparison.OrdinalIgnoreCase) ||
        suffix.Equals("ll", StringComparison.OrdinalIgnoreCase) || suffix.Equals("ve", StringComparison.OrdinalIgnoreCase) ||
        suffix.Equals("d", StringComparison.OrdinalIgnoreCase) || suffix.Equals("m", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the period after a word belongs to it: initialisms ("U.S.", "p.m."), initials ("F."), known abbreviations.</summary>
    private static bool KeepsPeriod(ReadOnlySpan<char> s, int start, int dot, bool dotted)
    {
        var word = s[start..dot];
        if (dotted)
        {
            // "U.S", "p.m", "Ph.D": every segment one or two letters. A domain ("bbc.co.uk") is not an initialism.
            var run = 0;
            foreach (var ch in word)
            {
                run = ch == '.' ? 0 : run + 1;
                if (run > 2)
                {
                    return false;
                }
            }

            return true;
        }

        if (word.Length == 1)
        {
            return char.IsUpper(word[0]);
        }

        return SegmentationLexicon.Classify(word) switch
        {
            AbbreviationKind.None => false,
            AbbreviationKind.NumberPrefix => NextIsDigit(s, dot + 1),
            _ => true,
        };
    }

    private static bool NextIsDigit(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i]))
        {
            i++;
        }

        return i < s.Length && char.IsDigit(s[i]);
    }

    private static int ScanNumber(ReadOnlySpan<char> s, int i, int offset, List<Token> tokens)
    {
        var start = i;
        var j = i;
        while (true)
        {
            while (j < s.Length && char.IsDigit(s[j]))
            {
                j++;
            }

            if (j + 1 < s.Length && s[j] is '.' or ',' or ':' or '/' && char.IsDigit(s[j + 1]))
            {
                j++;
                continue;
            }

            break;
        }

        if (j + 1 < s.Length && IsHyphen(s[j]) && char.IsLetter(s[j + 1]))
        {
            // "12-year-old", "3-D": a word that starts with a number.
            return ScanWord(s, start, j + 1, offset, tokens);
        }

        if (j < s.Length && char.IsLetter(s[j]))
        {
            var k = j;
            while (k < s.Length && char.IsLetter(s[k]))
            {
                k++;
            }

            var suffix = s[j..k];
            if ((k == s.Length || !IsWordChar(s[k])) && IsNumberSuffix(suffix))
            {
                j = k;
            }
        }

        Add(tokens, offset, start, j, TokenKind.Number);
        return j;
    }

    private static bool IsNumberSuffix(ReadOnlySpan<char> suffix) =>
        suffix.Equals("s", StringComparison.Ordinal) || suffix.Equals("st", StringComparison.OrdinalIgnoreCase) ||
        suffix.Equals("nd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) ||
        suffix.Equals("th", StringComparison.OrdinalIgnoreCase);

    private static void Add(List<Token> tokens, int offset, int start, int end, TokenKind kind) =>
        tokens.Add(new Token(new TextSpan(offset + start, offset + end), kind));
}
