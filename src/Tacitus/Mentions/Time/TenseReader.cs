using System.Collections.Frozen;
using Tacitus.Documents;

namespace Tacitus.Mentions.Time;

/// <summary>The time reference of the clause a time expression sits in.</summary>
internal enum Tense
{
    Unknown,
    Past,
    Present,
    Future,
}

/// <summary>
/// Reads past, present or future from the words around a time expression: the nearest tense marker within a few
/// tokens (left of the expression first, then right), without crossing a clause break (";", ":", a dash or a quote).
/// Past: "said", "was", "had", "has/have + participle", regular "-ed" forms and irregular past forms, "ago", "since".
/// Future: "will", "'ll", "shall", "is expected to", "plans to", "due", modal "could/may/might" not followed by "have".
/// Present: "is", "are", "says". "would" and "-ing" forms carry no tense of their own.
/// </summary>
internal static class TenseReader
{
    private const int LeftReach = 10;
    private const int RightReach = 7;

    private static readonly FrozenDictionary<string, Tense> Markers = new Dictionary<string, Tense>(StringComparer.OrdinalIgnoreCase)
    {
        ["will"] = Tense.Future, ["'ll"] = Tense.Future, ["shall"] = Tense.Future, ["won't"] = Tense.Future,
        ["upcoming"] = Tense.Future, ["could"] = Tense.Future, ["may"] = Tense.Future, ["might"] = Tense.Future, ["can"] = Tense.Future,
        ["was"] = Tense.Past, ["were"] = Tense.Past, ["had"] = Tense.Past, ["did"] = Tense.Past, ["didn't"] = Tense.Past,
        ["wasn't"] = Tense.Past, ["weren't"] = Tense.Past, ["ago"] = Tense.Past, ["since"] = Tense.Past,
        ["said"] = Tense.Past, ["told"] = Tense.Past, ["left"] = Tense.Past, ["went"] = Tense.Past, ["came"] = Tense.Past,
        ["met"] = Tense.Past, ["spoke"] = Tense.Past, ["saw"] = Tense.Past, ["took"] = Tense.Past, ["gave"] = Tense.Past,
        ["made"] = Tense.Past, ["held"] = Tense.Past, ["began"] = Tense.Past, ["won"] = Tense.Past, ["lost"] = Tense.Past,
        ["fell"] = Tense.Past, ["rose"] = Tense.Past, ["sent"] = Tense.Past, ["brought"] = Tense.Past, ["bought"] = Tense.Past,
        ["thought"] = Tense.Past, ["found"] = Tense.Past, ["got"] = Tense.Past, ["kept"] = Tense.Past, ["led"] = Tense.Past,
        ["paid"] = Tense.Past, ["ran"] = Tense.Past, ["sat"] = Tense.Past, ["stood"] = Tense.Past, ["wrote"] = Tense.Past,
        ["became"] = Tense.Past, ["knew"] = Tense.Past, ["grew"] = Tense.Past, ["drew"] = Tense.Past, ["flew"] = Tense.Past,
        ["threw"] = Tense.Past, ["broke"] = Tense.Past, ["chose"] = Tense.Past, ["drove"] = Tense.Past, ["fought"] = Tense.Past,
        ["heard"] = Tense.Past, ["sold"] = Tense.Past, ["struck"] = Tense.Past, ["wore"] = Tense.Past,
        ["meant"] = Tense.Past, ["felt"] = Tense.Past, ["dealt"] = Tense.Past, ["spent"] = Tense.Past, ["built"] = Tense.Past,
        ["is"] = Tense.Present, ["are"] = Tense.Present, ["am"] = Tense.Present, ["says"] = Tense.Present, ["isn't"] = Tense.Present,
        ["aren't"] = Tense.Present, ["remains"] = Tense.Present,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that point ahead only with "to" after them: "is expected to", "plans to", "is due to".</summary>
    private static readonly FrozenSet<string> FutureBeforeTo = new[]
    {
        "expected", "expects", "expect", "plans", "plan", "scheduled", "due", "intends", "intend", "hopes", "aims", "going", "set", "poised", "likely",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> BeForms = new[] { "be", "been", "being", "is", "are", "am", "was", "were", "'s", "’s" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Modals = new[] { "will", "'ll", "shall", "could", "may", "might", "can", "to", "must", "should" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>"-ed" words that are not past forms.</summary>
    private static readonly FrozenSet<string> NotPast = new[]
    {
        "united", "need", "speed", "indeed", "hundred", "feed", "seed", "bed", "red", "shed", "proceed", "exceed", "succeed",
        "breed", "bleed", "embed", "naked", "wicked", "sacred", "kindred", "rugged", "ragged", "wretched", "beloved", "learned",
        "alleged", "supposed", "based", "related", "limited", "advanced", "detailed", "armed", "concerned", "interested", "planned",
        "experienced", "qualified", "skilled", "talented", "balanced", "mixed", "fixed", "reduced", "increased", "proposed",
        "expected", "scheduled", "planned", "unidentified", "unnamed", "fortified", "guaranteed",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static Tense Read(Document document, Sentence sentence, TextSpan expression)
    {
        var tokens = document.TokensOf(sentence);
        var first = -1;
        var last = -1;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Span.Overlaps(expression))
            {
                if (first < 0)
                {
                    first = i;
                }

                last = i;
            }
        }

        if (first < 0)
        {
            return Tense.Unknown;
        }

        var text = document.Text;
        for (var i = first - 1; i >= Math.Max(0, first - LeftReach); i--)
        {
            if (IsClauseBreak(tokens[i], text))
            {
                break;
            }

            var tense = MarkerAt(tokens, i, text);
            if (tense != Tense.Unknown)
            {
                return tense;
            }
        }

        for (var i = last + 1; i < Math.Min(tokens.Length, last + 1 + RightReach); i++)
        {
            if (IsClauseBreak(tokens[i], text))
            {
                break;
            }

            var tense = MarkerAt(tokens, i, text);
            if (tense != Tense.Unknown)
            {
                return tense;
            }
        }

        return Tense.Unknown;
    }

    private static bool IsClauseBreak(Token token, string text)
    {
        if (token.Kind is not (TokenKind.Punctuation or TokenKind.Symbol))
        {
            return false;
        }

        var c = text[token.Span.Start];
        return c is ';' or ':' or '—' or '–' or '"' or '“' or '”' or '(' or ')';
    }

    private static Tense MarkerAt(ReadOnlySpan<Token> tokens, int i, string text)
    {
        if (tokens[i].Kind != TokenKind.Word)
        {
            return Tense.Unknown;
        }

        var word = tokens[i].Span.Of(text);
        var next = i + 1 < tokens.Length ? tokens[i + 1].Span.Of(text) : default;
        if (word.Equals("has", StringComparison.OrdinalIgnoreCase) || word.Equals("have", StringComparison.OrdinalIgnoreCase))
        {
            // present perfect reports the past; "has to", "have a" do not
            return IsParticiple(next) || next.Equals("been", StringComparison.OrdinalIgnoreCase) ? Tense.Past : Tense.Unknown;
        }

        if (word.Equals("'s", StringComparison.Ordinal))
        {
            return Tense.Unknown;
        }

        var nextIsTo = next.Equals("to", StringComparison.OrdinalIgnoreCase);
        if (FutureBeforeTo.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return nextIsTo ? Tense.Future : Tense.Unknown;
        }

        if (nextIsTo && BeForms.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return Tense.Future; // "is to resume trading"
        }

        if (Markers.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var tense))
        {
            if (tense == Tense.Future && (word.Equals("could", StringComparison.OrdinalIgnoreCase) || word.Equals("may", StringComparison.OrdinalIgnoreCase) || word.Equals("might", StringComparison.OrdinalIgnoreCase)))
            {
                // "may" capitalised is the month; "might have gone" reports the past
                if (char.IsUpper(word[0]) && i > 0)
                {
                    return Tense.Unknown;
                }

                return next.Equals("have", StringComparison.OrdinalIgnoreCase) ? Tense.Past : Tense.Future;
            }

            return tense == Tense.Past && !IsAuxiliary(word) ? Passive(tokens, i, text) : tense;
        }

        return IsRegularPast(word) ? Passive(tokens, i, text) : Tense.Unknown;
    }

    private static bool IsAuxiliary(ReadOnlySpan<char> word) =>
        BeForms.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) || word.Equals("had", StringComparison.OrdinalIgnoreCase) ||
        word.Equals("did", StringComparison.OrdinalIgnoreCase);

    /// <summary>A past form after a form of "be" takes its tense from the auxiliary: "will be paid", "is held", "was told".</summary>
    private static Tense Passive(ReadOnlySpan<Token> tokens, int i, string text)
    {
        if (i == 0)
        {
            return Tense.Past;
        }

        var be = tokens[i - 1].Span.Of(text);
        if (!BeForms.GetAlternateLookup<ReadOnlySpan<char>>().Contains(be))
        {
            return Tense.Past;
        }

        if (be.Equals("is", StringComparison.OrdinalIgnoreCase) || be.Equals("are", StringComparison.OrdinalIgnoreCase) || be.Equals("am", StringComparison.OrdinalIgnoreCase))
        {
            return Tense.Present;
        }

        if (be.Equals("be", StringComparison.OrdinalIgnoreCase) && i >= 2 && Modals.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[i - 2].Span.Of(text)))
        {
            return Tense.Future;
        }

        return be.Equals("be", StringComparison.OrdinalIgnoreCase) ? Tense.Unknown : Tense.Past;
    }

    private static bool IsParticiple(ReadOnlySpan<char> word) =>
        IsRegularPast(word) || (Markers.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var t) && t == Tense.Past) ||
        word.EndsWith("en", StringComparison.OrdinalIgnoreCase) || word.Equals("done", StringComparison.OrdinalIgnoreCase) ||
        word.Equals("gone", StringComparison.OrdinalIgnoreCase) || word.Equals("begun", StringComparison.OrdinalIgnoreCase);

    private static bool IsRegularPast(ReadOnlySpan<char> word) =>
        word.Length >= 5 && word.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && char.IsLower(word[0]) &&
        !NotPast.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
}
