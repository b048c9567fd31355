using System.Text.Json;
using Tacitus.Documents;

namespace Tacitus.Fusion;

/// <summary>
/// Writes stories and fused events as the contract's JSON objects (docs/CONTRACT.md, docs/schema/fusion.schema.json),
/// one per line for <c>tacitus stories --json</c> and <c>tacitus events --fused --json</c>.
/// </summary>
internal static class FusionJsonWriter
{
    public static void Write(Utf8JsonWriter w, StoryRecord story)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(story);
        w.WriteStartObject();
        w.WriteNumber("id", story.Id);
        w.WriteString("title", story.Title);
        w.WriteStartArray("documents");
        foreach (var d in story.Documents)
        {
            WriteDocument(w, d, withTitle: true);
        }

        w.WriteEndArray();
        w.WriteStartArray("events");
        foreach (var e in story.Events)
        {
            w.WriteNumberValue(e);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter w, FusedEvent e)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(e);
        w.WriteStartObject();
        w.WriteNumber("id", e.Id);
        if (e.Story is long story)
        {
            w.WriteNumber("story", story);
        }
        else
        {
            w.WriteNull("story");
        }

        w.WriteString("event", e.Type.ToString().ToUpperInvariant());
        w.WriteString("mode", e.Mode);
        w.WriteString("cameo", e.Cameo);
        WriteActor(w, "actor", e.Actor);
        WriteActor(w, "recipient", e.Recipient);
        w.WriteStartObject("date");
        w.WriteString("value", e.DateValue);
        w.WriteString("earliest", e.Earliest is { } from ? DateRange.Day(from) : null);
        w.WriteString("latest", e.Latest is { } to ? DateRange.Day(to) : null);
        w.WriteEndObject();
        if (e.Location is { } l)
        {
            w.WriteStartObject("location");
            w.WriteString("name", l.Name);
            w.WriteString("country", l.Country);
            Number(w, "lat", l.Lat);
            Number(w, "lon", l.Lon);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("location");
        }

        w.WriteString("status", e.Status);
        Indexes(w, "status_reports", e.StatusReports);
        w.WriteStartArray("sources");
        foreach (var s in e.Sources)
        {
            w.WriteStartObject();
            w.WriteString("name", s.Name);
            w.WriteString("kind", s.Kind);
            w.WriteBoolean("anonymous", s.Anonymous);
            w.WriteBoolean("party", s.Party);
            Indexes(w, "reports", s.Reports);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("independent_sources", e.IndependentSources);
        w.WriteStartArray("reports");
        foreach (var r in e.Reports)
        {
            WriteReport(w, r);
        }

        w.WriteEndArray();
        w.WriteStartArray("figures");
        foreach (var f in e.Figures)
        {
            w.WriteStartObject();
            w.WriteString("kind", f.Kind);
            w.WriteNumber("value", f.Value);
            w.WriteString("qualifier", f.Qualifier);
            w.WriteString("unit", f.Unit);
            w.WritePropertyName("document");
            WriteDocument(w, f.Document!, withTitle: false);
            w.WriteString("published", f.Document!.Published is { } p ? DateRange.Day(p) : null);
            w.WriteString("source", f.Source);
            w.WriteNumber("report", f.Report);
            w.WriteBoolean("latest", f.Latest);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("conflicts");
        foreach (var c in e.Conflicts)
        {
            w.WriteStartObject();
            w.WriteString("kind", c.Kind);
            w.WriteString("detail", c.Detail);
            Indexes(w, "reports", c.Reports);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("explanation");
        for (var i = 0; i < e.Reports.Count; i++)
        {
            if (PlaceContinuity.Explain(e.Reports[i], i) is { } why)
            {
                w.WriteStringValue(why);
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteReport(Utf8JsonWriter w, FusedReport r)
    {
        w.WriteStartObject();
        w.WritePropertyName("document");
        WriteDocument(w, r.Document, withTitle: false);
        w.WriteNumber("sentence", r.Sentence);
        w.WriteString("evidence", r.Evidence);
        w.WriteString("event", r.Type.ToString().ToUpperInvariant());
        w.WriteString("date", r.DateValue);
        w.WriteString("source", r.Source.Name);
        if (r.Chain.Count > 0)
        {
            w.WriteStartObject("attribution");
            w.WriteStartArray("chain");
            foreach (var s in r.Chain)
            {
                WriteSource(w, s);
            }

            w.WriteEndArray();
            w.WriteBoolean("anonymous", r.Source.Anonymous);
            w.WriteBoolean("denial", r.Denial);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("attribution");
        }

        if (r.PlaceFrom is { } from)
        {
            w.WriteStartObject("place_from");
            w.WriteNumber("event", from.Event);
            w.WriteNumber("sentence", from.Sentence);
            w.WriteString("name", from.Name);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("place_from");
        }

        w.WriteStartObject("modality");
        w.WriteBoolean("negated", r.Modality.Negated);
        w.WriteBoolean("denied", r.Modality.Denied);
        w.WriteBoolean("hedged", r.Modality.Hedged);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter w, SourceRef s)
    {
        w.WriteStartObject();
        w.WriteString("text", s.Text);
        w.WriteString("name", s.Name);
        w.WriteString("kind", s.Kind);
        w.WriteString("country", s.Country?.Value);
        w.WriteEndObject();
    }

    private static void WriteDocument(Utf8JsonWriter w, ReportDocument d, bool withTitle)
    {
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        w.WriteString("file", d.File);
        if (withTitle)
        {
            w.WriteString("title", d.Title);
        }

        w.WriteString("outlet", d.Outlet);
        w.WriteString("published", d.Published is { } p ? DateRange.Day(p) : null);
        w.WriteEndObject();
    }

    private static void WriteActor(Utf8JsonWriter w, string name, ActorKey? actor)
    {
        if (actor is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("name", actor.Name);
        w.WriteString("country", actor.Country);
        w.WriteString("sector", actor.Sector);
        w.WriteString("code", actor.Code);
        w.WriteEndObject();
    }

    private static void Indexes(Utf8JsonWriter w, string name, IReadOnlyList<int> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is double v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
