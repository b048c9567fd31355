using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Tacitus.Documents;

namespace Tacitus.Contract;

/// <summary>
/// Writes a document's analysis as the JSON object of the analysis contract (docs/CONTRACT.md,
/// docs/schema/analysis.schema.json): snake_case keys, offsets in UTF-16 code units into <c>text</c>.
/// </summary>
public static class AnalysisJsonWriter
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    public static string ToJson(Document document, bool indented = false, bool explain = false)
    {
        using var buffer = new MemoryStream();
        Write(buffer, document, indented, explain);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static void Write(Stream stream, Document document, bool indented = false, bool explain = false)
    {
        using var w = Open(stream, indented);
        Write(w, document, explain);
    }

    /// <summary>
    /// A writer with the contract's settings, for a caller that writes many documents: <see cref="Write(Utf8JsonWriter, Document, bool)"/>
    /// one, <see cref="Utf8JsonWriter.Flush"/>, then <see cref="Utf8JsonWriter.Reset()"/> for the next. The writer keeps its
    /// buffer between documents, where a writer per document grows a new one each time.
    /// </summary>
    public static Utf8JsonWriter Open(Stream stream, bool indented = false) => new(stream, indented ? Indented : Compact);

    public static void Write(Utf8JsonWriter w, Document document, bool explain = false)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        w.WriteStartObject();

        var m = document.Metadata;
        w.WriteStartObject("document");
        w.WriteString("id", document.Id.Value);
        WriteNullable(w, "title", m.Title);
        WriteNullable(w, "outlet", m.Outlet);
        WriteNullable(w, "published", m.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        WriteNullable(w, "url", m.Url);
        w.WriteString("language", document.Language);
        w.WriteBoolean("analysed", document.NotAnalysedReason is null);
        if (document.NotAnalysedReason is not null)
        {
            w.WriteString("not_analysed", document.NotAnalysedReason);
        }

        if (m.ExternalId is not null)
        {
            w.WriteString("external_id", m.ExternalId);
        }

        if (m.Origin is not null)
        {
            w.WriteString("origin", m.Origin);
        }

        if (document.Sightings.Count > 0)
        {
            w.WriteStartArray("sightings");
            foreach (var sighting in document.Sightings)
            {
                w.WriteStartObject();
                WriteNullable(w, "outlet", sighting.Outlet);
                WriteNullable(w, "url", sighting.Url);
                WriteNullable(w, "origin", sighting.Origin);
                WriteNullable(w, "published", sighting.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteString("first_seen", sighting.FirstSeen.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (document.Provenance is { } provenance)
        {
            w.WriteStartObject("analysis");
            w.WriteString("pipeline", provenance.Pipeline);
            w.WriteString("knowledge", provenance.Knowledge);
            w.WriteString("patterns", provenance.Patterns);
            w.WriteString("dictionaries", provenance.Dictionaries);
            w.WriteEndObject();
        }

        w.WriteEndObject();

        w.WriteString("text", text);

        w.WriteStartArray("sentences");
        foreach (var s in document.Sentences)
        {
            w.WriteStartObject();
            w.WriteNumber("index", s.Index);
            w.WriteNumber("start", s.Span.Start);
            w.WriteNumber("end", s.Span.End);
            w.WriteNumber("paragraph", s.Paragraph);
            w.WriteBoolean("boilerplate", s.Boilerplate);
            if (explain && s.BoilerplateRule is not null)
            {
                w.WriteString("rule", s.BoilerplateRule);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("names");
        foreach (var name in document.Names)
        {
            w.WriteStartObject();
            w.WriteNumber("start", name.Span.Start);
            w.WriteNumber("end", name.Span.End);
            w.WriteString("kind", NameKindName(name.Kind));
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("mentions");
        foreach (var mention in document.Mentions)
        {
            WriteMention(w, text, mention, explain);
        }

        w.WriteEndArray();

        w.WriteStartArray("entities");
        foreach (var e in document.Entities)
        {
            w.WriteStartObject();
            w.WriteNumber("id", e.Id);
            w.WriteString("name", e.Name);
            w.WriteString("kind", KindName(e.Kind));
            WriteNullable(w, "country", e.Country?.Value);
            WriteNullable(w, "sector", e.Sector?.Value);
            w.WriteStartArray("mentions");
            foreach (var i in e.Mentions)
            {
                w.WriteNumberValue(i);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("attributions");
        foreach (var a in document.Attributions)
        {
            w.WriteStartObject();
            w.WritePropertyName("source");
            WriteSource(w, a.Source);
            w.WriteStartObject("cue");
            w.WriteString("text", a.Cue.TextOf(text));
            w.WriteNumber("start", a.Cue.Start);
            w.WriteNumber("end", a.Cue.End);
            w.WriteEndObject();
            w.WriteStartObject("content");
            w.WriteNumber("start", a.Content.Start);
            w.WriteNumber("end", a.Content.End);
            w.WriteEndObject();
            w.WriteStartArray("via");
            foreach (var v in a.Via)
            {
                WriteSource(w, v);
            }

            w.WriteEndArray();
            w.WriteBoolean("anonymous", a.Anonymous);
            w.WriteBoolean("direct_quote", a.DirectQuote);
            w.WriteBoolean("denial", a.Denial);
            if (a.Date is not null)
            {
                w.WriteStartObject("date");
                w.WriteString("value", a.Date.Value);
                w.WriteString("basis", a.Date.Basis);
                w.WriteEndObject();
            }

            WriteEvidence(w, text, a.Evidence);
            if (explain && a.Rule is not null)
            {
                w.WriteString("rule", a.Rule);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("events");
        foreach (var e in document.Events)
        {
            WriteEvent(w, text, e, explain, m.Published is not null);
        }

        w.WriteEndArray();

        if (document.Warnings.Count > 0)
        {
            w.WriteStartArray("warnings");
            foreach (var warning in document.Warnings)
            {
                w.WriteStartObject();
                w.WriteString("code", warning.Code);
                w.WriteString("stage", warning.Stage);
                w.WriteString("message", warning.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.Flush();
    }

    public static string KindName(MentionKind kind) => kind switch
    {
        MentionKind.Person => "person",
        MentionKind.Organization => "organization",
        MentionKind.Country => "country",
        MentionKind.Place => "place",
        MentionKind.Time => "time",
        MentionKind.Quantity => "quantity",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static void WriteMention(Utf8JsonWriter w, string text, Mention m, bool explain)
    {
        w.WriteStartObject();
        w.WriteString("kind", KindName(m.Kind));
        w.WriteString("text", m.Span.TextOf(text));
        w.WriteNumber("start", m.Span.Start);
        w.WriteNumber("end", m.Span.End);
        w.WriteNumber("sentence", m.Sentence);
        if (m.Entity is int entity)
        {
            w.WriteNumber("entity", entity);
        }
        else
        {
            w.WriteNull("entity");
        }

        WriteIfSet(w, "name", m.Name);
        WriteIfSet(w, "country", m.Country?.Value);
        WriteIfSet(w, "sector", m.Sector?.Value);
        WriteIfSet(w, "org_kind", m.OrgKind);
        WriteIfSet(w, "affiliation", m.Affiliation);
        WriteIfSet(w, "role", m.Role);
        if (m.IsReference)
        {
            w.WriteBoolean("reference", true);
        }

        if (m.Time is { } t)
        {
            w.WriteString("value", t.Value);
            w.WriteString("precision", PrecisionName(t.Precision));
            w.WriteString("basis", t.Basis);
            w.WriteString("type", t.Type);
            WriteIfSet(w, "end_value", t.EndValue);
        }

        if (m.Place is { } p)
        {
            WriteNumberIfSet(w, "lat", p.Lat);
            WriteNumberIfSet(w, "lon", p.Lon);
            if (p.GeoNamesId is long id)
            {
                w.WriteNumber("geonames_id", id);
            }

            WriteIfSet(w, "feature", p.FeatureType);
        }

        if (m.Quantity is { } q)
        {
            WriteNumberIfSet(w, "value", q.Value);
            WriteNumberIfSet(w, "low", q.Low);
            WriteNumberIfSet(w, "high", q.High);
            w.WriteString("unit", q.Unit);
            WriteNumberIfSet(w, "si_value", q.SiValue);
            WriteIfSet(w, "si_unit", q.SiUnit);
            if (q.SameAs is int same)
            {
                w.WriteNumber("same_as", same);
            }

            if (q.Consistent is bool consistent)
            {
                w.WriteBoolean("consistent", consistent);
            }
        }

        if (explain && m.Rule is not null)
        {
            w.WriteString("rule", m.Rule);
        }

        w.WriteEndObject();
    }

    /// <param name="published">The document has a publication date; without one an undated event's date has basis "unknown".</param>
    private static void WriteEvent(Utf8JsonWriter w, string text, EventRecord e, bool explain, bool published)
    {
        w.WriteStartObject();
        w.WriteString("event", Domain.PloverTypes.ToCode(e.Event));
        WriteNullable(w, "mode", e.Mode);
        WriteIfSet(w, "context", e.Context);
        WriteNullable(w, "cameo", e.Cameo?.Value);
        if (e.Score is double score)
        {
            w.WriteNumber("score", score);
        }
        else
        {
            w.WriteNull("score");
        }

        w.WritePropertyName("actor");
        WriteActor(w, e.Actor);
        w.WritePropertyName("recipient");
        if (e.Recipient is null)
        {
            w.WriteNullValue();
        }
        else
        {
            WriteActor(w, e.Recipient);
        }

        w.WritePropertyName("date");
        if (e.Date is null && !published)
        {
            // Nothing to date the event by: say so rather than leave a gap a reader may fill with today.
            w.WriteStartObject();
            w.WriteString("text", string.Empty);
            w.WriteNull("value");
            w.WriteString("basis", "unknown");
            w.WriteEndObject();
        }
        else if (e.Date is null)
        {
            w.WriteNullValue();
        }
        else
        {
            w.WriteStartObject();
            w.WriteString("text", e.Date.Text);
            w.WriteString("value", e.Date.Value);
            w.WriteString("basis", e.Date.Basis);
            w.WriteEndObject();
        }

        w.WritePropertyName("location");
        if (e.Location is null)
        {
            w.WriteNullValue();
        }
        else
        {
            var l = e.Location;
            w.WriteStartObject();
            w.WriteString("text", l.Text);
            WriteNullable(w, "name", l.Name);
            WriteNullable(w, "country", l.Country?.Value);
            WriteNullableNumber(w, "lat", l.Lat);
            WriteNullableNumber(w, "lon", l.Lon);
            if (l.GeoNamesId is long gid)
            {
                w.WriteNumber("geonames_id", gid);
            }
            else
            {
                w.WriteNull("geonames_id");
            }

            w.WriteEndObject();
        }

        if (e.Attribution is int a)
        {
            w.WriteNumber("attribution", a);
        }
        else
        {
            w.WriteNull("attribution");
        }

        WriteModality(w, e.Modality);
        w.WriteNumber("confidence", Math.Round(e.Confidence, 3));
        WriteEvidence(w, text, e.Evidence);
        if (e.Trigger is TextSpan trigger)
        {
            w.WriteStartObject("trigger");
            w.WriteString("text", trigger.TextOf(text));
            w.WriteNumber("start", trigger.Start);
            w.WriteNumber("end", trigger.End);
            w.WriteEndObject();
        }

        if (e.Issues.Count > 0)
        {
            w.WriteStartArray("issues");
            foreach (var issue in e.Issues)
            {
                w.WriteStartObject();
                w.WriteString("code", issue.Code);
                w.WriteNumber("count", issue.Count);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (explain && e.Explanation.Count > 0)
        {
            w.WriteStartObject("explanation");
            foreach (var (field, rule) in e.Explanation)
            {
                w.WriteString(field, rule);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteActor(Utf8JsonWriter w, ActorRef actor)
    {
        w.WriteStartObject();
        w.WriteString("text", actor.Text);
        WriteNullable(w, "name", actor.Name);
        WriteNullable(w, "country", actor.Country?.Value);
        WriteNullable(w, "sector", actor.Sector?.Value);
        if (actor.Code is { } code)
        {
            w.WriteString("code", code);
        }

        if (actor.Entity is int entity)
        {
            w.WriteNumber("entity", entity);
        }

        w.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter w, SourceRef source)
    {
        w.WriteStartObject();
        w.WriteString("text", source.Text);
        WriteNullable(w, "name", source.Name);
        w.WriteString("kind", source.Kind);
        WriteNullable(w, "country", source.Country?.Value);
        if (source.Span is TextSpan span)
        {
            w.WriteNumber("start", span.Start);
            w.WriteNumber("end", span.End);
        }

        w.WriteEndObject();
    }

    private static void WriteEvidence(Utf8JsonWriter w, string text, TextSpan evidence)
    {
        w.WriteStartObject("evidence");
        w.WriteNumber("start", evidence.Start);
        w.WriteNumber("end", evidence.End);
        w.WriteString("text", evidence.TextOf(text));
        w.WriteEndObject();
    }

    public static string PrecisionName(TimePrecision precision) => precision switch
    {
        TimePrecision.Year => "year",
        TimePrecision.Month => "month",
        TimePrecision.Day => "day",
        TimePrecision.TimeOfDay => "time_of_day",
        TimePrecision.Minute => "minute",
        _ => precision.ToString().ToLowerInvariant(),
    };

    /// <summary>The "modality" object: negated, denied, hedged, future, conditional.</summary>
    internal static void WriteModality(Utf8JsonWriter w, Modality modality)
    {
        w.WriteStartObject("modality");
        w.WriteBoolean("negated", modality.Negated);
        w.WriteBoolean("denied", modality.Denied);
        w.WriteBoolean("hedged", modality.Hedged);
        w.WriteBoolean("future", modality.Future);
        w.WriteBoolean("conditional", modality.Conditional);
        w.WriteEndObject();
    }

    internal static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteIfSet(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteNumberIfSet(Utf8JsonWriter w, string name, double? value)
    {
        if (value is double d)
        {
            w.WriteNumber(name, d);
        }
    }

    private static void WriteNullableNumber(Utf8JsonWriter w, string name, double? value)
    {
        if (value is double d)
        {
            w.WriteNumber(name, d);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>The contract's name for a name kind (spelt as mention kinds are: "organization").</summary>
    private static string NameKindName(NameKind kind) => kind switch
    {
        NameKind.Person => "person",
        NameKind.Organisation => "organization",
        NameKind.Place => "place",
        NameKind.Group => "group",
        _ => "other",
    };
}
