using Tacitus.Documents;

namespace Tacitus.Mentions.Time;

/// <summary>
/// The past and the future as a whole, as TimeML writes them: "in the past" (PAST_REF), "in the near future"
/// (FUTURE_REF). Only the noun after "the" (an adjective such as "near" may come between), and only when what follows
/// leaves it a noun: "the future king", "the past decade" and "the past five years" are not read here. The words:
/// data/time/words.tsv (kinds reference, reference-lead, reference-after).
/// </summary>
internal static class ReferencePoints
{
    /// <summary>
    /// Extra tokens consumed after <paramref name="i"/>: 0, with the reference added or, when the word is no reference here
    /// ("the past five years", "the future king"), with nothing added (the words after it are read on their own);
    /// null when it is no reference noun.
    /// </summary>
    public static int? Read(string text, ReadOnlySpan<Token> tokens, int i, List<TimeCandidate> added)
    {
        var words = TimeWords.Shipped;
        if (!words.References.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(tokens[i].Span.Of(text), out var value))
        {
            return null;
        }

        var first = i - 1;
        if (first >= 1 && words.ReferenceLeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[first].Span.Of(text)))
        {
            first--;
        }

        if (first < 0 || !tokens[first].Span.Of(text).Equals("the", StringComparison.OrdinalIgnoreCase) || !EndsNoun(text, tokens, i))
        {
            return 0;
        }

        added.Add(new TimeCandidate(new TextSpan(tokens[first].Span.Start, tokens[i].Span.End), "datetime", value, null, "common"));
        return 0;
    }

    /// <summary>Nothing after the noun, punctuation, or a word that starts the next phrase ("that", "is").</summary>
    private static bool EndsNoun(string text, ReadOnlySpan<Token> tokens, int i)
    {
        if (i + 1 >= tokens.Length)
        {
            return true;
        }

        var next = tokens[i + 1];
        return next.Kind is TokenKind.Punctuation ||
               (next.Kind == TokenKind.Word && TimeWords.Shipped.ReferenceAfter.GetAlternateLookup<ReadOnlySpan<char>>().Contains(next.Span.Of(text)));
    }
}
