using System.Runtime.InteropServices;

namespace Tacitus.Syntax.Learning;

/// <summary>
/// An unmanaged buffer that grows as items are appended, for gathering a model's tables while it is read: a managed
/// list would allocate (and copy on growth) tens of MB on the heap once per process, all garbage at once. The items
/// end in a <see cref="NativeTable{T}"/> of exactly their number (<see cref="ToTable"/>); dispose the buffer after.
/// </summary>
internal sealed unsafe class GrowingBuffer<T> : IDisposable where T : unmanaged
{
    private T* items;
    private nuint room;

    public GrowingBuffer(int room)
    {
        this.room = (nuint)Math.Max(1, room);
        items = (T*)NativeMemory.Alloc(this.room, (nuint)sizeof(T));
    }

    public nuint Count { get; private set; }

    /// <summary>Appends <paramref name="count"/> items (their values undefined) and returns them to be filled.</summary>
    public Span<T> Append(int count)
    {
        ObjectDisposedException.ThrowIf(items is null, this);
        var needed = Count + (nuint)count;
        if (needed > room)
        {
            room = Math.Max(needed, room * 2);
            items = (T*)NativeMemory.Realloc(items, room * (nuint)sizeof(T));
        }

        var span = new Span<T>(items + Count, count);
        Count = needed;
        return span;
    }

    public NativeTable<T> ToTable()
    {
        ObjectDisposedException.ThrowIf(items is null, this);
        var table = new NativeTable<T>(checked((int)Count));
        new ReadOnlySpan<T>(items, (int)Count).CopyTo(table.Span);
        return table;
    }

    public void Dispose()
    {
        NativeMemory.Free(items);
        items = null;
    }
}
