using System.Globalization;
using System.Text.RegularExpressions;
using Tacitus.Documents;
using Tacitus.Mentions.Quantities;
using Tacitus.Pipeline;

namespace Tacitus.Mentions;

/// <summary>
/// Finds numbers with units: distances, durations, masses, speeds, areas, money, head counts and percentages,
/// single values ("520 miles", "$5 billion", "200 protesters") and ranges ("12 to 14 hours", "between 5 and 10 km",
/// "5-10 km"). Values are normalised to SI with UnitsNet (<see cref="UnitDefinition.SiValueOf"/>). A value given again in another unit right after it
/// ("520 miles (840 kilometers)") links both mentions and checks that they agree within 1%; a disagreement is flagged
/// (<see cref="QuantityInfo.Consistent"/> false and a TAC410 warning).
/// A hand-written scanner over the tokens: cheaper than a general recogniser, and enough for the units news uses.
/// </summary>
internal sealed partial class QuantityRecognizer : IPipelineStage
{
    /// <summary>Largest relative difference between two renderings of one quantity that still counts as agreement.</summary>
    public const double Tolerance = 0.01;

    public string Name => "quantities";

    public Annotations Requires => Annotations.Sentences | Annotations.Tokens | Annotations.Boilerplate;

    public Annotations Assigns => Annotations.Quantities;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        StageRequirements.Enter(this, document);
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (sentence.Boilerplate || sentence.TokenCount == 0)
            {
                continue;
            }

            var first = document.Mentions.Count;
            Scan(document, sentence);
            LinkPairs(document, first);
        }
    }

    private static void Scan(Document document, Sentence sentence)
    {
        var text = document.Text;
        var tokens = document.TokensOf(sentence);
        var end = sentence.Span.End;
        var resumeAt = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.Span.Start < resumeAt)
            {
                continue;
            }

            var between = i >= 1 && tokens[i - 1].Span.Of(text).Equals("between", StringComparison.OrdinalIgnoreCase);
            if (TryRead(text, token.Span.Start, end, between, out var found))
            {
                var rangeStart = found.Span.Start;
                if (found.Low is not null && between)
                {
                    rangeStart = tokens[i - 1].Span.Start; // "between 5 and 10 km"
                }

                document.Mentions.Add(new Mention
                {
                    Kind = MentionKind.Quantity,
                    Span = new TextSpan(rangeStart, found.Span.End),
                    Sentence = sentence.Index,
                    Quantity = found.Info,
                    Rule = "quantity:" + found.Dimension.ToString().ToLowerInvariant(),
                });
                resumeAt = found.Span.End;
            }
        }
    }

    private readonly record struct Reading(TextSpan Span, QuantityInfo Info, Dimension Dimension, double? Low);

    /// <summary>Reads "[currency] number [scale] [(to|-|and) number [scale]] unit" starting at <paramref name="start"/>.</summary>
    /// <param name="between">True after "between": "and" then joins a range.</param>
    private static bool TryRead(string text, int start, int limit, bool between, out Reading reading)
    {
        reading = default;
        var p = start;
        string? currency = null;
        if (p + 2 < limit && text.AsSpan(p, 2).Equals("US", StringComparison.Ordinal) && text[p + 2] == '$')
        {
            p += 2;
        }

        if (p < limit && UnitTable.CurrencyForSign(text[p]) is { } sign)
        {
            currency = sign;
            p++;
            while (p < limit && text[p] == ' ')
            {
                p++;
            }
        }

        if (p >= limit || !StartsNumber(text, p, limit))
        {
            return false;
        }

        if (!NumberReader.TryRead(text.AsSpan(p, limit - p), out var low, out var length))
        {
            return false;
        }

        p += length;
        double? high = null;
        if (RangeJoinPattern().Match(text, p, Math.Min(12, limit - p)) is { Success: true } join && (between || !join.Value.Contains("and", StringComparison.Ordinal)))
        {
            var highStart = p + join.Length;
            if (currency is not null && highStart < limit && UnitTable.CurrencyForSign(text[highStart]) == currency)
            {
                highStart++; // "$5 to $10"
            }

            if (highStart < limit && StartsNumber(text, highStart, limit) &&
                NumberReader.TryRead(text.AsSpan(highStart, limit - highStart), out var h, out var highLength) && h > low)
            {
                high = h;
                p = highStart + highLength;
            }
        }

        UnitDefinition unit;
        if (currency is not null)
        {
            unit = UnitTable.Currency(currency);
        }
        else if (!TryUnit(text, ref p, limit, out unit))
        {
            return false;
        }

        if (high is null && Followed(text, p, limit, "ago"))
        {
            return false; // "three years ago" is a time, not an amount
        }

        var value = high is null ? low : (double?)null;
        var info = new QuantityInfo
        {
            Value = value,
            Low = high is null ? null : low,
            High = high,
            Unit = unit.Name,
            SiValue = value is { } v ? unit.SiValueOf(v) : null,
            SiUnit = value is not null ? unit.SiUnit : null,
        };
        reading = new Reading(new TextSpan(start, p), info, unit.Dimension, high is null ? null : low);
        return true;
    }

    /// <summary>A digit, or a number word ("two", "twelve") — not "a"/"an", which would make every "an hour" a quantity.</summary>
    private static bool StartsNumber(string text, int p, int limit)
    {
        if (p > 0 && char.IsLetterOrDigit(text[p - 1]))
        {
            return false;
        }

        if (char.IsAsciiDigit(text[p]))
        {
            return true;
        }

        if (!char.IsAsciiLetter(text[p]) || !NumberReader.TryRead(text.AsSpan(p, limit - p), out var value, out var length))
        {
            return false;
        }

        // "a"/"an" alone is not a number here ("an hour"); "a dozen", "a hundred" are
        var article = text.AsSpan(p, Math.Min(3, limit - p));
        return !(article.StartsWith("a ", StringComparison.OrdinalIgnoreCase) || article.StartsWith("an ", StringComparison.OrdinalIgnoreCase)) || (value > 1 && length > 3);
    }

    /// <summary>Reads the unit after a number: "%", " miles", "-mile", " per cent", " km/h". Moves <paramref name="p"/> past it.</summary>
    private static bool TryUnit(string text, ref int p, int limit, out UnitDefinition unit)
    {
        unit = null!;
        var q = p;
        if (q < limit && text[q] == '%')
        {
            p = q + 1;
            return UnitTable.TryWord("%", out unit);
        }

        if (q < limit && text[q] is ' ' or '-')
        {
            q++;
        }

        var end1 = WordEnd(text, q, limit);
        if (end1 == q)
        {
            return false;
        }

        // longer units first: "miles per hour", "nautical miles", "per cent"
        var end2 = NextWordEnd(text, end1, limit);
        var end3 = end2 < 0 ? -1 : NextWordEnd(text, end2, limit);
        foreach (var phraseEnd in (ReadOnlySpan<int>)[end3, end2])
        {
            if (phraseEnd > 0 && UnitTable.TryPhrase(text.AsSpan(q, phraseEnd - q), out unit))
            {
                p = phraseEnd;
                return true;
            }
        }

        if (UnitTable.TryWord(text.AsSpan(q, end1 - q), out unit))
        {
            p = end1;
            return true;
        }

        return false;
    }

    /// <summary>End of the word after a single space at <paramref name="end"/>, or -1.</summary>
    private static int NextWordEnd(string text, int end, int limit)
    {
        if (end >= limit || text[end] != ' ')
        {
            return -1;
        }

        var next = WordEnd(text, end + 1, limit);
        return next > end + 1 ? next : -1;
    }

    private static int WordEnd(string text, int q, int limit)
    {
        while (q < limit && (char.IsLetter(text[q]) || (text[q] == '/' && q + 1 < limit && char.IsLetter(text[q + 1]))))
        {
            q++;
        }

        return q;
    }

    private static bool Followed(string text, int p, int limit, string word)
    {
        while (p < limit && text[p] == ' ')
        {
            p++;
        }

        return text.AsSpan(p, limit - p).StartsWith(word, StringComparison.OrdinalIgnoreCase) &&
               (p + word.Length == limit || !char.IsLetter(text[p + word.Length]));
    }

    /// <summary>
    /// "520 miles (840 kilometers)", "10 km, or six miles,": the second gives the first in another unit. Both link to
    /// each other; they agree when their SI values differ by at most <see cref="Tolerance"/>.
    /// </summary>
    private static void LinkPairs(Document document, int first)
    {
        var mentions = document.Mentions;
        for (var i = first; i + 1 < mentions.Count; i++)
        {
            var a = mentions[i];
            var b = mentions[i + 1];
            if (a.Kind != MentionKind.Quantity || b.Kind != MentionKind.Quantity || a.Quantity is not { SiValue: { } sa } qa ||
                b.Quantity is not { SiValue: { } sb } qb || qa.Unit == qb.Unit || qa.SiUnit != qb.SiUnit)
            {
                continue;
            }

            var between = document.Text.AsSpan(a.Span.End, b.Span.Start - a.Span.End);
            if (!PairJoinPattern().IsMatch(between))
            {
                continue;
            }

            var difference = Math.Abs(sa - sb) / Math.Max(Math.Abs(sa), Math.Abs(sb));
            var consistent = difference <= Tolerance;
            qa.SameAs = i + 1;
            qb.SameAs = i;
            qa.Consistent = consistent;
            qb.Consistent = consistent;
            if (!consistent)
            {
                document.Warnings.Add(new TacitusError(
                    "TAC410",
                    "quantities",
                    string.Create(CultureInfo.InvariantCulture, $"'{document.Slice(a.Span)}' and '{document.Slice(b.Span)}' give one quantity in two units but differ by {difference:P1}"),
                    document.Metadata.Origin));
            }
        }
    }

    [GeneratedRegex(@"\G\s*(?:to|-|–|—|and|or)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex RangeJoinPattern();

    [GeneratedRegex(@"^\s*(?:\(\s*(?:about|around|some|roughly|nearly|almost|approximately|or)?|,\s*or(?:\s+(?:about|around|some|roughly|nearly|almost))?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PairJoinPattern();
}
