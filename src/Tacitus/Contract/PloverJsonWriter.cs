using System.Text.Json;
using Tacitus.Documents;
using Tacitus.Domain;

namespace Tacitus.Contract;

/// <summary>
/// Writes an event record as a PLOVER record (PLOVER manual, table "PLOVER JSON" and its entity, text, citation and
/// location objects): id, date/enddate, actor and recipient (lists of entity objects: code, sector, entity_text,
/// identifier_text), event, mode, context (lists), event_text, event_scale, event_loc (extracted_place,
/// resolved_place, geonameid, lat, lon, country_code), text, text_info (sequence, start, end), cite_info (url, title,
/// language, publication, coder, codebook), coder, comment. What PLOVER has no field for (modality,
/// attribution, confidence) is under "tacitus".
/// </summary>
internal static class PloverJsonWriter
{
    public static void Write(Utf8JsonWriter w, Document document, int index)
    {
        var e = document.Events[index];
        var m = document.Metadata;
        var range = EventDateRange.From(e.Date, m.Published);
        w.WriteStartObject();
        w.WriteString("id", $"{document.Id.Value}-{index}");
        w.WriteString("date", EventDateRange.Iso(range.Start ?? m.Published));
        if (range.End is { } end && end != range.Start)
        {
            w.WriteString("enddate", EventDateRange.Iso(end));
        }

        w.WriteStartArray("actor");
        Entity(w, e.Actor);
        w.WriteEndArray();
        w.WriteStartArray("recipient");
        if (e.Recipient is { } recipient)
        {
            Entity(w, recipient);
        }

        w.WriteEndArray();
        w.WriteStartArray("event");
        w.WriteStringValue(e.Event.ToCode());
        w.WriteEndArray();
        List("mode", e.Mode);
        List("context", e.Context);
        w.WriteStartArray("event_text");
        if (e.Trigger is { } trigger)
        {
            w.WriteStringValue(trigger.TextOf(document.Text));
        }

        w.WriteEndArray();
        if (e.Score is { } score)
        {
            w.WriteNumber("event_scale", score);
        }

        if (e.Location is { } l)
        {
            w.WriteStartObject("event_loc");
            w.WriteString("extracted_place", l.Text);
            w.WriteString("resolved_place", l.Name ?? l.Text);
            if (l.GeoNamesId is { } id)
            {
                w.WriteNumber("geonameid", id);
            }

            if (l.Lat is { } lat && l.Lon is { } lon)
            {
                w.WriteNumber("lat", lat);
                w.WriteNumber("lon", lon);
            }

            if (l.Country is { } country)
            {
                w.WriteString("country_code", country.Value);
            }

            w.WriteEndObject();
        }

        w.WriteString("text", e.Evidence.TextOf(document.Text));
        w.WriteStartObject("text_info");
        w.WriteNumber("sequence", document.SentenceAt(e.Evidence.Start));
        w.WriteNumber("start", e.Evidence.Start);
        w.WriteNumber("end", e.Evidence.End);
        w.WriteEndObject();
        w.WriteStartObject("cite_info");
        AnalysisJsonWriter.WriteNullable(w, "url", m.Url);
        AnalysisJsonWriter.WriteNullable(w, "title", m.Title);
        w.WriteString("language", document.Language);
        AnalysisJsonWriter.WriteNullable(w, "publication", m.Outlet);
        w.WriteString("coder", "Tacitus" + (document.Provenance is { } p ? " " + p.Pipeline : string.Empty));
        w.WriteString("codebook", "PLOVER (CAMEO " + (e.Cameo?.Value ?? "-") + ")");
        w.WriteEndObject();
        w.WriteString("coder", "Tacitus");
        var flags = new[] { (e.Modality.Negated, "negated"), (e.Modality.Denied, "denied"), (e.Modality.Hedged, "hedged"), (e.Modality.Future, "future"), (e.Modality.Conditional, "conditional") }
            .Where(f => f.Item1).Select(f => f.Item2).ToList();
        if (flags.Count > 0)
        {
            w.WriteString("comment", "not asserted as having happened: " + string.Join(", ", flags));
        }

        w.WriteStartObject("tacitus");
        w.WriteString("document_id", document.Id.Value);
        AnalysisJsonWriter.WriteNullable(w, "cameo", e.Cameo?.Value);
        w.WriteString("date_precision", range.Precision);
        AnalysisJsonWriter.WriteModality(w, e.Modality);
        if (e.Attribution is int a && a >= 0 && a < document.Attributions.Count)
        {
            var attribution = document.Attributions[a];
            w.WriteString("source", attribution.Source.Name ?? attribution.Source.Text);
            w.WriteBoolean("anonymous", attribution.Anonymous);
        }

        w.WriteNumber("confidence", Math.Round(e.Confidence, 3));
        w.WriteEndObject();
        w.WriteEndObject();

        void List(string name, string? value)
        {
            w.WriteStartArray(name);
            if (value is not null)
            {
                w.WriteStringValue(value);
            }

            w.WriteEndArray();
        }
    }

    private static void Entity(Utf8JsonWriter w, ActorRef actor)
    {
        w.WriteStartObject();
        if (actor.Country is { } country)
        {
            w.WriteString("code", country.Value);
        }

        if (actor.Sector is { } sector)
        {
            w.WriteString("sector", sector.Value);
        }

        w.WriteString("entity_text", actor.Text);
        if (actor.Name is { } name)
        {
            w.WriteString("identifier_text", name);
        }

        w.WriteEndObject();
    }
}
