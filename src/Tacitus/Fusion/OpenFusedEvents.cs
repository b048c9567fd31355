namespace Tacitus.Fusion;

/// <summary>
/// The fused events a new report can still join, in memory with all their reports: those with a report from one of
/// the last <see cref="Window"/> documents (by store row, <c>documents.seq</c>). A new report's candidates come from
/// here (the most recent <see cref="CandidateLimit"/> of its story and type family, and of its family and actor country
/// with dates that agree), and a fused event that gained a report is judged again from the reports kept here, so
/// neither reads the store. An event no report joined within the window closes and leaves memory, so memory and the
/// work per report stay flat in corpus size. Read again from the store (<see cref="FusionRows.LoadOpen"/>) whenever
/// story clustering reads its own state again (a rolled-back batch, another writer, first use).
/// <para>
/// An event joined within every window never closes (a story reported all year; a corpus that repeats itself), so what
/// each open event keeps is bounded too: its reports stay in memory up to <see cref="StoryOptions.OpenEventReports"/>; past that it keeps
/// what it matches on and its report count (<see cref="OpenFusedEvent.Trimmed"/>); its status then comes from the tally
/// kept as its reports joined (<see cref="StatusTally"/>), or, for an event read back from the store already past the
/// bound (no tally), or one whose tally passed the same bound (more figures, distinct sources or distinct names than it),
/// the judge reads its reports from the store, where all of them are.
/// </para>
/// </summary>
internal sealed class OpenFusedEvents(long window, int reportLimit = OpenFusedEvents.DefaultReportLimit)
{
    public const int CandidateLimit = 64;

    /// <summary>Reports an open event keeps in memory unless told otherwise (most events have one or a few).</summary>
    public const int DefaultReportLimit = 32;

    private readonly Dictionary<long, OpenFusedEvent> events = [];
    private readonly Dictionary<(long? Story, string Family), List<OpenFusedEvent>> byStory = [];
    private readonly Dictionary<(string Family, string Country), List<OpenFusedEvent>> byCountry = [];
    private long latest;

    /// <summary>Documents (store rows) after an event's latest report within which it can still be joined.</summary>
    public long Window => window;

    public int Count => events.Count;

    public OpenFusedEvent? Find(long id) => events.GetValueOrDefault(id);

    /// <summary>
    /// Keeps an event (new, or read from the store) of <paramref name="reports"/> reports whose latest is from document
    /// <paramref name="seq"/>: with them when they are within the bound (the caller read them), else without.
    /// </summary>
    public OpenFusedEvent Add(FusedEvent fused, string family, long seq, int reports)
    {
        ArgumentNullException.ThrowIfNull(fused);
        var open = new OpenFusedEvent(fused, family) { LastDocument = seq, ReportCount = reports };
        Bound(open);
        events[fused.Id] = open;
        Insert(byStory, (fused.Story, family), open);
        Index(open);
        latest = Math.Max(latest, seq);
        return open;
    }

    /// <summary>
    /// The event gained <paramref name="report"/> from document <paramref name="seq"/> (already folded into what it
    /// matches on): the report is counted in its status tally and kept unless the event is past the bound, the event
    /// stays open longer, and its actor country may now be known.
    /// </summary>
    public void Joined(OpenFusedEvent open, FusedReport report, long seq)
    {
        ArgumentNullException.ThrowIfNull(open);
        var keeps = !open.Trimmed;
        if (open.Tally is null && keeps)
        {
            open.Tally = StatusTally.Of(open.Event.Reports, reportLimit);
        }

        open.Tally?.Add(report);
        open.ReportCount++;
        if (keeps)
        {
            open.Event.Reports.Add(report); // fusion is in store order: every report the event holds is of this row or an earlier one
            Bound(open);
        }

        open.LastDocument = Math.Max(open.LastDocument, seq);
        latest = Math.Max(latest, seq);
        if (open.Country != open.Event.Actor.Country)
        {
            if (open.Country is { } old)
            {
                Unlist(byCountry, (open.Family, old), open);
            }

            Index(open);
        }
    }

    /// <summary>
    /// What a report of document <paramref name="seq"/> may describe: the most recent open events of its story and family,
    /// then of its family and actor country whose dates reach within a day of the report's (most recent first, each once).
    /// </summary>
    public List<FusedEvent> Candidates(long story, string family, FusedReport report, long seq)
    {
        var found = new List<FusedEvent>();
        var from = seq - window;
        if (byStory.TryGetValue((story, family), out var inStory))
        {
            for (var i = inStory.Count - 1; i >= 0 && found.Count < CandidateLimit; i--)
            {
                if (inStory[i].LastDocument > from)
                {
                    found.Add(inStory[i].Event);
                }
            }
        }

        if (report.Actor.Country is not { } country || report.Date is not { } date || !byCountry.TryGetValue((family, country), out var sameCountry))
        {
            return found;
        }

        var (earliest, last) = (date.Earliest.AddDays(-1), date.Latest.AddDays(1));
        var taken = 0;
        for (var i = sameCountry.Count - 1; i >= 0 && taken < CandidateLimit; i--)
        {
            var e = sameCountry[i].Event;
            if (sameCountry[i].LastDocument > from && e.Earliest is { } begins && e.Latest is { } ends && begins <= last && ends >= earliest)
            {
                taken++;
                if (!found.Contains(e))
                {
                    found.Add(e);
                }
            }
        }

        return found;
    }

    /// <summary>Lets go of the events no report joined within the window of the latest document seen.</summary>
    public void Close()
    {
        var from = latest - window;
        var closed = events.Values.Where(e => e.LastDocument <= from).ToList();
        if (closed.Count == 0)
        {
            return;
        }

        foreach (var e in closed)
        {
            events.Remove(e.Event.Id);
        }

        foreach (var list in byStory.Values.Concat(byCountry.Values))
        {
            list.RemoveAll(e => e.LastDocument <= from);
        }

        foreach (var key in byStory.Where(p => p.Value.Count == 0).Select(p => p.Key).ToList())
        {
            byStory.Remove(key);
        }

        foreach (var key in byCountry.Where(p => p.Value.Count == 0).Select(p => p.Key).ToList())
        {
            byCountry.Remove(key);
        }
    }

    /// <summary>Past the bound, the event lets go of its reports (all of them are in the store) and keeps their count.</summary>
    private void Bound(OpenFusedEvent open)
    {
        if (open.ReportCount > reportLimit && open.Event.Reports.Count > 0)
        {
            open.Event.Reports.Clear();
            open.Event.Reports.TrimExcess();
        }
    }

    private void Index(OpenFusedEvent open)
    {
        open.Country = open.Event.Actor.Country;
        if (open.Country is { } country)
        {
            Insert(byCountry, (open.Family, country), open);
        }
    }

    private static void Unlist<TKey>(Dictionary<TKey, List<OpenFusedEvent>> index, TKey key, OpenFusedEvent open)
        where TKey : notnull
    {
        if (index.TryGetValue(key, out var list) && list.Remove(open) && list.Count == 0)
        {
            index.Remove(key);
        }
    }

    /// <summary>Into the list in id order (new events come last; an event read again or newly placed may not).</summary>
    private static void Insert<TKey>(Dictionary<TKey, List<OpenFusedEvent>> index, TKey key, OpenFusedEvent open)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        var at = list.Count;
        while (at > 0 && list[at - 1].Event.Id > open.Event.Id)
        {
            at--;
        }

        list.Insert(at, open);
    }
}
