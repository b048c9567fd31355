using System.Runtime.InteropServices;

namespace Tacitus.Fusion;

/// <summary>
/// What a fused event's status is judged from, kept report by report: the votes for the merged actor's and recipient's
/// name, country and sector (among reports that say the event happened, and among those that say it did not), each
/// distinct source with how many reports of each kind rest on it, and the figures once per document and quantity.
/// <see cref="Status"/> gives what <see cref="FusedEventJudge.Judge"/> gives from the same reports in the same order,
/// without reading or grouping them again: an open event that gains a report each batch is judged in work that grows
/// with its distinct values and sources, not its reports (issue 10: judging at settle grew with the store), and one
/// past <see cref="StoryOptions.OpenEventReports"/> is judged without reading its reports from the store.
/// <para>
/// Everything it keeps is bounded by <c>limit</c> (the same bound as the reports an open event keeps): at most that many
/// figures, distinct sources, and distinct values of each of the six actor and recipient fields. Past it
/// <see cref="Complete"/> turns false, the tally lets go of what it kept, and the caller judges the event from its
/// reports (from the store, for an event past the bound), as before the tally: an event joined all year by ever new
/// sources stays small in memory.
/// </para>
/// </summary>
internal sealed class StatusTally(int limit)
{
    private const byte ActorName = 0, ActorCountry = 1, ActorSector = 2, RecipientName = 3, RecipientCountry = 4, RecipientSector = 5;

    private const int Fields = 6;

    private readonly List<Vote> votes = [];
    private readonly List<SourceCount> sources = [];

    /// <summary>Distinct values kept of each field (indexed by the field), each at most <c>limit</c>.</summary>
    private readonly int[] distinct = new int[Fields];
    private List<FusedFigure>? figures;

    /// <summary>Distinct source keys, and whether one of them is first met named: the independent sources, counted as they come.</summary>
    private int keys;
    private bool namedKey;
    private int asserting;
    private int contradicting;
    private int assertingRecipients;
    private int contradictingRecipients;

    /// <summary>Reports added (the index the next one has among the event's reports).</summary>
    public int Reports { get; private set; }

    /// <summary>
    /// False once the event has more figures, distinct sources or distinct values of a field than the bound: its status
    /// must then be judged from its reports.
    /// </summary>
    public bool Complete { get; private set; } = true;

    /// <summary>A tally of <paramref name="reports"/>, in order.</summary>
    public static StatusTally Of(IReadOnlyList<FusedReport> reports, int limit)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var tally = new StatusTally(limit);
        for (var i = 0; i < reports.Count; i++)
        {
            tally.Add(reports[i]);
        }

        return tally;
    }

    /// <summary>The event's next report (reports are added in the order the event holds them: store order).</summary>
    public void Add(FusedReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!Complete)
        {
            Reports++;
            return;
        }

        var against = report.Contradicts;
        if (against)
        {
            contradicting++;
        }
        else
        {
            asserting++;
        }

        Count(ActorName, report.Actor.Name, against);
        Count(ActorCountry, report.Actor.Country, against);
        Count(ActorSector, report.Actor.Sector, against);
        if (report.Recipient is { } recipient)
        {
            if (against)
            {
                contradictingRecipients++;
            }
            else
            {
                assertingRecipients++;
            }

            Count(RecipientName, recipient.Name, against);
            Count(RecipientCountry, recipient.Country, against);
            Count(RecipientSector, recipient.Sector, against);
        }

        CountSource(report.Source, against);
        if (report.Figures.Count > 0 && Complete)
        {
            AddFigures(report);
        }

        Reports++;
        if (!Complete)
        {
            Release();
        }
    }

    /// <summary>The status the judge gives the event's reports (<see cref="FusionStatus"/>); only while <see cref="Complete"/>.</summary>
    public string Status()
    {
        if (!Complete)
        {
            throw new InvalidOperationException("The tally let go of what it kept past its bound; judge the event from its reports.");
        }

        // the judge's basis: the reports that say it happened, or all of them when none does
        var against = asserting == 0;
        var actor = new ActorKey(Most(ActorName, against), Most(ActorCountry, against), Most(ActorSector, against));
        var recipient = (against ? contradictingRecipients : assertingRecipients) == 0 ? null
            : new ActorKey(Most(RecipientName, against), Most(RecipientCountry, against), Most(RecipientSector, against));
        var span = CollectionsMarshal.AsSpan(sources);
        bool partyDenies = false, outsiderDenies = false, partyAsserts = false;
        for (var i = 0; i < span.Length; i++)
        {
            ref readonly var s = ref span[i];
            var party = FusedEventJudge.IsParty(s.Source, actor, recipient);
            partyDenies |= party && s.Contradicting > 0;
            outsiderDenies |= !party && s.Contradicting > 0;
            partyAsserts |= party && s.Asserting > 0;
        }

        if (partyDenies)
        {
            return FusionStatus.Denied;
        }

        if ((outsiderDenies && asserting > 0) || (figures is { Count: > 1 } && FusedEventJudge.FiguresConflict(figures)))
        {
            return FusionStatus.Disputed;
        }

        if (partyAsserts)
        {
            return FusionStatus.Confirmed;
        }

        // independent sources are distinct keys, each as anonymous as the first report with that key (counted in CountSource)
        return !namedKey ? FusionStatus.AnonymousOnly : keys >= 2 ? FusionStatus.Corroborated : FusionStatus.SingleSource;
    }

    private void Count(byte field, string? value, bool against)
    {
        if (value is null)
        {
            return;
        }

        var span = CollectionsMarshal.AsSpan(votes);
        for (var i = 0; i < span.Length; i++)
        {
            ref var v = ref span[i];
            if (v.Field == field && string.Equals(v.Value, value, StringComparison.Ordinal))
            {
                if (against)
                {
                    v.Contradicting++;
                }
                else
                {
                    v.Asserting++;
                }

                return;
            }
        }

        votes.Add(new Vote { Field = field, Value = value, Asserting = against ? 0 : 1, Contradicting = against ? 1 : 0 });
        if (++distinct[field] > limit)
        {
            Complete = false;
        }
    }

    /// <summary>The judge's <c>Most</c>: the value of the field most reports of the basis give, ties to the ordinally first.</summary>
    private string? Most(byte field, bool against)
    {
        string? best = null;
        var bestCount = 0;
        var span = CollectionsMarshal.AsSpan(votes);
        for (var i = 0; i < span.Length; i++)
        {
            ref readonly var v = ref span[i];
            var count = against ? v.Contradicting : v.Asserting;
            if (v.Field != field || count == 0)
            {
                continue;
            }

            if (count > bestCount || (count == bestCount && string.CompareOrdinal(v.Value, best) < 0))
            {
                (best, bestCount) = (v.Value, count);
            }
        }

        return best;
    }

    private void CountSource(ReportSource source, bool against)
    {
        var span = CollectionsMarshal.AsSpan(sources);
        var keySeen = false;
        for (var i = 0; i < span.Length; i++)
        {
            ref var s = ref span[i];
            keySeen = keySeen || string.Equals(s.Source.Key, source.Key, StringComparison.Ordinal);
            if (s.Source.Equals(source))
            {
                if (against)
                {
                    s.Contradicting++;
                }
                else
                {
                    s.Asserting++;
                }

                return;
            }
        }

        sources.Add(new SourceCount { Source = source, Asserting = against ? 0 : 1, Contradicting = against ? 1 : 0 });
        if (!keySeen)
        {
            // sources are kept in the order their first reports came, so this is the first report with the key
            keys++;
            namedKey |= !source.Anonymous;
        }

        if (sources.Count > limit)
        {
            Complete = false;
        }
    }

    /// <summary>The report's figures as the judge collects them: once per document and quantity, the first report's.</summary>
    private void AddFigures(FusedReport report)
    {
        figures ??= [];
        foreach (var f in report.Figures)
        {
            if (!Seen(report.Document.Id, f.Mention))
            {
                figures.Add(FusedEventJudge.Placed(f, Reports, report));
            }
        }

        if (figures.Count > limit)
        {
            Complete = false;
        }
    }

    /// <summary>Past the bound: what was kept goes (the status is judged from the reports from now on).</summary>
    private void Release()
    {
        figures = null;
        votes.Clear();
        votes.TrimExcess();
        sources.Clear();
        sources.TrimExcess();
    }

    private bool Seen(string document, int mention)
    {
        foreach (var f in figures!)
        {
            if (f.Mention == mention && string.Equals(f.Document!.Id, document, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private struct Vote
    {
        public byte Field;
        public string Value;
        public int Asserting;
        public int Contradicting;
    }

    private struct SourceCount
    {
        public ReportSource Source;
        public int Asserting;
        public int Contradicting;
    }
}
