using System.Text.RegularExpressions;
using Tacitus.Documents;

namespace Tacitus.Mentions.Time;

/// <summary>A time expression already resolved in this document, kept as a possible anchor for later ones.</summary>
internal readonly record struct ResolvedTime(Timex Value, int Sentence, Tense Tense);

/// <summary>
/// Decides what a relative expression counts from. Most count from the publication date ("yesterday", "last year");
/// a few count from the time of an event told just before them ("the next morning", "the following day",
/// "two days later", "that night"), and a time of day on its own ("around noon") belongs to the day last talked about.
/// </summary>
internal static partial class DateAnchor
{
    /// <summary>How many sentences back a bare time of day may look for its day.</summary>
    private const int TimeOfDayReach = 6;

    /// <summary>How many sentences back an event-relative expression may look for its anchor.</summary>
    private const int EventReach = 30;

    /// <summary>True for expressions that count from an earlier event rather than from the publication date.</summary>
    public static bool IsEventRelative(ReadOnlySpan<char> expression)
    {
        foreach (var _ in EventRelativePattern().EnumerateMatches(expression))
        {
            return true;
        }

        return false;
    }

    /// <summary>True for expressions that name a part of the day ("the next morning", "that night").</summary>
    public static bool NamesPartOfDay(ReadOnlySpan<char> expression)
    {
        foreach (var _ in PartOfDayPattern().EnumerateMatches(expression))
        {
            return true;
        }

        return false;
    }

    /// <summary>
    /// The anchor for an event-relative expression: the latest earlier time with a calendar day, within reach.
    /// An expression naming a part of the day ("the next morning") prefers an anchor that also has a time of day
    /// ("Tuesday night"), the episode it continues. A past-tense expression skips anchors after the publication date.
    /// </summary>
    /// <param name="needs">How exact the anchor must be: a day for "the next morning", a year for "a year earlier".</param>
    public static ResolvedTime? ForEvent(IReadOnlyList<ResolvedTime> earlier, int sentence, bool partOfDay, TimePrecision needs, Tense tense, DateOnly? published)
    {
        ResolvedTime? dayOnly = null;
        for (var i = earlier.Count - 1; i >= 0; i--)
        {
            var candidate = earlier[i];
            if (sentence - candidate.Sentence > EventReach)
            {
                break;
            }

            var value = candidate.Value;
            var exact = value.Date is not null || (needs == TimePrecision.Month && value.Month is not null) ||
                        (needs == TimePrecision.Year && value.Year is not null);
            if (!exact)
            {
                continue;
            }

            if (tense == Tense.Past && published is { } p && value.Date is { } date && date > p)
            {
                continue;
            }

            if (!partOfDay || candidate.Value.TimeOfDay is not null)
            {
                return candidate;
            }

            dayOnly ??= candidate;
        }

        return dayOnly;
    }

    /// <summary>The day a bare time of day belongs to: the latest earlier full date within a few sentences.</summary>
    public static ResolvedTime? ForTimeOfDay(IReadOnlyList<ResolvedTime> earlier, int sentence)
    {
        for (var i = earlier.Count - 1; i >= 0; i--)
        {
            var candidate = earlier[i];
            if (sentence - candidate.Sentence > TimeOfDayReach)
            {
                break;
            }

            if (candidate.Value.Date is not null)
            {
                return candidate;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(?:(?:the\s+)(?:next|following|previous|preceding|prior|same)\s+(?:day|morning|afternoon|evening|night|week|weekend|month|year)|(?:following|previous|preceding|same)\s+(?:day|morning|afternoon|evening|night|week|weekend|month|year)|(?:that|later\s+that|earlier\s+that)\s+(?:day|morning|afternoon|evening|night)|(?:later|earlier|afterwards?|before|after)\s*$|\byear-(?:ago|earlier)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EventRelativePattern();

    [GeneratedRegex(@"\b(?:morning|afternoon|evening|night)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PartOfDayPattern();
}
