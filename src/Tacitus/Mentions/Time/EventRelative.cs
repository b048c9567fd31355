using System.Globalization;
using Tacitus.Documents;

namespace Tacitus.Mentions.Time;

/// <summary>
/// Days told from the event before: "the next morning", "the following day", "the previous week", "two days later",
/// "a year earlier". The value is written from the publication date, as the recogniser writes it; the stage then moves
/// it onto the date last talked about (<see cref="DateAnchor"/>, <see cref="TimexResolver.MoveOntoAnchor"/>). Without
/// a publication date nothing is written (a value counted from a date we do not know).
/// </summary>
internal static class EventRelative
{
    /// <summary>Extra tokens consumed after trigger <paramref name="i"/> (the unit), or -1 when it is not such a phrase.</summary>
    public static int Read(string text, ReadOnlySpan<Token> tokens, int i, DateOnly? published, List<TimeCandidate> added)
    {
        var unit = tokens[i].Span.Of(text);
        var words = TimeWords.Shipped;

        // "the next morning", "the following day", "the previous week"
        if (i >= 2 && tokens[i - 2].Span.Of(text).Equals("the", StringComparison.OrdinalIgnoreCase) &&
            Direction(tokens[i - 1].Span.Of(text)) is { } step && Unit(unit) is { } kind)
        {
            if (published is { } p)
            {
                added.Add(new TimeCandidate(new TextSpan(tokens[i - 2].Span.Start, tokens[i].Span.End), "date", Value(kind, p, step, unit), null, "event-relative"));
            }

            return 0;
        }

        // "two days later", "a year earlier"
        if (i >= 1 && i + 1 < tokens.Length && Later(tokens[i + 1].Span.Of(text)) is { } sign &&
            (i + 2 >= tokens.Length || !words.AdverbContinuations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[i + 2].Span.Of(text))) &&
            Unit(Singular(unit)) is { } amountKind && amountKind != "part" && Count(tokens[i - 1].Span.Of(text)) is { } n &&
            (i < 2 || tokens[i - 2].Kind is not (TokenKind.Number or TokenKind.Symbol)))
        {
            if (published is { } p)
            {
                added.Add(new TimeCandidate(new TextSpan(tokens[i - 1].Span.Start, tokens[i + 1].Span.End), "date", Value(amountKind, p, sign * n, unit), null, "event-relative"));
            }

            return 1;
        }

        return -1;
    }

    private static string Value(string kind, DateOnly published, int step, ReadOnlySpan<char> unit)
    {
        if (kind is "day" or "part")
        {
            var day = published.AddDays(step).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return kind == "part" && TimeWords.Shipped.PartsOfDay.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(unit, out var code) ? day + "T" + code : day;
        }

        return CommonTimeExpressions.PeriodTimex(kind, published, step);
    }

    /// <summary>day; a part of the day ("morning"); or the calendar unit ("week", "month", "year").</summary>
    private static string? Unit(ReadOnlySpan<char> unit) =>
        unit.Equals("day", StringComparison.OrdinalIgnoreCase) ? "day" :
        TimeWords.Shipped.PartsOfDay.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(unit) ? "part" :
        unit.Equals("week", StringComparison.OrdinalIgnoreCase) ? "week" :
        unit.Equals("month", StringComparison.OrdinalIgnoreCase) ? "month" :
        unit.Equals("year", StringComparison.OrdinalIgnoreCase) ? "year" : null;

    private static ReadOnlySpan<char> Singular(ReadOnlySpan<char> unit) => unit.Length > 3 && unit[^1] is 's' or 'S' ? unit[..^1] : unit;

    private static int? Direction(ReadOnlySpan<char> word) =>
        TimeWords.Shipped.EventSteps.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var step) ? step : null;

    private static int? Later(ReadOnlySpan<char> word) =>
        TimeWords.Shipped.EventShifts.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var sign) ? sign : null;

    /// <summary>"a", "an", "two", "3": a whole number of units.</summary>
    private static int? Count(ReadOnlySpan<char> word)
    {
        if (word.Equals("a", StringComparison.OrdinalIgnoreCase) || word.Equals("an", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        return NumberReader.TryRead(word, out var value, out var length) && length == word.Length && value >= 1 && value <= 1000 && value == Math.Floor(value) ? (int)value : null;
    }
}
