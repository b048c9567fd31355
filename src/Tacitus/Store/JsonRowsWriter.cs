using System.Buffers;
using System.Text.Json;

namespace Tacitus.Store;

/// <summary>
/// One JSON array of rows written to UTF-8 in a buffer kept for every document (a document's mentions, sentences or
/// entities as the store keeps them, <see cref="MentionRows"/>, <see cref="SentenceRows"/>, <see cref="EntityRows"/>):
/// <see cref="Begin"/>, the rows through <see cref="Writer"/>, then <see cref="End"/>. What <see cref="End"/> returns
/// holds until the next <see cref="Begin"/>.
/// </summary>
internal sealed class JsonRowsWriter
{
    private readonly ArrayBufferWriter<byte> buffer;

    public JsonRowsWriter(int capacity)
    {
        buffer = new ArrayBufferWriter<byte>(capacity);
        Writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
    }

    public Utf8JsonWriter Writer { get; }

    /// <summary>Starts the array, writing over the one before.</summary>
    public void Begin()
    {
        buffer.ResetWrittenCount();
        Writer.Reset(buffer);
        Writer.WriteStartArray();
    }

    /// <summary>Ends the array and returns it.</summary>
    public Utf8Text End()
    {
        Writer.WriteEndArray();
        Writer.Flush();
        return new Utf8Text(buffer.WrittenMemory);
    }

    /// <summary>A string, or null.</summary>
    public void Text(string? value)
    {
        if (value is null)
        {
            Writer.WriteNullValue();
        }
        else
        {
            Writer.WriteStringValue(value);
        }
    }

    /// <summary>A number, or null.</summary>
    public void Number(int? value)
    {
        if (value is int v)
        {
            Writer.WriteNumberValue(v);
        }
        else
        {
            Writer.WriteNullValue();
        }
    }
}
