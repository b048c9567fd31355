using System.Globalization;
using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Fusion;

namespace Tacitus.Store;

/// <summary>A column of an export: its name and how to read its value from a row (string, bool, number or null).</summary>
internal sealed record ExportColumn<TRow>(string Name, Func<TRow, object?> Value);

/// <summary>The columns of <c>tacitus export</c>, one list per kind of row, shared by the CSV and JSON Lines writers.</summary>
internal static class ExportColumns
{
    public static readonly IReadOnlyList<ExportColumn<StoredEvent>> Events =
    [
        new("document_id", e => e.Document.Id.Value),
        new("published", e => Day(e.Document.Metadata.Published)),
        new("outlet", e => e.Document.Metadata.Outlet),
        new("date", e => e.Record.Date?.Value),
        new("date_basis", e => e.Record.Date?.Basis),
        new("actor", e => e.Record.Actor.Name ?? e.Record.Actor.Text),
        new("actor_country", e => e.Record.Actor.Country?.Value),
        new("actor_sector", e => e.Record.Actor.Sector?.Value),
        new("event", e => e.Record.Event.ToCode()),
        new("mode", e => e.Record.Mode),
        new("cameo", e => e.Record.Cameo?.Value),
        new("recipient", e => e.Record.Recipient is { } r ? r.Name ?? r.Text : null),
        new("recipient_country", e => e.Record.Recipient?.Country?.Value),
        new("recipient_sector", e => e.Record.Recipient?.Sector?.Value),
        new("location", e => e.Record.Location is { } l ? l.Name ?? l.Text : null),
        new("location_country", e => e.Record.Location?.Country?.Value),
        new("source", e => Attribution(e) is { } a ? a.Source.Name ?? a.Source.Text : null),
        new("via", e => Attribution(e) is { Via.Count: > 0 } a ? string.Join("; ", a.Via.Select(v => v.Name ?? v.Text)) : null),
        new("anonymous", e => Attribution(e)?.Anonymous ?? false),
        new("negated", e => e.Record.Modality.Negated),
        new("denied", e => e.Record.Modality.Denied),
        new("hedged", e => e.Record.Modality.Hedged),
        new("future", e => e.Record.Modality.Future),
        new("conditional", e => e.Record.Modality.Conditional),
        new("confidence", e => Math.Round(e.Record.Confidence, 3)),
        new("evidence", e => e.Record.Evidence.TextOf(e.Document.Text)),
    ];

    public static readonly IReadOnlyList<ExportColumn<Document>> Documents =
    [
        new("id", d => d.Id.Value),
        new("published", d => Day(d.Metadata.Published)),
        new("outlet", d => d.Metadata.Outlet),
        new("title", d => d.Metadata.Title),
        new("url", d => d.Metadata.Url),
        new("author", d => d.Metadata.Author),
        new("language", d => d.Language),
        new("origin", d => d.Metadata.Origin),
        new("format", d => d.Metadata.Format),
        new("sentences", d => d.Sentences.Count),
        new("events", d => d.Events.Count),
        new("text", d => d.Text),
    ];

    /// <summary>The fused table: one row per fused event, with its status, sources and the latest figure of each kind.</summary>
    public static readonly IReadOnlyList<ExportColumn<FusedEvent>> Fused =
    [
        new("id", e => checked((int)e.Id)),
        new("story", e => e.Story is long story ? checked((int)story) : null),
        new("event", e => e.Type.ToCode()),
        new("mode", e => e.Mode),
        new("cameo", e => e.Cameo),
        new("actor", e => e.Actor.Name),
        new("actor_country", e => e.Actor.Country),
        new("actor_sector", e => e.Actor.Sector),
        new("recipient", e => e.Recipient?.Name),
        new("recipient_country", e => e.Recipient?.Country),
        new("recipient_sector", e => e.Recipient?.Sector),
        new("date", e => e.DateValue),
        new("date_earliest", e => Day(e.Earliest)),
        new("date_latest", e => Day(e.Latest)),
        new("location", e => e.Location?.Name),
        new("location_country", e => e.Location?.Country),
        new("lat", e => e.Location?.Lat),
        new("lon", e => e.Location?.Lon),
        new("status", e => e.Status),
        new("independent_sources", e => e.IndependentSources),
        new("sources", e => string.Join("; ", e.Sources.Select(s => s.Name))),
        new("reports", e => e.Reports.Count),
        new("documents", e => e.Reports.Select(r => r.Document.Id).Distinct().Count()),
        new("latest_figures", e => e.Figures.Any(f => f.Latest) ? string.Join("; ", e.Figures.Where(f => f.Latest).Select(f => $"{f.Kind}={(f.Qualifier is null ? string.Empty : f.Qualifier + " ")}{f.Value.ToString("0.##", CultureInfo.InvariantCulture)}")) : null),
        new("conflicts", e => e.Conflicts.Count == 0 ? null : string.Join("; ", e.Conflicts.Select(c => $"{c.Kind}: {c.Detail}"))),
    ];

    private static Attribution? Attribution(StoredEvent e) =>
        e.Record.Attribution is int i && i >= 0 && i < e.Document.Attributions.Count ? e.Document.Attributions[i] : null;

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
