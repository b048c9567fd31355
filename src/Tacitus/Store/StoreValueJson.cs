using System.Text.Json;
using Tacitus.Documents;

namespace Tacitus.Store;

/// <summary>
/// The store's most written JSON values (a mention's time, place and quantity; a source and its chain; an event's actor
/// and place) written straight to a <see cref="Utf8JsonWriter"/>: the same bytes <see cref="StoreJson"/>'s serializer
/// writes (snake_case names in declaration order, nulls left out, enums and codes as their names), without its
/// per-property metadata walk, which was most of the cost of writing a document's rows. Reading stays with
/// <see cref="StoreJson"/>. <c>StoreValueJsonTests</c> checks every value against the serializer, so a property
/// added to one of these types and not here fails there. Two cases cannot happen with current data and would differ
/// from the serializer if they did: a <see cref="TimePrecision"/> outside the enum is written as its number in a string
/// (the serializer's string-enum converter writes a bare number), and a default <see cref="CountryCode"/> or
/// <see cref="Sector"/> (a null <c>Value</c>) is left out (the serializer's converters write <c>null</c>).
/// </summary>
internal static class StoreValueJson
{
    public static void Write(Utf8JsonWriter w, TimeInfo value)
    {
        w.WriteStartObject();
        Text(w, "value"u8, value.Value);
        w.WriteString("precision"u8, Name(value.Precision));
        Text(w, "basis"u8, value.Basis);
        Text(w, "end_value"u8, value.EndValue);
        Text(w, "type"u8, value.Type);
        w.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter w, PlaceInfo value)
    {
        w.WriteStartObject();
        Number(w, "lat"u8, value.Lat);
        Number(w, "lon"u8, value.Lon);
        Number(w, "geo_names_id"u8, value.GeoNamesId);
        Text(w, "feature_type"u8, value.FeatureType);
        Number(w, "population"u8, value.Population);
        w.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter w, QuantityInfo value)
    {
        w.WriteStartObject();
        Number(w, "value"u8, value.Value);
        Number(w, "low"u8, value.Low);
        Number(w, "high"u8, value.High);
        Text(w, "unit"u8, value.Unit);
        Number(w, "si_value"u8, value.SiValue);
        Text(w, "si_unit"u8, value.SiUnit);
        Number(w, "same_as"u8, value.SameAs);
        if (value.Consistent is bool consistent)
        {
            w.WriteBoolean("consistent"u8, consistent);
        }

        w.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter w, SourceRef value)
    {
        w.WriteStartObject();
        Text(w, "text"u8, value.Text);
        Span(w, value.Span);
        Text(w, "name"u8, value.Name);
        Text(w, "kind"u8, value.Kind);
        Text(w, "country"u8, value.Country?.Value);
        Number(w, "entity"u8, value.Entity);
        w.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter w, IReadOnlyList<SourceRef> value)
    {
        w.WriteStartArray();
        for (var i = 0; i < value.Count; i++)
        {
            var source = value[i];
            if (source is null)
            {
                w.WriteNullValue();
            }
            else
            {
                Write(w, source);
            }
        }

        w.WriteEndArray();
    }

    public static void Write(Utf8JsonWriter w, ActorRef value)
    {
        w.WriteStartObject();
        Text(w, "text"u8, value.Text);
        Span(w, value.Span);
        Text(w, "name"u8, value.Name);
        Text(w, "country"u8, value.Country?.Value);
        Text(w, "sector"u8, value.Sector?.Value);
        Text(w, "code"u8, value.Code);
        Number(w, "entity"u8, value.Entity);
        Number(w, "mention"u8, value.Mention);
        w.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter w, EventLocation value)
    {
        w.WriteStartObject();
        Text(w, "text"u8, value.Text);
        Text(w, "name"u8, value.Name);
        Text(w, "country"u8, value.Country?.Value);
        Number(w, "lat"u8, value.Lat);
        Number(w, "lon"u8, value.Lon);
        Number(w, "geo_names_id"u8, value.GeoNamesId);
        Number(w, "mention"u8, value.Mention);
        w.WriteEndObject();
    }

    private static string Name(TimePrecision precision) => precision switch
    {
        TimePrecision.Year => nameof(TimePrecision.Year),
        TimePrecision.Month => nameof(TimePrecision.Month),
        TimePrecision.Day => nameof(TimePrecision.Day),
        TimePrecision.TimeOfDay => nameof(TimePrecision.TimeOfDay),
        TimePrecision.Minute => nameof(TimePrecision.Minute),
        _ => precision.ToString(),
    };

    private static void Span(Utf8JsonWriter w, TextSpan? span)
    {
        if (span is not TextSpan s)
        {
            return;
        }

        w.WriteStartObject("span"u8);
        w.WriteNumber("start"u8, s.Start);
        w.WriteNumber("end"u8, s.End);
        w.WriteNumber("length"u8, s.Length);
        w.WriteBoolean("is_empty"u8, s.IsEmpty);
        w.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter w, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void Number(Utf8JsonWriter w, ReadOnlySpan<byte> name, double? value)
    {
        if (value is double v)
        {
            w.WriteNumber(name, v);
        }
    }

    private static void Number(Utf8JsonWriter w, ReadOnlySpan<byte> name, long? value)
    {
        if (value is long v)
        {
            w.WriteNumber(name, v);
        }
    }

    private static void Number(Utf8JsonWriter w, ReadOnlySpan<byte> name, int? value)
    {
        if (value is int v)
        {
            w.WriteNumber(name, v);
        }
    }
}
