using System.Text.Json;
using System.Text.Json.Serialization;
using Tacitus.Documents;
using Tacitus.Domain;

namespace Tacitus.Store;

/// <summary>
/// JSON for the store's structured columns (a mention's time/place/quantity, a source chain, an explanation):
/// source-generated, snake_case, nulls left out.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    Converters = [typeof(CountryCodeJsonConverter), typeof(SectorJsonConverter)])]
[JsonSerializable(typeof(TimeInfo))]
[JsonSerializable(typeof(PlaceInfo))]
[JsonSerializable(typeof(QuantityInfo))]
[JsonSerializable(typeof(SourceRef))]
[JsonSerializable(typeof(List<SourceRef>))]
[JsonSerializable(typeof(ActorRef))]
[JsonSerializable(typeof(EventLocation))]
[JsonSerializable(typeof(List<int>))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(List<TacitusError>))]
[JsonSerializable(typeof(IReadOnlyList<IssueCount>))]
internal sealed partial class StoreJson : JsonSerializerContext;

internal sealed class CountryCodeJsonConverter : JsonConverter<CountryCode>
{
    public override CountryCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var parsed = CountryCode.Parse(reader.GetString());
        return parsed.Success ? parsed.Value : throw new JsonException(parsed.Error);
    }

    public override void Write(Utf8JsonWriter writer, CountryCode value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}

internal sealed class SectorJsonConverter : JsonConverter<Sector>
{
    public override Sector Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var parsed = Sector.Parse(reader.GetString());
        return parsed.Success ? parsed.Value : throw new JsonException(parsed.Error);
    }

    public override void Write(Utf8JsonWriter writer, Sector value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
