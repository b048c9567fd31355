using Tacitus.Contract;
using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Fusion;

namespace Tacitus.Store;

/// <summary>The type of an export column, as every format writes it (docs/EXPORT.md).</summary>
internal enum ExportType
{
    /// <summary>A string (CSV: always quoted, so "0831" stays text; Parquet: UTF-8 string).</summary>
    Text,

    /// <summary>A 64-bit integer.</summary>
    Integer,

    /// <summary>A double.</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A calendar day, ISO 8601 (Parquet: DATE).</summary>
    Date,
}

/// <summary>A column of an export: its name, type and how to read its value from a row (null, string, long, double, bool or DateOnly).</summary>
internal sealed record ExportColumn<TRow>(string Name, ExportType Type, Func<TRow, object?> Value);

/// <summary>
/// The columns of <c>tacitus export</c>, one list per kind of row, shared by every format. The names, order and
/// types are the stable contract documented in docs/EXPORT.md: add columns at the end, never rename one.
/// </summary>
internal static class ExportColumns
{
    public static readonly IReadOnlyList<ExportColumn<StoredEvent>> Events =
    [
        Text<StoredEvent>("event_id", e => $"{e.Document.Id.Value}-{e.Index}"),
        Text<StoredEvent>("document_id", e => e.Document.Id.Value),
        Text<StoredEvent>("title", e => e.Document.Metadata.Title),
        Text<StoredEvent>("url", e => e.Document.Metadata.Url),
        Text<StoredEvent>("outlet", e => e.Document.Metadata.Outlet),
        Text<StoredEvent>("outlets", e => Outlets(e.Document)),
        Date<StoredEvent>("published", e => e.Document.Metadata.Published),
        Integer<StoredEvent>("sentence", e => e.Document.SentenceAt(e.Record.Evidence.Start) is var s and >= 0 ? s : null),
        Integer<StoredEvent>("evidence_start", e => e.Record.Evidence.Start),
        Integer<StoredEvent>("evidence_end", e => e.Record.Evidence.End),
        Text<StoredEvent>("trigger", e => e.Record.Trigger is { } t ? t.TextOf(e.Document.Text) : null),
        Integer<StoredEvent>("trigger_start", e => e.Record.Trigger?.Start),
        Integer<StoredEvent>("trigger_end", e => e.Record.Trigger?.End),
        Text<StoredEvent>("event", e => e.Record.Event.ToCode()),
        Text<StoredEvent>("mode", e => e.Record.Mode),
        Text<StoredEvent>("context", e => e.Record.Context),
        Text<StoredEvent>("cameo", e => e.Record.Cameo?.Value),
        Number<StoredEvent>("score", e => e.Record.Score),
        Text<StoredEvent>("actor_text", e => e.Record.Actor.Text),
        Text<StoredEvent>("actor_name", e => e.Record.Actor.Name),
        Text<StoredEvent>("actor_code", e => Code(e.Record.Actor)),
        Text<StoredEvent>("actor_country", e => e.Record.Actor.Country?.Value),
        Text<StoredEvent>("actor_sector", e => e.Record.Actor.Sector?.Value),
        Text<StoredEvent>("recipient_text", e => e.Record.Recipient?.Text),
        Text<StoredEvent>("recipient_name", e => e.Record.Recipient?.Name),
        Text<StoredEvent>("recipient_code", e => e.Record.Recipient is { } r ? Code(r) : null),
        Text<StoredEvent>("recipient_country", e => e.Record.Recipient?.Country?.Value),
        Text<StoredEvent>("recipient_sector", e => e.Record.Recipient?.Sector?.Value),
        Text<StoredEvent>("date", e => e.Record.Date?.Value),
        Date<StoredEvent>("date_start", e => Range(e).Start),
        Date<StoredEvent>("date_end", e => Range(e).End),
        Text<StoredEvent>("date_precision", e => Range(e).Precision),
        Text<StoredEvent>("date_basis", e => e.Record.Date?.Basis),
        Text<StoredEvent>("date_text", e => e.Record.Date?.Text),
        Text<StoredEvent>("location_name", e => e.Record.Location is { } l ? l.Name ?? l.Text : null),
        Text<StoredEvent>("location_country", e => e.Record.Location?.Country?.Value),
        Number<StoredEvent>("location_lat", e => e.Record.Location?.Lat),
        Number<StoredEvent>("location_lon", e => e.Record.Location?.Lon),
        Integer<StoredEvent>("location_geonames_id", e => e.Record.Location?.GeoNamesId),
        Boolean<StoredEvent>("negated", e => e.Record.Modality.Negated),
        Boolean<StoredEvent>("denied", e => e.Record.Modality.Denied),
        Boolean<StoredEvent>("hedged", e => e.Record.Modality.Hedged),
        Boolean<StoredEvent>("future", e => e.Record.Modality.Future),
        Boolean<StoredEvent>("conditional", e => e.Record.Modality.Conditional),
        Text<StoredEvent>("source", e => Attribution(e) is { } a ? a.Source.Name ?? a.Source.Text : null),
        Text<StoredEvent>("source_kind", e => Attribution(e)?.Source.Kind),
        Text<StoredEvent>("via", e => Attribution(e) is { Via.Count: > 0 } a ? string.Join("; ", a.Via.Select(v => v.Name ?? v.Text)) : null),
        Boolean<StoredEvent>("anonymous", e => Attribution(e)?.Anonymous ?? false),
        Boolean<StoredEvent>("direct_quote", e => Attribution(e)?.DirectQuote ?? false),
        Number<StoredEvent>("confidence", e => Math.Round(e.Record.Confidence, 3)),
        Text<StoredEvent>("evidence", e => e.Record.Evidence.TextOf(e.Document.Text)),
        Text<StoredEvent>("issues", e => e.Record.Issues.Count == 0 ? null : string.Join("; ", e.Record.Issues.Select(i => i.Code + "=" + i.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)))),
    ];

    public static readonly IReadOnlyList<ExportColumn<Document>> Documents =
    [
        Text<Document>("id", d => d.Id.Value),
        Text<Document>("title", d => d.Metadata.Title),
        Text<Document>("url", d => d.Metadata.Url),
        Text<Document>("outlet", d => d.Metadata.Outlet),
        Text<Document>("outlets", Outlets),
        Integer<Document>("sightings", d => d.Sightings.Count),
        Date<Document>("published", d => d.Metadata.Published),
        Text<Document>("author", d => d.Metadata.Author),
        Text<Document>("language", d => d.Language),
        Text<Document>("origin", d => d.Metadata.Origin),
        Text<Document>("format", d => d.Metadata.Format),
        Integer<Document>("sentences", d => d.Sentences.Count),
        Integer<Document>("events", d => d.Events.Count),
        Text<Document>("pipeline", d => d.Provenance?.Pipeline),
        Text<Document>("knowledge", d => d.Provenance?.Knowledge),
        Text<Document>("text", d => d.Text),
    ];

    /// <summary>The fused table: one row per fused event, with its status, sources and the latest figure of each kind.</summary>
    public static readonly IReadOnlyList<ExportColumn<FusedEvent>> Fused =
    [
        Integer<FusedEvent>("id", e => e.Id),
        Integer<FusedEvent>("story", e => e.Story),
        Text<FusedEvent>("event", e => e.Type.ToCode()),
        Text<FusedEvent>("mode", e => e.Mode),
        Text<FusedEvent>("cameo", e => e.Cameo),
        Text<FusedEvent>("actor", e => e.Actor.Name),
        Text<FusedEvent>("actor_country", e => e.Actor.Country),
        Text<FusedEvent>("actor_sector", e => e.Actor.Sector),
        Text<FusedEvent>("recipient", e => e.Recipient?.Name),
        Text<FusedEvent>("recipient_country", e => e.Recipient?.Country),
        Text<FusedEvent>("recipient_sector", e => e.Recipient?.Sector),
        Text<FusedEvent>("date", e => e.DateValue),
        Date<FusedEvent>("date_earliest", e => e.Earliest),
        Date<FusedEvent>("date_latest", e => e.Latest),
        Text<FusedEvent>("location", e => e.Location?.Name),
        Text<FusedEvent>("location_country", e => e.Location?.Country),
        Number<FusedEvent>("lat", e => e.Location?.Lat),
        Number<FusedEvent>("lon", e => e.Location?.Lon),
        Text<FusedEvent>("status", e => e.Status),
        Integer<FusedEvent>("independent_sources", e => e.IndependentSources),
        Text<FusedEvent>("sources", e => string.Join("; ", e.Sources.Select(s => s.Name))),
        Integer<FusedEvent>("reports", e => e.Reports.Count),
        Integer<FusedEvent>("documents", e => e.Reports.Select(r => r.Document.Id).Distinct().Count()),
        Text<FusedEvent>("latest_figures", e => e.Figures.Any(f => f.Latest) ? string.Join("; ", e.Figures.Where(f => f.Latest).Select(f => $"{f.Kind}={(f.Qualifier is null ? string.Empty : f.Qualifier + " ")}{f.Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}")) : null),
        Text<FusedEvent>("conflicts", e => e.Conflicts.Count == 0 ? null : string.Join("; ", e.Conflicts.Select(c => $"{c.Kind}: {c.Detail}"))),
    ];

    private static ExportColumn<T> Text<T>(string name, Func<T, string?> value) => new(name, ExportType.Text, r => value(r));

    private static ExportColumn<T> Integer<T>(string name, Func<T, long?> value) => new(name, ExportType.Integer, r => value(r));

    private static ExportColumn<T> Number<T>(string name, Func<T, double?> value) => new(name, ExportType.Number, r => value(r));

    private static ExportColumn<T> Boolean<T>(string name, Func<T, bool> value) => new(name, ExportType.Boolean, r => value(r));

    private static ExportColumn<T> Date<T>(string name, Func<T, DateOnly?> value) => new(name, ExportType.Date, r => value(r));

    private static Attribution? Attribution(StoredEvent e) =>
        e.Record.Attribution is int i && i >= 0 && i < e.Document.Attributions.Count ? e.Document.Attributions[i] : null;

    private static EventDateRange Range(StoredEvent e) => EventDateRange.From(e.Record.Date, e.Document.Metadata.Published);

    /// <summary>The CAMEO-style actor code: country and sector ("CHNGOV"), or whichever is known.</summary>
    internal static string? Code(ActorRef actor) => actor.Code ?? (actor.Country?.Value + actor.Sector?.Value is { Length: > 0 } code ? code : null);

    /// <summary>Every outlet the text arrived under, in the order first seen ("; " between them).</summary>
    private static string? Outlets(Document d)
    {
        var outlets = d.Sightings.Select(s => s.Outlet).Prepend(d.Metadata.Outlet).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return outlets.Count == 0 ? null : string.Join("; ", outlets);
    }
}
