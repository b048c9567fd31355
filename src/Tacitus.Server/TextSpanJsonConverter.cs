using System.Text.Json;
using System.Text.Json.Serialization;
using Tacitus.Documents;

namespace Tacitus.Server;

/// <summary>A span as the analysis contract writes it: <c>{"start", "end"}</c>, UTF-16 offsets into the document's text.</summary>
internal sealed class TextSpanJsonConverter : JsonConverter<TextSpan>
{
    /// <summary>The API writes spans and never reads them.</summary>
    public override TextSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("the API does not read spans");

    public override void Write(Utf8JsonWriter writer, TextSpan value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber("start", value.Start);
        writer.WriteNumber("end", value.End);
        writer.WriteEndObject();
    }
}
