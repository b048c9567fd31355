using System.Runtime.InteropServices;

namespace Tacitus.Syntax.Learning;

/// <summary>
/// A fixed-size array outside the managed heap for a model's large lookup tables, aligned to 2 MB and (on Linux)
/// marked for transparent huge pages: scoring reads these tables at random, and with 4 KB pages nearly every read
/// also misses the processor's address cache (TLB). The memory is freed when the table is collected; callers that
/// read through <see cref="Pointer"/> keep the table alive (<see cref="GC.KeepAlive"/>) until they are done.
/// </summary>
internal sealed unsafe class NativeTable<T> where T : unmanaged
{
    private const nuint HugePage = 2 * 1024 * 1024;

    public NativeTable(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        var bytes = Math.Max((nuint)1, (nuint)length * (nuint)sizeof(T));
        Pointer = (T*)NativeMemory.AlignedAlloc(bytes, HugePage);
        GC.AddMemoryPressure((long)bytes);
        if (bytes >= HugePage)
        {
            HugePages.Advise(Pointer, bytes);
        }

        Span.Clear();
    }

    ~NativeTable()
    {
        NativeMemory.AlignedFree(Pointer);
        GC.RemoveMemoryPressure((long)Math.Max((nuint)1, (nuint)Length * (nuint)sizeof(T)));
    }

    public int Length { get; }

    public T* Pointer { get; }

    public Span<T> Span => new(Pointer, Length);
}
