using Microsoft.Data.Sqlite;
using Tacitus.Documents;

namespace Tacitus.Fusion;

/// <summary>
/// The fusion step of ingest, run for each newly stored document inside the transaction that stores it (so a crash
/// leaves both or neither, and a document stored twice is fused once): the document joins a story, and each of its
/// event records joins the fused event it can describe (same story or same actor country and dates; same type family;
/// compatible actors, dates and places), or starts one, and what is matched on is updated from the report. Work per
/// report is bounded: candidates come through SQLite indexes, a bounded number each, and the full judgement (sources,
/// status, figures, conflicts) is made from all reports when the event is read (<see cref="FusionStore"/>).
/// </summary>
internal sealed class EventFusion : IDisposable
{
    private const int CandidateLimit = 64;

    private readonly PreparedStatements sql;
    private readonly FusionLexicon lexicon;
    private readonly StoryClusterer stories;
    private readonly ReportReader reports;
    private readonly FusionRows rows;
    private readonly HashSet<long> touched = [];

    public EventFusion(SqliteConnection connection, StoryOptions? options = null, FusionLexicon? lexicon = null)
    {
        sql = new PreparedStatements(connection);
        this.lexicon = lexicon ?? FusionLexicon.Default;
        stories = new StoryClusterer(sql, this.lexicon, options ?? StoryOptions.Default);
        reports = new ReportReader(this.lexicon);
        rows = new FusionRows(sql);
    }

    /// <summary>When set, the time spent on stories and on events is added up here.</summary>
    public Store.StoreClock? Clock { get; set; }

    public void Enlist(SqliteTransaction? transaction) => sql.Enlist(transaction);

    /// <summary>Fuses one stored document (its row <paramref name="seq"/>); the caller owns the transaction.</summary>
    public void Add(long seq, Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var start = Clock?.Start() ?? 0;
        var story = stories.Assign(seq, document);
        start = Clock?.Stop(Store.StorePhase.Stories, start) ?? 0;
        // an attack report with no town is read with the town of the document's own placed report of it (the record is unchanged)
        var read = PlaceContinuity.Apply([.. reports.Read(document, seq, null)], lexicon);
        foreach (var report in read)
        {
            var family = lexicon.Family(report.Type);
            FusedEvent? best = null;
            var bestFit = -1;
            var candidates = Candidates(story, family, report);
            foreach (var candidate in candidates)
            {
                if (EventMatcher.Fit(report, candidate, lexicon.PlaceAnchored(report.Type)) is int fit && fit > bestFit)
                {
                    (best, bestFit) = (candidate, fit);
                }
            }

            if (best is null)
            {
                // a new fused event: its one report is all there is, so it is judged (and its status stored) here
                best = new FusedEvent { Id = rows.Insert(story, family, report), Story = story, Type = report.Type, Actor = report.Actor };
                best.Reports.Add(report);
                FusedEventJudge.Judge(best);
                rows.WriteReport(best.Id, report);
                rows.Update(best, 1, best.Status);
            }
            else
            {
                // one more report: judged again from all its reports when the batch settles
                FusedEventJudge.Absorb(best, report);
                rows.WriteReport(best.Id, report);
                rows.Update(best, 1, null);
                touched.Add(best.Id);
            }
        }

        Clock?.Stop(Store.StorePhase.Events, start);
    }

    /// <summary>
    /// Fuses a re-analysed document again: its old reports leave the fused events they were in (a fused event left with
    /// no report goes), then its new records are fused as a new document's are. The caller owns the transaction.
    /// </summary>
    public void Replace(long seq, Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        // Only the fused events this document reported can be left empty: look at those, not the whole table.
        var left = new List<long>();
        using (var r = sql.Get("SELECT DISTINCT fused FROM fused_reports WHERE document = $p0", seq).ExecuteReader())
        {
            while (r.Read())
            {
                left.Add(r.GetInt64(0));
            }
        }

        sql.Run("DELETE FROM fused_reports WHERE document = $p0", seq);
        foreach (var fused in left)
        {
            sql.Run("DELETE FROM fused_events WHERE id = $p0 AND NOT EXISTS (SELECT 1 FROM fused_reports WHERE fused = $p0)", fused);
            touched.Add(fused);
        }

        Add(seq, document);
    }

    /// <summary>
    /// Judges again every fused event that gained or lost a report since the last call (one it started with needs
    /// nothing more), from all its reports, and stores
    /// its status (so listing by status is a query). Called once per batch, before its transaction commits: the work is
    /// per fused event touched, not per report.
    /// </summary>
    public void Settle()
    {
        var start = Clock?.Start() ?? 0;
        stories.Flush();
        start = Clock?.Stop(Store.StorePhase.Stories, start) ?? 0;
        foreach (var id in touched)
        {
            if (rows.Load(id) is { } fused)
            {
                FusedEventJudge.Judge(fused);
                rows.WriteStatus(id, fused.Status);
            }
        }

        touched.Clear();
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

    /// <summary>Fused events of the same family in the same story, and of the same family, actor country and dates in any story (most recent first).</summary>
    private IEnumerable<FusedEvent> Candidates(long story, string family, FusedReport report)
    {
        var seen = new HashSet<long>();
        var found = new List<FusedEvent>();
        using (var r = sql.Get($"SELECT {FusionRows.EventColumns} FROM fused_events WHERE story = $p0 AND family = $p1 ORDER BY id DESC LIMIT $p2", story, family, CandidateLimit).ExecuteReader())
        {
            while (r.Read())
            {
                var e = FusionRows.ReadEvent(r);
                if (seen.Add(e.Id))
                {
                    found.Add(e);
                }
            }
        }

        if (report.Actor.Country is { } country && report.Date is { } date)
        {
            using var r = sql.Get($"SELECT {FusionRows.EventColumns} FROM fused_events WHERE family = $p0 AND actor_country = $p1 AND date_earliest <= $p2 AND date_latest >= $p3 ORDER BY id DESC LIMIT $p4",
                family, country, DateRange.Day(date.Latest.AddDays(1)), DateRange.Day(date.Earliest.AddDays(-1)), CandidateLimit).ExecuteReader();
            while (r.Read())
            {
                var e = FusionRows.ReadEvent(r);
                if (seen.Add(e.Id))
                {
                    found.Add(e);
                }
            }
        }

        return found;
    }

    public void Dispose() => sql.Dispose();
}
