using Tacitus.Documents;

namespace Tacitus.Text;

/// <summary>
/// The two sentence forms every later stage reads differently, decided once by the segmenter
/// (<see cref="Sentence.Headline"/>, <see cref="Sentence.Dateline"/>):
/// a headline is written in title case or capitals, so a capital letter there says nothing about a name;
/// a wire dateline ("COLUMBUS, Ohio (AP) —") is boilerplate to the reader but says where the story happened.
/// </summary>
internal static class HeadlineRules
{
    /// <summary>Longer sentences are prose, whatever their capitals.</summary>
    private const int HeadlineMaxTokens = 24;

    /// <summary>Words shorter than this ("of", "the", "in") are left lower case in title case, so they are not counted.</summary>
    private const int CountedWordLength = 4;

    /// <summary>
    /// A title-case or all-capitals sentence ("Russia Expels Two Diplomats", "Clinton Says Russians Hacked DNC"): short,
    /// at most one comma (not a list of names), at least three words of four letters or more, and at least 85% of them
    /// begin upper case.
    /// </summary>
    public static bool IsHeadline(string text, ReadOnlySpan<Token> tokens)
    {
        if (tokens.Length > HeadlineMaxTokens)
        {
            return false;
        }

        var words = 0;
        var upper = 0;
        var commas = 0;
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.Word && token.Span.Length >= CountedWordLength)
            {
                words++;
                upper += char.IsUpper(text[token.Span.Start]) ? 1 : 0;
            }
            else if (text[token.Span.Start] == ',')
            {
                commas++;
            }
        }

        return words >= 3 && commas <= 1 && upper * 20 >= words * 17;
    }

    /// <summary>A wire dateline on its own: a capitalised place, an outlet in brackets, and at most a dash after it
    /// ("WASHINGTON (AP) —", "COLUMBUS, Ohio (AP) -").</summary>
    public static bool IsDateline(string text, TextSpan sentence)
    {
        var words = sentence.Of(text).TrimEnd(" —–-―".AsSpan());
        var open = words.IndexOf(" (", StringComparison.Ordinal);
        return words.Length is > 4 and <= 80 && char.IsUpper(words[0]) && open > 0 && words[^1] == ')'
            && open + 2 < words.Length && char.IsUpper(words[open + 2]);
    }
}
