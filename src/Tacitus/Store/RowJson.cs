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
    public Utf8Text? Of<T>(T? value, JsonTypeInfo<T> info) =>
        value is null ? null : Written(value, info, static (w, v, i) => JsonSerializer.Serialize(w, v, i));

    /// <summary>The value as <paramref name="write"/> writes it (<see cref="StoreValueJson"/>: the serializer's bytes) in the next buffer of the row, or null for null.</summary>
    public Utf8Text? Of<T>(T? value, Action<Utf8JsonWriter, T> write) =>
        value is null ? null : Written(value, write, static (w, v, write) => write(w, v));

    private Utf8Text Written<T, TWith>(T value, TWith with, Action<Utf8JsonWriter, T, TWith> write)
    {
        if (used == slots.Count)
        {
            var buffer = new ArrayBufferWriter<byte>(1024);
            slots.Add((buffer, new Utf8JsonWriter(buffer)));
        }

        var (b, w) = slots[used++];
        b.ResetWrittenCount();
        w.Reset(b);
        write(w, value, with);
        w.Flush();
        return new Utf8Text(b.WrittenMemory);
    }
}
