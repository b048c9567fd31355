using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Tacitus.Store;

/// <summary>
/// The JSON values of one row (an event's actor, recipient, place, explanation and issues), each written straight to
/// UTF-8 in a buffer of its own that this writer keeps for every row: no string is made only to be turned back into
/// UTF-8 for SQLite. The values are the same text <see cref="JsonSerializer.Serialize{TValue}(TValue, JsonTypeInfo{TValue})"/>
/// gives. A value holds until <see cref="Begin"/> starts the next row (SQLite copies what is bound).
/// </summary>
internal sealed class RowJson
{
    private readonly List<(ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)> slots = [];
    private int used;

    /// <summary>Starts a row: the buffers of the row before are written over from here on.</summary>
    public void Begin() => used = 0;

    /// <summary>The value as JSON in the next buffer of the row, or null for null.</summary>
    public Utf8Text? Of<T>(T? value, JsonTypeInfo<T> info)
    {
        if (value is null)
        {
            return null;
        }

        var (buffer, writer) = Next();
        JsonSerializer.Serialize(writer, value, info);
        return Done(buffer, writer);
    }

    /// <summary>The value as <paramref name="write"/> writes it (<see cref="StoreValueJson"/>: the serializer's bytes) in the next buffer of the row, or null for null.</summary>
    public Utf8Text? Of<T>(T? value, Action<Utf8JsonWriter, T> write)
    {
        if (value is null)
        {
            return null;
        }

        var (buffer, writer) = Next();
        write(writer, value);
        return Done(buffer, writer);
    }

    /// <summary>The row's next buffer and its writer, emptied (made the first time a row needs this many).</summary>
    private (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer) Next()
    {
        if (used == slots.Count)
        {
            var created = new ArrayBufferWriter<byte>(1024);
            slots.Add((created, new Utf8JsonWriter(created)));
        }

        var (buffer, writer) = slots[used++];
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        return (buffer, writer);
    }

    /// <summary>What <paramref name="writer"/> wrote to <paramref name="buffer"/>, flushed.</summary>
    private static Utf8Text Done(ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer)
    {
        writer.Flush();
        return new Utf8Text(buffer.WrittenMemory);
    }
}
