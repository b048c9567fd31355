using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Tacitus.Documents;

namespace Tacitus.Fusion;

/// <summary>
/// The fusion step of ingest, run for each newly stored document inside the transaction that stores it (so a crash
/// leaves both or neither, and a document stored twice is fused once): the document joins a story, and each of its
/// event records joins the fused event it can describe (same story or same actor country and dates; same type family;
/// compatible actors, dates and places), or starts one, and what is matched on is updated from the report. Work per
/// report is bounded: candidates come from the open fused events kept in memory (<see cref="OpenFusedEvents"/>), a
/// bounded number each; each fused event a batch started or changed is judged (from the tally its reports built, see
/// <see cref="StatusTally"/>, or from its reports) and written once, when the batch settles; the full judgement (sources, status, figures, conflicts) is made from all reports when the event
/// is read (<see cref="FusionStore"/>).
/// </summary>
internal sealed class EventFusion : IDisposable
{
    private readonly PreparedStatements sql;
    private readonly FusionLexicon lexicon;
    private readonly StoryClusterer stories;
    private readonly ReportReader reports;
    private readonly FusionRows rows;
    private readonly long window;
    private readonly int reportLimit;

    /// <summary>Fused events started or joined since the batch began, to be judged and written when it settles.</summary>
    private readonly Dictionary<long, OpenFusedEvent> changed = [];

    /// <summary>Fused events to judge again from the store (they lost a report, or were stored without a status).</summary>
    private readonly HashSet<long> touched = [];
    private OpenFusedEvents? open;
    private int openGeneration = -1;
    private long nextId;

    public EventFusion(SqliteConnection connection, StoryOptions? options = null, FusionLexicon? lexicon = null)
    {
        sql = new PreparedStatements(connection);
        this.lexicon = lexicon ?? FusionLexicon.Default;
        options ??= StoryOptions.Default;
        stories = new StoryClusterer(sql, this.lexicon, options);
        reports = new ReportReader(this.lexicon);
        rows = new FusionRows(sql);
        window = options.CloseAfterDocuments;
        reportLimit = Math.Max(1, options.OpenEventReports);
    }

    /// <summary>
    /// How many times a rewind had to take back every document, those before the one asked for too, because they were
    /// placed without their contributions (a store from before migration 15): they are all fused again, once.
    /// </summary>
    public int Reclustered { get; private set; }

    /// <summary>When set, the time spent on stories and on events is added up here.</summary>
    public Store.StoreClock? Clock { get; set; }

    public void Enlist(SqliteTransaction? transaction) => sql.Enlist(transaction);

    /// <summary>
    /// Fuses one stored document (its row <paramref name="seq"/>), the next in store order: every document before it is
    /// fused and none after it (<see cref="FirstUnfused"/>, <see cref="Rewind"/>). The caller owns the transaction.
    /// </summary>
    public void Add(long seq, Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var start = Clock?.Start() ?? 0;
        var story = stories.Assign(seq, document);
        start = Clock?.Stop(Store.StorePhase.Stories, start) ?? 0;
        var events = Open();
        // an attack report with no town is read with the town of the document's own placed report of it (the record is unchanged)
        foreach (var read in PlaceContinuity.Apply([.. reports.Read(document, seq, null)], lexicon))
        {
            var report = read;
            var family = lexicon.Family(report.Type);
            var paired = lexicon.Paired(report.Type);
            var placeAnchored = lexicon.PlaceAnchored(report.Type);
            FusedEvent? best = null;
            var bestFit = -1;
            foreach (var candidate in events.Candidates(story, family, report, seq))
            {
                if (EventMatcher.Fit(report, candidate, placeAnchored, paired) is int fit && fit > bestFit)
                {
                    (best, bestFit) = (candidate, fit);
                }
            }

            // a meeting is known by its two parties in either order: "B received A" can join "A met B" (and is kept the event's way round)
            if (paired && read.Swapped() is { } swapped)
            {
                foreach (var candidate in events.Candidates(story, family, swapped, seq))
                {
                    if (EventMatcher.SamePartiesSwapped(read, candidate) && EventMatcher.Fit(read, candidate, paired: true) is null && EventMatcher.Fit(swapped, candidate, paired: true) is int fit && fit > bestFit)
                    {
                        (best, bestFit, report) = (candidate, fit, swapped);
                    }
                }
            }

            if (best is null)
            {
                // a new fused event: its one report is all there is, so what it matches on is what the judge makes of it
                best = new FusedEvent { Id = nextId++, Story = story, Type = report.Type, Actor = report.Actor };
                best.Reports.Add(report);
                FusedEventJudge.JudgeNew(best);
                FusionRows.AsStored(best);
                var started = events.Add(best, family, seq, best.Reports.Count);
                started.Status = best.Status;
                changed[best.Id] = started;
            }
            else
            {
                // one more report: folded into what it matches on; judged from all its reports when the batch settles
                FusedEventJudge.Absorb(best, report);
                FusionRows.AsStored(best);
                var joined = events.Find(best.Id)!;
                joined.Status = null;
                events.Joined(joined, report, seq);
                changed[best.Id] = joined;
            }

            rows.WriteReport(best.Id, report);
        }

        Clock?.Stop(Store.StorePhase.Events, start);
    }

    /// <summary>
    /// Takes fusion back to what it was before the document of row <paramref name="from"/> was fused, so that it and the
    /// documents after it can be fused again in store order, as a fresh ingest fuses them (<see cref="StoryClusterer.Rewind"/>):
    /// their reports leave the fused events (one they started goes; one started before keeps its id and is folded again
    /// from its earlier reports, in order, as it was then). What the batch changed so far is written first; the caller
    /// owns the transaction. Returns the row of the first document now unfused: <paramref name="from"/>, or the store's
    /// first when every document had to be taken back (documents fused before their contributions were kept).
    /// </summary>
    public long Rewind(long from)
    {
        Settle();
        if (!stories.Rewind(from))
        {
            sql.Run("DELETE FROM fused_reports");
            sql.Run("DELETE FROM fused_events");
            var first = Convert.ToInt64(sql.Scalar("SELECT coalesce(min(seq), 0) FROM documents"), System.Globalization.CultureInfo.InvariantCulture);
            if (first < from)
            {
                Reclustered++;
            }

            from = first;
        }
        else
        {
            var left = new List<long>();
            using (var r = sql.Get("SELECT DISTINCT fused FROM fused_reports WHERE document >= $p0 ORDER BY fused", from).ExecuteReader())
            {
                while (r.Read())
                {
                    left.Add(r.GetInt64(0));
                }
            }

            sql.Run("DELETE FROM fused_reports WHERE document >= $p0", from);
            foreach (var id in left)
            {
                if (rows.Load(id) is not { Reports.Count: > 0 } earlier)
                {
                    sql.Run("DELETE FROM fused_events WHERE id = $p0", id);
                    continue;
                }

                var first = earlier.Reports[0];
                var fused = new FusedEvent { Id = id, Story = earlier.Story, Type = first.Type, Actor = first.Actor };
                fused.Reports.Add(first);
                FusedEventJudge.Judge(fused);
                FusionRows.AsStored(fused);
                var status = fused.Status;
                foreach (var report in earlier.Reports.Skip(1))
                {
                    FusedEventJudge.Absorb(fused, report);
                    FusionRows.AsStored(fused);
                    fused.Reports.Add(report);
                    status = null;
                }

                rows.Write(fused, lexicon.Family(first.Type), fused.Reports.Count, status ?? StatusOf(fused));
            }
        }

        // documents left out from here on are tried again when fusion reaches them
        sql.Run("DELETE FROM fusion_skipped WHERE document >= $p0", from);
        changed.Clear();
        touched.Clear();
        open = null;
        return from;
    }

    /// <summary>
    /// Leaves the document of row <paramref name="seq"/>, the next in store order, out of fusion, and records why
    /// (<paramref name="error"/>: its stored values do not decode) in the caller's transaction: fusion goes on past it, and it
    /// is not read again until its records are replaced (<see cref="Rewind"/> to it clears the record).
    /// </summary>
    public void Skip(long seq, TacitusError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        sql.Run("INSERT OR REPLACE INTO fusion_skipped (document, code, message) VALUES ($p0, $p1, $p2)", seq, error.Code, error.Message);
    }

    /// <summary>Lets go of what is in memory and of the transaction (a batch was rolled back): the next document reads the state from the store.</summary>
    public void Forget()
    {
        sql.Enlist(null);
        stories.Forget();
        changed.Clear();
        touched.Clear();
        open = null;
    }

    /// <summary>
    /// The row of the first stored document not fused (nor left out, <see cref="Skip"/>), when it is after every fused one
    /// (what a rewind or an interrupted run leaves); null when every document is fused or left out.
    /// </summary>
    public long? FirstUnfused()
    {
        var (stored, fused) = (sql.Scalar("SELECT max(seq) FROM documents"),
            sql.Scalar("SELECT max(document) FROM (SELECT max(document) AS document FROM story_documents UNION ALL SELECT max(document) FROM fusion_skipped)"));
        if (stored is not long last)
        {
            return null;
        }

        return fused is long through ? (last > through ? NextDocument(through) : null) : Convert.ToInt64(sql.Scalar("SELECT min(seq) FROM documents"), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The row of the stored document after row <paramref name="seq"/>, or null when it is the last.</summary>
    public long? NextDocument(long seq) => sql.Scalar("SELECT min(seq) FROM documents WHERE seq > $p0", seq) is long next ? next : null;

    /// <summary>
    /// Writes the fused events the batch started or joined, each judged from all its reports (so listing by status is a
    /// query), judges again from the store those that lost a report, and writes what story clustering changed. Called
    /// once per batch, before its transaction commits: the work is per fused event changed, not per report.
    /// </summary>
    public void Settle()
    {
        var start = Clock?.Start() ?? 0;
        stories.Flush();
        start = Clock?.Stop(Store.StorePhase.Stories, start) ?? 0;
        WriteChanged();
        foreach (var id in touched)
        {
            if (rows.Load(id) is { } fused)
            {
                FusedEventJudge.Judge(fused);
                rows.WriteStatus(id, fused.Status);
            }
        }

        touched.Clear();
        open?.Close();
        Clock?.Stop(Store.StorePhase.Events, start);
    }

    /// <summary>Judges the fused events stored without a status (by a store before status was kept), in one transaction.</summary>
    public void JudgeUnjudged()
    {
        using (var r = sql.Get("SELECT id FROM fused_events WHERE status IS NULL").ExecuteReader())
        {
            while (r.Read())
            {
                touched.Add(r.GetInt64(0));
            }
        }

        if (touched.Count == 0)
        {
            return;
        }

        using var transaction = sql.Connection.BeginTransaction();
        Enlist(transaction);
        Settle();
        transaction.Commit();
        Enlist(null);
    }

    /// <summary>
    /// Each changed fused event as one row, with the status the judge gives it from all its reports (judged on a copy:
    /// what it matches on stays as folded; an event no report joined since it was judged keeps that status).
    /// </summary>
    private void WriteChanged()
    {
        foreach (var (id, changedEvent) in changed.OrderBy(c => c.Key))
        {
            var fused = changedEvent.Event;
            rows.Write(fused, changedEvent.Family, changedEvent.ReportCount, changedEvent.Status ?? StatusOf(changedEvent));
            touched.Remove(id);
        }

        changed.Clear();
    }

    /// <summary>
    /// The status the judge gives an open event from all its reports: from its tally (the same status without judging
    /// them again), else from those it keeps, or for an event past the bound, those the store has (this batch's too:
    /// each was written as it joined).
    /// </summary>
    private string StatusOf(OpenFusedEvent open)
    {
        if (open.Tally is { Complete: true } tally)
        {
            var status = tally.Status();
            Debug.Assert(status == JudgedStatus(open), "the tally's status is the judge's");
            return status;
        }

        return JudgedStatus(open);
    }

    private string JudgedStatus(OpenFusedEvent open)
    {
        if (!open.Trimmed)
        {
            return StatusOf(open.Event);
        }

        var fused = open.Event;
        var stored = new FusedEvent { Id = fused.Id, Story = fused.Story, Type = fused.Type, Actor = fused.Actor };
        rows.LoadReports(stored);
        FusedEventJudge.Judge(stored);
        return stored.Status;
    }

    /// <summary>The status the judge gives the event from all its reports, judged on a copy (what it matches on stays as folded).</summary>
    private static string StatusOf(FusedEvent fused)
    {
        var judged = new FusedEvent { Id = fused.Id, Story = fused.Story, Type = fused.Type, Actor = fused.Actor };
        judged.Reports.AddRange(fused.Reports);
        FusedEventJudge.Judge(judged);
        return judged.Status;
    }

    /// <summary>
    /// The open fused events, read again from the store when story clustering read its state again (its reasons hold
    /// for both: first use, a rolled-back batch, another writer, a rewind).
    /// </summary>
    private OpenFusedEvents Open()
    {
        if (open is { } kept && openGeneration == stories.Generation)
        {
            return kept;
        }

        changed.Clear();
        var latest = Convert.ToInt64(sql.Scalar("SELECT coalesce(max(document), 0) FROM fused_reports"), System.Globalization.CultureInfo.InvariantCulture);
        var read = new OpenFusedEvents(window, reportLimit);
        foreach (var (fused, family, last, reports) in rows.LoadOpen(latest - window, reportLimit))
        {
            read.Add(fused, family, last, reports);
        }

        nextId = rows.NextId();
        openGeneration = stories.Generation;
        open = read;
        return read;
    }

    public void Dispose() => sql.Dispose();
}
