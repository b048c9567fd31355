using System.Globalization;
using Tacitus.Documents;

namespace Tacitus.Mentions.Time;

/// <summary>
/// A year written in four digits in the contexts <see cref="CommonTimeExpressions"/> leaves to the recogniser, read as
/// the recogniser reads them: "the end of 2004" / "the start of 2004" and "early 2004" / "late 2004" (the year, the
/// words taken in), "the Olympics of 2004" (the year), "in 2003 and 2004" (two years), "between 2001 and 2003" (the
/// range "(2001-01-01,2003-01-01,P2Y)"). Anything else stays with the recogniser.
/// </summary>
internal static class YearExpressions
{
    /// <summary>Extra tokens consumed after the year at <paramref name="i"/>, or -1 when the recogniser must read it.</summary>
    public static int Read(string text, ReadOnlySpan<Token> tokens, int i, List<TimeCandidate> added)
    {
        if (CommonTimeExpressions.YearNumber(text, tokens, i) is not { } year)
        {
            return -1;
        }

        var words = TimeWords.Shipped;
        var prev = Word(text, tokens, i - 1);
        var prev2 = Word(text, tokens, i - 2);
        var prev3 = Word(text, tokens, i - 3);
        var prev4 = Word(text, tokens, i - 4);
        var next = Word(text, tokens, i + 1);
        var yearText = year.ToString("D4", CultureInfo.InvariantCulture);

        // "between 2001 and 2003": the recogniser's range, end year exclusive
        if (prev.Equals("between", StringComparison.OrdinalIgnoreCase) && next.Equals("and", StringComparison.OrdinalIgnoreCase) &&
            CommonTimeExpressions.YearNumber(text, tokens, i + 2) is { } endYear && endYear > year && !IsOpen(text, tokens, i + 2) &&
            !IsBounding(prev2))
        {
            added.Add(new TimeCandidate(new TextSpan(tokens[i - 1].Span.Start, tokens[i + 2].Span.End), "daterange",
                $"({yearText}-01-01,{endYear:D4}-01-01,P{endYear - year}Y)", null, "common"));
            return 2;
        }

        // "in 2003 and 2004", "2003 or 2004": two years, each read alone (the second is its own trigger)
        var listed = (next.Equals("and", StringComparison.OrdinalIgnoreCase) || next.Equals("or", StringComparison.OrdinalIgnoreCase)) &&
                     CommonTimeExpressions.YearNumber(text, tokens, i + 2) is not null;
        if (IsOpen(text, tokens, i) && !listed)
        {
            return -1;
        }

        // "the end of 2004", "the start of 2004": the year, the words taken in
        if (prev.Equals("of", StringComparison.OrdinalIgnoreCase) && prev3.Equals("the", StringComparison.OrdinalIgnoreCase) &&
            words.PeriodEdges.GetAlternateLookup<ReadOnlySpan<char>>().Contains(prev2) &&
            !IsBounding(prev4) && !listed)
        {
            added.Add(new TimeCandidate(new TextSpan(tokens[i - 3].Span.Start, tokens[i].Span.End), "daterange", yearText, null, "common"));
            return 0;
        }

        // "early 2004", "late 2004"
        if (words.EdgeAdjectives.GetAlternateLookup<ReadOnlySpan<char>>().Contains(prev) &&
            tokens[i - 1].Span.End < tokens[i].Span.Start && !IsBounding(prev2) && !words.ComplexBefore.GetAlternateLookup<ReadOnlySpan<char>>().Contains(prev2) && !listed)
        {
            added.Add(new TimeCandidate(new TextSpan(tokens[i - 1].Span.Start, tokens[i].Span.End), "daterange", yearText, null, "common"));
            return 0;
        }

        // "the Olympics of 2004": the year alone, unless what comes before "of" is a time or part of a period
        var plainBefore = prev.IsEmpty || prev.Equals("and", StringComparison.OrdinalIgnoreCase) && i >= 2 && CommonTimeExpressions.YearNumber(text, tokens, i - 2) is not null && !IsBounding(Word(text, tokens, i - 3)) ||
                          !words.ComplexBefore.GetAlternateLookup<ReadOnlySpan<char>>().Contains(prev) && !IsBounding(prev);
        var ofPlain = prev.Equals("of", StringComparison.OrdinalIgnoreCase) && i >= 2 && tokens[i - 2].Kind == TokenKind.Word &&
                      !TimeTriggers.IsTrigger(text, tokens, i - 2) && !words.ComplexBefore.GetAlternateLookup<ReadOnlySpan<char>>().Contains(prev2) &&
                      !words.PeriodOf.GetAlternateLookup<ReadOnlySpan<char>>().Contains(prev2) && !words.Ordinals.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(prev2) &&
                      !words.Seasons.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(prev2) && !words.Months.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(prev2);
        if ((plainBefore || ofPlain) && (i == 0 || tokens[i - 1].Kind is not (TokenKind.Number or TokenKind.Symbol)) && !(listed && IsBounding(prev)))
        {
            var mod = prev.Equals("since", StringComparison.OrdinalIgnoreCase) ? "since" : null;
            added.Add(new TimeCandidate(tokens[i].Span, "daterange", yearText, mod, "common"));
            return 0;
        }

        return -1;
    }

    /// <summary>Words that make a range with what follows ("from 2001", "until 2004", "between").</summary>
    private static bool IsBounding(ReadOnlySpan<char> word) => TimeWords.Shipped.Bounding.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    private static bool IsOpen(string text, ReadOnlySpan<Token> tokens, int i) =>
        CommonTimeExpressions.IsComplexAfter(text, tokens, i) ||
        (i + 1 < tokens.Length && TimeWords.Shipped.Joins.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[i + 1].Span.Of(text)));

    private static ReadOnlySpan<char> Word(string text, ReadOnlySpan<Token> tokens, int j) =>
        j >= 0 && j < tokens.Length ? tokens[j].Span.Of(text) : default;
}
