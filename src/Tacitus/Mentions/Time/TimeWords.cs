using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;
using Tacitus.Knowledge;

namespace Tacitus.Mentions.Time;

/// <summary>
/// The words of English time expressions, from data/time/words.tsv (kind, word, value): the pre-filter's triggers
/// (<see cref="TimeTriggers"/>), the words the project's own rules read (<see cref="CommonTimeExpressions"/>) and
/// the signals trimmed from a recognised expression. Lookups take a span, so the hot path makes no strings.
/// </summary>
internal sealed class TimeWords
{
    private const string Stage = "times";

    /// <summary>Kinds whose value is a number: a month, weekday or ordinal.</summary>
    private static readonly string[] NumberKinds = ["month", "month-abbreviation", "weekday", "ordinal", "ordinal-century"];

    /// <summary>Kinds whose value is a signed number of periods.</summary>
    private static readonly string[] StepKinds = ["step", "event-step", "event-shift"];

    /// <summary>Kinds whose value is a TIMEX3 value.</summary>
    private static readonly string[] TextKinds = ["set", "season", "holiday", "part-of-day", "meridiem", "midday", "reference"];

    /// <summary>Kinds that are word lists.</summary>
    private static readonly string[] SetKinds =
    [
        "trigger", "trigger-capitalised", "duration-unit", "modifier", "complex-before", "complex-before-signal", "complex-after", "join",
        "leading-signal", "plain-signal", "no-amount", "no-time", "period-of", "bounding", "quantity", "range-signal", "open-after",
        "relative-adverb", "adverb-continuation", "multiplier", "distributive", "anaphoric", "vague-step", "calendar-unit", "period-unit",
        "period-edge", "edge-adjective", "hyphen-edge", "reference-lead", "reference-after", "trigger-after-step",
    ];

    private TimeWords(IEnumerable<DataLine> lines)
    {
        var sets = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var numbers = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var texts = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.Fields.Length < 2 || line.Fields[1].Length == 0)
            {
                throw Invalid(line, "expected: kind <TAB> word [<TAB> value]");
            }

            var (kind, word) = (line.Fields[0], line.Fields[1]);
            // the kinds are looked up in lists rather than switched on: a string switch of forty cases made this run-once
            // constructor the largest method a run's first document compiled (docs/PERFORMANCE.md, s13-cold)
            if (Array.IndexOf(NumberKinds, kind) >= 0)
            {
                if (line.Fields.Length < 3 || !int.TryParse(line.Fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    throw Invalid(line, $"a {kind} needs a number as its value");
                }

                Add(numbers, kind).Add(word, n);
            }
            else if (Array.IndexOf(StepKinds, kind) >= 0)
            {
                if (line.Fields.Length < 3 || !int.TryParse(line.Fields[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var step))
                {
                    throw Invalid(line, "a step needs a whole number of periods as its value");
                }

                Add(numbers, kind).Add(word, step);
            }
            else if (Array.IndexOf(TextKinds, kind) >= 0)
            {
                if (line.Fields.Length < 3 || line.Fields[2].Length == 0)
                {
                    throw Invalid(line, "a set needs its TIMEX3 value");
                }

                AddValue(texts, kind).Add(word, line.Fields[2]);
            }
            else if (Array.IndexOf(SetKinds, kind) >= 0)
            {
                if (!sets.TryGetValue(kind, out var list))
                {
                    sets[kind] = list = [];
                }

                list.Add(word);
            }
            else
            {
                throw Invalid(line, $"unknown kind '{kind}'");
            }
        }

        // Not inlined: forty calls of each, inlined, made this run-once constructor 12 KB of code to compile.
        [MethodImpl(MethodImplOptions.NoInlining)]
        FrozenSet<string> Set(string kind, StringComparer comparer) => (sets.GetValueOrDefault(kind) ?? []).ToFrozenSet(comparer);
        [MethodImpl(MethodImplOptions.NoInlining)]
        FrozenDictionary<string, int> Numbers(string kind) => (numbers.GetValueOrDefault(kind) ?? []).ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

        Triggers = Set("trigger", StringComparer.OrdinalIgnoreCase);
        CapitalisedTriggers = Set("trigger-capitalised", StringComparer.Ordinal);
        DurationUnits = Set("duration-unit", StringComparer.OrdinalIgnoreCase);
        Modifiers = Set("modifier", StringComparer.OrdinalIgnoreCase);
        ComplexBefore = Set("complex-before", StringComparer.OrdinalIgnoreCase);
        ComplexBeforeSignal = Set("complex-before-signal", StringComparer.OrdinalIgnoreCase);
        ComplexAfter = Set("complex-after", StringComparer.OrdinalIgnoreCase);
        Joins = Set("join", StringComparer.OrdinalIgnoreCase);
        LeadingSignals = Set("leading-signal", StringComparer.OrdinalIgnoreCase);
        PlainSignals = Set("plain-signal", StringComparer.OrdinalIgnoreCase);
        Months = Numbers("month");
        MonthAbbreviations = (numbers.GetValueOrDefault("month-abbreviation") ?? []).ToFrozenDictionary(StringComparer.Ordinal);
        Weekdays = Numbers("weekday");
        Ordinals = Numbers("ordinal");
        Steps = Numbers("step");
        EventSteps = Numbers("event-step");
        EventShifts = Numbers("event-shift");
        NoAmount = Set("no-amount", StringComparer.OrdinalIgnoreCase);
        NoTime = Set("no-time", StringComparer.OrdinalIgnoreCase);
        PeriodOf = Set("period-of", StringComparer.OrdinalIgnoreCase);
        Bounding = Set("bounding", StringComparer.OrdinalIgnoreCase);
        Quantities = Set("quantity", StringComparer.OrdinalIgnoreCase);
        RangeSignals = Set("range-signal", StringComparer.OrdinalIgnoreCase);
        OpenAfter = Set("open-after", StringComparer.OrdinalIgnoreCase);
        RelativeAdverbs = Set("relative-adverb", StringComparer.OrdinalIgnoreCase);
        AdverbContinuations = Set("adverb-continuation", StringComparer.OrdinalIgnoreCase);
        Multipliers = Set("multiplier", StringComparer.OrdinalIgnoreCase);
        Distributives = Set("distributive", StringComparer.OrdinalIgnoreCase);
        Anaphoric = Set("anaphoric", StringComparer.OrdinalIgnoreCase);
        VagueSteps = Set("vague-step", StringComparer.OrdinalIgnoreCase);
        CalendarUnits = Set("calendar-unit", StringComparer.OrdinalIgnoreCase);
        PeriodUnits = Set("period-unit", StringComparer.OrdinalIgnoreCase);
        PeriodEdges = Set("period-edge", StringComparer.OrdinalIgnoreCase);
        EdgeAdjectives = Set("edge-adjective", StringComparer.OrdinalIgnoreCase);
        HyphenEdges = Set("hyphen-edge", StringComparer.OrdinalIgnoreCase);
        ReferenceLeads = Set("reference-lead", StringComparer.OrdinalIgnoreCase);
        TriggersAfterStep = Set("trigger-after-step", StringComparer.OrdinalIgnoreCase);
        ReferenceAfter = Set("reference-after", StringComparer.OrdinalIgnoreCase);
        CenturyOrdinals = Numbers("ordinal-century");
        [MethodImpl(MethodImplOptions.NoInlining)]
        FrozenDictionary<string, string> Texts(string kind) => (texts.GetValueOrDefault(kind) ?? []).ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Sets = Texts("set");
        Seasons = Texts("season");
        Holidays = Texts("holiday");
        PartsOfDay = Texts("part-of-day");
        Meridiems = Texts("meridiem");
        Middays = Texts("midday");
        References = Texts("reference");
    }

    /// <summary>The shipped table (data/time/words.tsv).</summary>
    public static TimeWords Shipped { get; } = new(DataFile.Embedded(DataFile.ResourceName("time", "words.tsv")));

    /// <summary>A table read from a file in the same format (for tests and experiments).</summary>
    public static TimeWords Read(TextReader reader, string origin) => new(DataFile.Read(reader, origin));

    public FrozenSet<string> Triggers { get; }

    public FrozenSet<string> CapitalisedTriggers { get; }

    public FrozenSet<string> DurationUnits { get; }

    public FrozenSet<string> Modifiers { get; }

    public FrozenSet<string> ComplexBefore { get; }

    /// <summary>Words that make a longer expression two tokens ahead, before a signal ("starting on 21 March").</summary>
    public FrozenSet<string> ComplexBeforeSignal { get; }

    public FrozenSet<string> ComplexAfter { get; }

    public FrozenSet<string> Joins { get; }

    public FrozenSet<string> LeadingSignals { get; }

    /// <summary>Leading signals that place an expression without changing it ("in the 1990s"; not "since", "by", "until").</summary>
    public FrozenSet<string> PlainSignals { get; }

    public FrozenDictionary<string, int> Months { get; }

    public FrozenDictionary<string, int> Weekdays { get; }

    /// <summary>Months written short with their full stop ("Aug." → 8), matched as written (capitalised).</summary>
    public FrozenDictionary<string, int> MonthAbbreviations { get; }

    public FrozenDictionary<string, int> Ordinals { get; }

    public FrozenDictionary<string, string> Sets { get; }

    /// <summary>Season names and their TIMEX3 codes ("summer" → SU).</summary>
    public FrozenDictionary<string, string> Seasons { get; }

    /// <summary>Fixed-date holidays and their month and day ("christmas" → 12-25).</summary>
    public FrozenDictionary<string, string> Holidays { get; }

    /// <summary>Parts of the day read after a weekday ("night" → NI).</summary>
    public FrozenDictionary<string, string> PartsOfDay { get; }

    /// <summary>Words after an hour and the half of the day they say ("p.m." → pm).</summary>
    public FrozenDictionary<string, string> Meridiems { get; }

    /// <summary>Words for noon and their clock time ("midday" → T12:00).</summary>
    public FrozenDictionary<string, string> Middays { get; }

    /// <summary>Words that place a period from the publication date, and by how many periods ("last" → -1).</summary>
    public FrozenDictionary<string, int> Steps { get; }

    /// <summary>Words that count a period from the event told before ("the next morning": +1).</summary>
    public FrozenDictionary<string, int> EventSteps { get; }

    /// <summary>Words after an amount that count it from the event told before ("two days later": +1).</summary>
    public FrozenDictionary<string, int> EventShifts { get; }

    /// <summary>Words before a plural unit that make no time expression of it ("recent", "for").</summary>
    public FrozenSet<string> NoAmount { get; }

    /// <summary>Words that carry a trigger but are never a time ("quarter-finals").</summary>
    public FrozenSet<string> NoTime { get; }

    /// <summary>Words before "of YYYY" that make a longer expression ("end", "half").</summary>
    public FrozenSet<string> PeriodOf { get; }

    /// <summary>Words that make a range of the year after them ("from", "until", "between").</summary>
    public FrozenSet<string> Bounding { get; }

    /// <summary>Articles and quantities before a period that make an amount or a set of it ("a", "every").</summary>
    public FrozenSet<string> Quantities { get; }

    /// <summary>Words that bound what follows into a range ("since", "until").</summary>
    public FrozenSet<string> RangeSignals { get; }

    /// <summary>Words after a period that continue it ("from", "ending", "now").</summary>
    public FrozenSet<string> OpenAfter { get; }

    /// <summary>"earlier", "later".</summary>
    public FrozenSet<string> RelativeAdverbs { get; }

    /// <summary>Words after a relative adverb that make a longer expression ("that", "the", "than").</summary>
    public FrozenSet<string> AdverbContinuations { get; }

    /// <summary>Words before "a year" that make a rate or comparison of it ("once", "than").</summary>
    public FrozenSet<string> Multipliers { get; }

    /// <summary>Words that make a set of the period after them ("every", "each").</summary>
    public FrozenSet<string> Distributives { get; }

    /// <summary>Words that point back to a period named before ("same", "that").</summary>
    public FrozenSet<string> Anaphoric { get; }

    /// <summary>Step words whose period the recogniser reads better ("past", "coming").</summary>
    public FrozenSet<string> VagueSteps { get; }

    /// <summary>Calendar periods counted from the publication date ("year", "month", "week").</summary>
    public FrozenSet<string> CalendarUnits { get; }

    /// <summary>Periods one article or quantity makes an amount or set of ("year", "month", "week", "day").</summary>
    public FrozenSet<string> PeriodUnits { get; }

    /// <summary>Parts of a year read as the year itself ("end", "middle").</summary>
    public FrozenSet<string> PeriodEdges { get; }

    /// <summary>Adjectives before a year read as the year itself ("early", "late").</summary>
    public FrozenSet<string> EdgeAdjectives { get; }

    /// <summary>Parts of a month written together with it and read as the month ("mid", "early", "late": "mid-March").</summary>
    public FrozenSet<string> HyphenEdges { get; }

    /// <summary>Words that are triggers only after a step word ("last fall"; "fall" alone is mostly the verb).</summary>
    public FrozenSet<string> TriggersAfterStep { get; }

    /// <summary>Nouns that name the past or the future as a whole, and their TIMEX3 value ("past" → PAST_REF).</summary>
    public FrozenDictionary<string, string> References { get; }

    /// <summary>Adjectives between "the" and a reference noun ("near", "distant").</summary>
    public FrozenSet<string> ReferenceLeads { get; }

    /// <summary>Words after a reference noun that leave it a noun ("that", "is"), not an adjective ("the future king").</summary>
    public FrozenSet<string> ReferenceAfter { get; }

    /// <summary>Ordinals written out before "century" and their number ("nineteenth" → 19).</summary>
    public FrozenDictionary<string, int> CenturyOrdinals { get; }

    /// <summary>A broken line of the table: the shipped one is part of the build, so this is a bug, not bad input.</summary>
    private static InvalidOperationException Invalid(DataLine line, string message) =>
        new($"The time words table does not load: {DataFile.Error("TAC420", Stage, line, message)}");

    private static Dictionary<string, string> AddValue(Dictionary<string, Dictionary<string, string>> texts, string kind)
    {
        if (!texts.TryGetValue(kind, out var map))
        {
            texts[kind] = map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        }

        return map;
    }

    private static Dictionary<string, int> Add(Dictionary<string, Dictionary<string, int>> numbers, string kind)
    {
        if (!numbers.TryGetValue(kind, out var map))
        {
            numbers[kind] = map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        }

        return map;
    }
}
