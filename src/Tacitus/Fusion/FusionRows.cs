using System.Text.Json;
using Microsoft.Data.Sqlite;
using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Store;

namespace Tacitus.Fusion;

/// <summary>Reads and writes the rows of the fusion tables (fused_events, fused_reports) as <see cref="FusedEvent"/>s and <see cref="FusedReport"/>s.</summary>
internal sealed class FusionRows(PreparedStatements sql)
{
    /// <summary>A report's source chain as JSON, written as the serializer writes it without its per-property metadata walk (<see cref="StoreValueJson"/>).</summary>
    private readonly RowJson chainJson = new();

    public const string EventColumns = "id, story, type, mode, cameo, actor_name, actor_country, actor_sector, recipient_name, recipient_country, recipient_sector, " +
        "date_value, date_precision, date_earliest, date_latest, location_name, location_country, lat, lon, location_country_level";

    private const string ReportColumns = "r.document, r.event, r.sentence, r.evidence, r.type, r.mode, r.cameo, r.actor_name, r.actor_country, r.actor_sector, " +
        "r.has_recipient, r.recipient_name, r.recipient_country, r.recipient_sector, r.date_value, r.date_basis, " +
        "r.location_name, r.location_country, r.lat, r.lon, r.location_country_level, r.chain, r.denial, " +
        "r.source_key, r.source_name, r.source_kind, r.source_anonymous, r.source_country, r.negated, r.denied, r.hedged, r.figures, r.claims, " +
        "d.id, d.origin, d.url, d.outlet, d.published, d.title, r.place_event, r.place_sentence";

    /// <summary>A fused event row (columns <see cref="EventColumns"/> from <paramref name="at"/>), without its reports.</summary>
    public static FusedEvent ReadEvent(SqliteDataReader r, int at = 0) => new()
    {
        Id = r.GetInt64(at),
        Story = r.IsDBNull(at + 1) ? null : r.GetInt64(at + 1),
        Type = PloverTypes.Parse(r.GetString(at + 2)).Value,
        Mode = Text(r, at + 3),
        Cameo = Text(r, at + 4),
        Actor = new ActorKey(Text(r, at + 5), Text(r, at + 6), Text(r, at + 7)),
        Recipient = Text(r, at + 8) is null && Text(r, at + 9) is null && Text(r, at + 10) is null ? null : new ActorKey(Text(r, at + 8), Text(r, at + 9), Text(r, at + 10)),
        DateValue = Text(r, at + 11),
        DatePrecision = r.IsDBNull(at + 12) ? null : r.GetInt32(at + 12),
        Earliest = DateRange.ParseDay(Text(r, at + 13)),
        Latest = DateRange.ParseDay(Text(r, at + 14)),
        Location = Text(r, at + 15) is null && Text(r, at + 16) is null ? null
            : new PlaceKey(Text(r, at + 15), Text(r, at + 16), Real(r, at + 17), Real(r, at + 18), !r.IsDBNull(at + 19) && r.GetInt64(at + 19) != 0),
    };

    /// <summary>The fused event with its reports, or null when there is none with that id.</summary>
    public FusedEvent? Load(long id)
    {
        FusedEvent fused;
        using (var r = sql.Get($"SELECT {EventColumns} FROM fused_events WHERE id = $p0", id).ExecuteReader())
        {
            if (!r.Read())
            {
                return null;
            }

            fused = ReadEvent(r);
        }

        LoadReports(fused);
        return fused;
    }

    public void LoadReports(FusedEvent fused)
    {
        fused.Reports.Clear();
        using var r = sql.Get($"SELECT {ReportColumns} FROM fused_reports r JOIN documents d ON d.seq = r.document WHERE r.fused = $p0 ORDER BY r.document, r.event", fused.Id).ExecuteReader();
        while (r.Read())
        {
            fused.Reports.Add(ReadReport(r));
        }
    }

    private static FusedReport ReadReport(SqliteDataReader r)
    {
        var published = DateRange.ParseDay(Text(r, 37));
        var document = new ReportDocument(r.GetString(33), Text(r, 34) ?? Text(r, 35), Text(r, 36), published, Text(r, 38));
        var dateValue = Text(r, 14);
        var dateBasis = Text(r, 15);
        var report = new FusedReport
        {
            Document = document,
            DocumentSeq = r.GetInt64(0),
            Event = r.GetInt32(1),
            Sentence = r.GetInt32(2),
            Evidence = r.GetString(3),
            Type = PloverTypes.Parse(r.GetString(4)).Value,
            Mode = Text(r, 5),
            Cameo = Text(r, 6),
            Actor = new ActorKey(Text(r, 7), Text(r, 8), Text(r, 9)),
            Recipient = r.GetInt64(10) != 0 ? new ActorKey(Text(r, 11), Text(r, 12), Text(r, 13)) : null,
            DateValue = dateValue,
            DateBasis = dateBasis,
            Date = DateRange.Of(dateValue, dateBasis),
            Location = Text(r, 16) is null && Text(r, 17) is null ? null : new PlaceKey(Text(r, 16), Text(r, 17), Real(r, 18), Real(r, 19), !r.IsDBNull(20) && r.GetInt64(20) != 0),
            PlaceFrom = r.IsDBNull(39) ? null : new PlaceSource(r.GetInt32(39), r.IsDBNull(40) ? 0 : r.GetInt32(40), Text(r, 16)),
            Chain = Text(r, 21) is { } chain ? JsonSerializer.Deserialize(chain, StoreJson.Default.ListSourceRef) ?? [] : [],
            Denial = r.GetInt64(22) != 0,
            Source = new ReportSource(r.GetString(23), r.GetString(24), r.GetString(25), r.GetInt64(26) != 0, Text(r, 27)),
            Modality = new Modality { Negated = r.GetInt64(28) != 0, Denied = r.GetInt64(29) != 0, Hedged = r.GetInt64(30) != 0 },
        };
        if (Text(r, 31) is { } figures)
        {
            report.Figures.AddRange((JsonSerializer.Deserialize(figures, FusionRowJson.Default.ListFigureRow) ?? [])
                .Select(f => new FusedFigure(f.Kind, f.Value, f.Qualifier, f.Unit, f.Mention)));
        }

        if (Text(r, 32) is { } claims)
        {
            report.Claims.AddRange((JsonSerializer.Deserialize(claims, FusionRowJson.Default.ListClaimRow) ?? [])
                .Select(c => new OrdinalClaim(c.Ordinal, c.Noun, PloverTypes.Parse(c.Type).Value, c.Text, DateRange.ParseDay(c.Since))));
        }

        return report;
    }

    /// <summary>
    /// Stores one report. A plain INSERT: each (document, event) is written once (a re-analysed document's reports are
    /// deleted before it is fused again, <see cref="EventFusion.Replace"/>), and SQLite's INSERT OR REPLACE on this table
    /// cost five times as much per row (0.17 of 0.21 ms per document in the events phase, 2026-12-06).
    /// </summary>
    public void WriteReport(long fused, FusedReport r)
    {
        chainJson.Begin();
        sql.Run("""
            INSERT INTO fused_reports (document, event, fused, sentence, evidence, type, mode, cameo, actor_name, actor_country, actor_sector,
                has_recipient, recipient_name, recipient_country, recipient_sector, date_value, date_basis,
                location_name, location_country, lat, lon, location_country_level, chain, denial,
                source_key, source_name, source_kind, source_anonymous, source_country, negated, denied, hedged, figures, claims, place_event, place_sentence)
            VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14, $p15, $p16, $p17, $p18, $p19, $p20, $p21,
                $p22, $p23, $p24, $p25, $p26, $p27, $p28, $p29, $p30, $p31, $p32, $p33, $p34, $p35)
            """,
            r.DocumentSeq, r.Event, fused, r.Sentence, r.Evidence, r.Type.ToCode(), r.Mode, r.Cameo, r.Actor.Name, r.Actor.Country, r.Actor.Sector,
            r.Recipient is not null, r.Recipient?.Name, r.Recipient?.Country, r.Recipient?.Sector, r.DateValue, r.DateBasis,
            r.Location?.Name, r.Location?.Country, r.Location?.Lat, r.Location?.Lon, r.Location?.CountryLevel,
            r.Chain.Count == 0 ? null : chainJson.Of(r.Chain, StoreValueJson.Write), r.Denial,
            r.Source.Key, r.Source.Name, r.Source.Kind, r.Source.Anonymous, r.Source.Country, r.Modality.Negated, r.Modality.Denied, r.Modality.Hedged,
            r.Figures.Count == 0 ? null : JsonSerializer.Serialize(r.Figures.Select(f => new FigureRow(f.Kind, f.Value, f.Qualifier, f.Unit, f.Mention)).ToList(), FusionRowJson.Default.ListFigureRow),
            r.Claims.Count == 0 ? null : JsonSerializer.Serialize(r.Claims.Select(c => new ClaimRow(c.Ordinal, c.Noun, c.Type.ToCode(), c.Text, c.Since is { } s ? DateRange.Day(s) : null)).ToList(), FusionRowJson.Default.ListClaimRow),
            r.PlaceFrom?.Event, r.PlaceFrom?.Sentence);
    }

    /// <summary>
    /// Stores the fused event as one row (new, or replacing what was stored): what fusion matches and filters on (type,
    /// actors, date range, place), its family, how many reports it has and the status the judge gave it.
    /// </summary>
    public void Write(FusedEvent e, string family, int reports, string status)
    {
        sql.Run("""
            INSERT INTO fused_events (id, story, family, type, mode, cameo, actor_name, actor_country, actor_sector,
                recipient_name, recipient_country, recipient_sector, date_value, date_precision, date_earliest, date_latest,
                location_name, location_country, lat, lon, location_country_level, reports, status)
            VALUES ($p0, $p21, $p22, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14, $p15, $p16, $p17, $p18, $p19, $p20)
            ON CONFLICT (id) DO UPDATE SET type = excluded.type, mode = excluded.mode, cameo = excluded.cameo, actor_name = excluded.actor_name,
                actor_country = excluded.actor_country, actor_sector = excluded.actor_sector, recipient_name = excluded.recipient_name,
                recipient_country = excluded.recipient_country, recipient_sector = excluded.recipient_sector, date_value = excluded.date_value,
                date_precision = excluded.date_precision, date_earliest = excluded.date_earliest, date_latest = excluded.date_latest,
                location_name = excluded.location_name, location_country = excluded.location_country, lat = excluded.lat, lon = excluded.lon,
                location_country_level = excluded.location_country_level, reports = excluded.reports, status = excluded.status
            """,
            e.Id, e.Type.ToCode(), e.Mode, e.Cameo, e.Actor.Name, e.Actor.Country, e.Actor.Sector,
            e.Recipient?.Name, e.Recipient?.Country, e.Recipient?.Sector, e.DateValue, e.DatePrecision,
            e.Earliest is { } from ? DateRange.Day(from) : null, e.Latest is { } to ? DateRange.Day(to) : null,
            e.Location?.Name, e.Location?.Country, e.Location?.Lat, e.Location?.Lon, e.Location?.CountryLevel, reports, status, e.Story, family);
    }

    /// <summary>
    /// The event as a row holds it: a recipient or place with nothing known is none (what <see cref="ReadEvent"/> gives
    /// back), so an event kept in memory matches as the same event read from the store would.
    /// </summary>
    public static void AsStored(FusedEvent e)
    {
        if (e.Recipient is { Name: null, Country: null, Sector: null })
        {
            e.Recipient = null;
        }

        if (e.Location is { Name: null, Country: null })
        {
            e.Location = null;
        }
    }

    /// <summary>The id the next new fused event gets.</summary>
    public long NextId() => (long)sql.Scalar("SELECT coalesce(max(id), 0) + 1 FROM fused_events")!;

    /// <summary>
    /// The fused events with a report from a document after row <paramref name="after"/>, their family, the row of their
    /// latest report's document and how many reports they have, in id order; their reports are read only for those with
    /// at most <paramref name="reportLimit"/> (one with more is kept in memory without them, <see cref="OpenFusedEvent.Trimmed"/>).
    /// </summary>
    public List<(FusedEvent Event, string Family, long LastDocument, int Reports)> LoadOpen(long after, int reportLimit)
    {
        var open = new List<(FusedEvent, string, long, int)>();
        using (var r = sql.Get($"""
            SELECT {EventColumns}, family, (SELECT max(document) FROM fused_reports WHERE fused = fused_events.id),
                (SELECT count(*) FROM fused_reports WHERE fused = fused_events.id) FROM fused_events
            WHERE id IN (SELECT fused FROM fused_reports WHERE document > $p0) ORDER BY id
            """, after).ExecuteReader())
        {
            while (r.Read())
            {
                open.Add((ReadEvent(r), r.GetString(20), r.GetInt64(21), r.GetInt32(22)));
            }
        }

        foreach (var (fused, _, _, reports) in open)
        {
            if (reports <= reportLimit)
            {
                LoadReports(fused);
            }
        }

        return open;
    }

    /// <summary>Stores the status the judge gave the fused event (from all its reports).</summary>
    public void WriteStatus(long id, string status) => sql.Run("UPDATE fused_events SET status = $p1 WHERE id = $p0", id, status);

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static double? Real(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
}
