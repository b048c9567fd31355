using System.Text;
using Microsoft.Data.Sqlite;

namespace Tacitus.Fusion;

/// <summary>
/// The query side of fusion, for the CLI and a web layer: stories with their documents and fused events, and fused
/// events by filter, each with its reports, sources, status, figures and conflicts (ordinal checks against the store included).
/// </summary>
internal sealed class FusionStore : IDisposable
{
    private readonly PreparedStatements sql;
    private readonly FusionRows rows;
    private readonly OrdinalChecker ordinals;

    public FusionStore(SqliteConnection connection)
    {
        sql = new PreparedStatements(connection);
        rows = new FusionRows(sql);
        ordinals = new OrdinalChecker(sql, FusionLexicon.Default);
    }

    /// <summary>Every story in the order it began, with its documents (by publication) and fused events.</summary>
    public IEnumerable<StoryRecord> Stories()
    {
        foreach (var (id, title) in StoryHeads(null))
        {
            yield return Story(id, title);
        }
    }

    /// <summary>One story, or null when there is none with that id.</summary>
    public StoryRecord? Story(long id) => StoryHeads(id) is [var head] ? Story(head.Id, head.Title) : null;

    /// <summary>
    /// The fused events the filter lets through (every filter, status included, is a query on the store), in id order,
    /// skipping <paramref name="offset"/> and at most <paramref name="limit"/> of them, each with everything the judge works out.
    /// </summary>
    public IEnumerable<FusedEvent> FusedEvents(FusedEventFilter? filter = null, int offset = 0, int? limit = null)
    {
        foreach (var id in FusedEventIds(filter ?? FusedEventFilter.All, offset, limit))
        {
            if (rows.Load(id) is not { } fused)
            {
                continue;
            }

            FusedEventJudge.Judge(fused);
            fused.Conflicts.AddRange(ordinals.Check(fused));
            yield return fused;
        }
    }

    /// <summary>The stored event records (document id, record index) reported in fused events with this status.</summary>
    public IEnumerable<(string Document, int Event)> ReportsWithStatus(string status)
    {
        using var r = sql.Get("""
            SELECT d.id, r.event FROM fused_events f JOIN fused_reports r ON r.fused = f.id JOIN documents d ON d.seq = r.document
            WHERE f.status = $p0 ORDER BY r.document, r.event
            """, status.ToLowerInvariant()).ExecuteReader();
        while (r.Read())
        {
            yield return (r.GetString(0), r.GetInt32(1));
        }
    }

    /// <summary>How many stories and fused events the store holds.</summary>
    public (long Stories, long FusedEvents) Count() =>
        ((long)sql.Scalar("SELECT count(*) FROM stories")!, (long)sql.Scalar("SELECT count(*) FROM fused_events")!);

    private List<long> FusedEventIds(FusedEventFilter f, int offset, int? limit)
    {
        var where = new StringBuilder("1 = 1");
        var values = new List<object?>();
        void Add(string clause, params object?[] parameters)
        {
            var text = clause;
            for (var i = 0; i < parameters.Length; i++)
            {
                text = text.Replace("{" + i + "}", "$p" + (values.Count + i), StringComparison.Ordinal);
            }

            where.Append(" AND (").Append(text).Append(')');
            values.AddRange(parameters);
        }

        if (f.Story is long story)
        {
            Add("story = {0}", story);
        }

        if (f.Type is { } type)
        {
            Add("type = {0}", type.ToUpperInvariant());
        }

        if (f.Actor is { } actor)
        {
            Add("actor_name = {0} COLLATE NOCASE OR (coalesce(actor_country, '---') || coalesce(actor_sector, '')) LIKE {1}", actor, actor.ToUpperInvariant() + "%");
        }

        if (f.Country is { } country)
        {
            var code = country.ToUpperInvariant();
            Add("actor_country = {0} OR recipient_country = {1} OR location_country = {2}", code, code, code);
        }

        if (f.Since is { } since)
        {
            Add("date_latest >= {0}", DateRange.Day(since));
        }

        if (f.Until is { } until)
        {
            Add("date_earliest <= {0}", DateRange.Day(until));
        }

        if (f.Status is { } status)
        {
            Add("status = {0}", status.ToLowerInvariant());
        }

        values.Add(limit ?? -1);
        values.Add(Math.Max(0, offset));
        var ids = new List<long>();
        using var r = sql.Get($"SELECT id FROM fused_events WHERE {where} ORDER BY id LIMIT $p{values.Count - 2} OFFSET $p{values.Count - 1}", [.. values]).ExecuteReader();
        while (r.Read())
        {
            ids.Add(r.GetInt64(0));
        }

        return ids;
    }

    private List<(long Id, string Title)> StoryHeads(long? id)
    {
        var heads = new List<(long, string)>();
        using var r = sql.Get("SELECT id, title FROM stories WHERE ($p0 IS NULL OR id = $p0) AND documents > 0 ORDER BY id", id).ExecuteReader();
        while (r.Read())
        {
            heads.Add((r.GetInt64(0), r.GetString(1)));
        }

        return heads;
    }

    private StoryRecord Story(long id, string title)
    {
        var documents = new List<ReportDocument>();
        using (var r = sql.Get("""
            SELECT d.id, d.origin, d.url, d.outlet, d.published, d.title FROM story_documents s JOIN documents d ON d.seq = s.document
            WHERE s.story = $p0 ORDER BY d.published, d.seq
            """, id).ExecuteReader())
        {
            while (r.Read())
            {
                documents.Add(new ReportDocument(r.GetString(0), r.IsDBNull(1) ? (r.IsDBNull(2) ? null : r.GetString(2)) : r.GetString(1),
                    r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : DateRange.ParseDay(r.GetString(4)), r.IsDBNull(5) ? null : r.GetString(5)));
            }
        }

        var events = new List<long>();
        using (var r = sql.Get("SELECT id FROM fused_events WHERE story = $p0 ORDER BY id", id).ExecuteReader())
        {
            while (r.Read())
            {
                events.Add(r.GetInt64(0));
            }
        }

        return new StoryRecord(id, title, documents, events);
    }

    public void Dispose() => sql.Dispose();
}
