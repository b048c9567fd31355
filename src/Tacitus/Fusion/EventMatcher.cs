using System.Buffers;
using Tacitus.Eval.Scoring;

namespace Tacitus.Fusion;

/// <summary>
/// Decides whether a report can describe a fused event: compatible actors and recipients (no two different
/// countries, sectors or names), dates within the precision they have, places that agree (the same country; two
/// towns no more than <see cref="NearKilometres"/> apart). Type family is checked by the candidate query.
/// </summary>
internal static class EventMatcher
{
    public const double NearKilometres = 50;

    /// <summary>
    /// How well the report fits the event: null when it cannot be the same event, else higher is closer. With
    /// <paramref name="placeAnchored"/> (attacks, fighting: types known by where they happened), a report from the same
    /// town as the event (both placed below country level, within <see cref="NearKilometres"/>) on dates that agree
    /// fits whoever it names as actor or target: reports of one attack name different attackers, groups and victims.
    /// With <paramref name="paired"/> (meetings: types known by their two parties) it must also be the same meeting
    /// (<see cref="SameMeeting"/>).
    /// </summary>
    public static int? Fit(FusedReport report, FusedEvent fused, bool placeAnchored = false, bool paired = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(fused);
        var sameTown = placeAnchored && SameTown(report.Location, fused.Location);
        if (!sameTown && (!Compatible(report.Actor, fused.Actor) || !Compatible(report.Recipient, fused.Recipient)))
        {
            return null;
        }

        if (paired && !SameMeeting(report, fused))
        {
            return null;
        }

        var range = fused.Earliest is { } e && fused.Latest is { } l ? new DateRange(e, l, 0) : (DateRange?)null;
        if (report.Date is { } date && range is { } span && !date.Overlaps(span))
        {
            return null;
        }

        if (!Agree(report.Location, fused.Location))
        {
            return null;
        }

        var fit = 0;
        fit += report.Mode is not null && report.Mode == fused.Mode ? 2 : 0;
        fit += report.Actor.Name is not null && report.Actor.Name == fused.Actor.Name ? 2 : 0;
        fit += report.Recipient is not null && fused.Recipient is not null ? 1 : 0;
        fit += report.Date is { Precision: > 0 } ? 1 : 0;
        fit += report.Location is not null && fused.Location is not null ? 1 : 0;
        fit += sameTown ? 1 : 0;
        return fit;
    }

    /// <summary>
    /// The report names the event's two parties the other way round ("Brenner received Varga" for "Varga met Brenner"):
    /// every party named on both sides, and each name agreeing with the other side's opposite party. Countries or
    /// sectors alone are not enough: "a US official met a British one" does not say which meeting.
    /// </summary>
    public static bool SamePartiesSwapped(FusedReport report, FusedEvent fused)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(fused);
        return report.Actor.Name is { } a && report.Recipient?.Name is { } b && fused.Actor.Name is { } c && fused.Recipient?.Name is { } d
            && NamesAgree(a, d) && NamesAgree(b, c) && !NamesAgree(a, b);
    }

    /// <summary>
    /// A meeting is known by who met. Two reports are of one meeting when they name a party in common (in either role:
    /// "Varga met Brenner" and "Brenner's talks with Varga"). Parties known only by their country or sector ("British
    /// officials met union leaders", and a country named as a party: "Italy meet Wales") could be any of that country's
    /// meetings, so without a named party in common the reports must also agree on the day (both dated to the day) or on
    /// the town (both placed below country level). Compatible parties, dates and places are <see cref="Fit"/>'s to check.
    /// </summary>
    public static bool SameMeeting(FusedReport report, FusedEvent fused)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(fused);
        // the cheap day and town tests first: the name tests build word sets and look names up in the gazetteer
        var sameDay = report.Date is { Precision: DateRange.DayPrecision } && fused.DatePrecision == DateRange.DayPrecision;
        return sameDay || SameTown(report.Location, fused.Location) || NamedIn(report.Actor.Name, fused) || NamedIn(report.Recipient?.Name, fused);

        static bool NamedIn(string? name, FusedEvent fused) =>
            name is not null && !CountryName(name) && ((fused.Actor.Name is { } a && NamesAgree(name, a)) || (fused.Recipient?.Name is { } r && NamesAgree(name, r)));
    }

    /// <summary>The name is a country's ("Italy", "United States"): as a party it says only which country.</summary>
    private static bool CountryName(string name) => Knowledge.Gazetteer.Default.FindCountryByName(name) is not null;

    /// <summary>Both places are known below country level and agree (the same town, or towns close together).</summary>
    public static bool SameTown(PlaceKey? a, PlaceKey? b) =>
        a is not null && b is not null && !a.CountryLevel && !b.CountryLevel && Agree(a, b);

    public static bool Compatible(ActorKey? a, ActorKey? b)
    {
        if (a is null || b is null || a.IsEmpty || b.IsEmpty)
        {
            return true;
        }

        if (a.Country is not null && b.Country is not null && a.Country != b.Country)
        {
            return false;
        }

        if (a.Name is not null && b.Name is not null)
        {
            return NamesAgree(a.Name, b.Name);
        }

        return a.Sector is null || b.Sector is null || a.Sector == b.Sector;
    }

    /// <summary>
    /// One name's words are all in the other ("Macron" and "Emmanuel Macron"), ignoring case: the name with fewer
    /// distinct words within the other. Read in place, lower-cased into stack buffers (it runs for every candidate a
    /// report is matched against, and for every source a status is judged with), a longer name into a pooled one.
    /// </summary>
    public static bool NamesAgree(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Within(a, b, eitherWay: true);
    }

    /// <summary>Every word of <paramref name="part"/> is in <paramref name="whole"/> ("Macron" within "Emmanuel Macron"), ignoring case.</summary>
    public static bool NameWithin(string part, string whole)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(whole);
        return Within(part, whole, eitherWay: false);
    }

    /// <summary>
    /// <paramref name="a"/>'s words all in <paramref name="b"/>'s, ignoring case; <paramref name="eitherWay"/>: the name
    /// with fewer distinct words within the other. Both lower-cased into one buffer, on the stack or pooled.
    /// </summary>
    private static bool Within(string a, string b, bool eitherWay)
    {
        char[]? rented = null;
        try
        {
            var both = Lowered(a, b, a.Length + b.Length <= StackName ? stackalloc char[a.Length + b.Length] : rented = ArrayPool<char>.Shared.Rent(a.Length + b.Length));
            ReadOnlySpan<char> first = both[..a.Length], second = both.Slice(a.Length, b.Length);
            return eitherWay && DistinctWords(first) > DistinctWords(second) ? WordsWithin(second, first) : WordsWithin(first, second);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Both names lower-cased into <paramref name="buffer"/> (at least as long as both), one after the other.</summary>
    private static Span<char> Lowered(string a, string b, Span<char> buffer)
    {
        a.AsSpan().ToLowerInvariant(buffer[..a.Length]);
        b.AsSpan().ToLowerInvariant(buffer.Slice(a.Length, b.Length));
        return buffer;
    }

    public static bool Agree(PlaceKey? a, PlaceKey? b)
    {
        if (a is null || b is null)
        {
            return true;
        }

        if (a.Country is not null && b.Country is not null && a.Country != b.Country)
        {
            return false;
        }

        if (a.CountryLevel || b.CountryLevel)
        {
            return true;
        }

        if (a.Lat is double la && a.Lon is double lo && b.Lat is double lb && b.Lon is double lob)
        {
            return GeoDistance.Kilometres(la, lo, lb, lob) <= NearKilometres;
        }

        return a.Name is null || b.Name is null || string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Two names this long together are compared in a stack buffer; longer ones in a pooled array.</summary>
    private const int StackName = 512;

    /// <summary>What separates a name's words (as splitting on space, hyphen, full stop and comma would).</summary>
    private static readonly SearchValues<char> Separators = SearchValues.Create(" -.,");

    /// <summary>Each word of <paramref name="part"/> (lower-cased) is a word of <paramref name="whole"/> (lower-cased).</summary>
    private static bool WordsWithin(ReadOnlySpan<char> part, ReadOnlySpan<char> whole)
    {
        for (var rest = part; NextWord(ref rest) is { Length: > 0 } word;)
        {
            if (!HasWord(whole, word))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasWord(ReadOnlySpan<char> text, ReadOnlySpan<char> word)
    {
        for (var rest = text; NextWord(ref rest) is { Length: > 0 } other;)
        {
            if (other.SequenceEqual(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many different words the (lower-cased) name has: the size of its word set.</summary>
    private static int DistinctWords(ReadOnlySpan<char> name)
    {
        var count = 0;
        for (var rest = name; NextWord(ref rest) is { Length: > 0 } word;)
        {
            // a word counts where it first occurs: not among the words before it
            var before = name[..(name.Length - rest.Length - word.Length)];
            if (!HasWord(before, word))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The next word of <paramref name="rest"/> (between <see cref="Separators"/>), which is moved past it; empty at the end.</summary>
    private static ReadOnlySpan<char> NextWord(ref ReadOnlySpan<char> rest)
    {
        var start = rest.IndexOfAnyExcept(Separators);
        if (start < 0)
        {
            rest = [];
            return [];
        }

        rest = rest[start..];
        var end = rest.IndexOfAny(Separators);
        if (end < 0)
        {
            end = rest.Length;
        }

        var word = rest[..end];
        rest = rest[end..];
        return word;
    }
}
