using System.Text.Json;
using System.Text.Json.Serialization;
using Tacitus.Documents;

namespace Tacitus.Server;

/// <summary>A document id as its hex string.</summary>
internal sealed class DocumentIdJsonConverter : JsonConverter<DocumentId>
{
    public override DocumentId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var parsed = DocumentId.Parse(reader.GetString());
        return parsed.Success ? parsed.Value : throw new JsonException(parsed.Error);
    }

    public override void Write(Utf8JsonWriter writer, DocumentId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
