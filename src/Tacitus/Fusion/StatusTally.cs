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
/// Figures are kept up to a bound (<see cref="Complete"/> turns false past it, and the caller judges from the reports):
/// the rest is bounded by the distinct names, codes and sources, so an event joined all year stays small.
/// </para>
/// </summary>
internal sealed class StatusTally(int figureLimit)
{
    private const byte ActorName = 0, ActorCountry = 1, ActorSector = 2, RecipientName = 3, RecipientCountry = 4, RecipientSector = 5;

    private readonly List<Vote> votes = [];
    private readonly List<SourceCount> sources = [];
    private List<FusedFigure>? figures;
    private int asserting;
    private int contradicting;
    private int assertingRecipients;
    private int contradictingRecipients;

    /// <summary>Reports added (the index the next one has among the event's reports).</summary>
    public int Reports { get; private set; }

    /// <summary>False once the event has more figures than the bound: its status must then be judged from its reports.</summary>
    public bool Complete { get; private set; } = true;

    /// <summary>A tally of <paramref name="reports"/>, in order.</summary>
    public static StatusTally Of(IReadOnlyList<FusedReport> reports, int figureLimit)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var tally = new StatusTally(figureLimit);
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
    }

    /// <summary>The status the judge gives the event's reports (<see cref="FusionStatus"/>); only while <see cref="Complete"/>.</summary>
    public string Status()
    {
        if (!Complete)
        {
            throw new InvalidOperationException("The tally let go of figures past its bound; judge the event from its reports.");
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

        // independent sources are distinct keys, each as anonymous as the first report with that key
        var (keys, named) = (0, false);
        for (var i = 0; i < span.Length; i++)
        {
            if (FirstOfKey(span, i))
            {
                keys++;
                named |= !span[i].Source.Anonymous;
            }
        }

        return !named ? FusionStatus.AnonymousOnly : keys >= 2 ? FusionStatus.Corroborated : FusionStatus.SingleSource;
    }

    private static bool FirstOfKey(ReadOnlySpan<SourceCount> span, int at)
    {
        var key = span[at].Source.Key;
        for (var i = 0; i < at; i++)
        {
            if (string.Equals(span[i].Source.Key, key, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
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
        for (var i = 0; i < span.Length; i++)
        {
            ref var s = ref span[i];
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

        if (figures.Count > figureLimit)
        {
            Complete = false;
            figures = null;
        }
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
