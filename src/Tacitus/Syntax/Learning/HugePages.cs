using System.Runtime.InteropServices;

namespace Tacitus.Syntax.Learning;

/// <summary>
/// Asks Linux to back a range of memory with transparent huge pages (<c>madvise(MADV_HUGEPAGE)</c>), which it does
/// only on request when the system's setting is "madvise". Elsewhere, or when refused, nothing happens: the memory
/// works the same, only its random reads are slower.
/// </summary>
internal static unsafe partial class HugePages
{
    private const int AdviseHugePage = 14; // MADV_HUGEPAGE

    public static void Advise(void* address, nuint length)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = Madvise(address, length, AdviseHugePage); // a refusal only costs speed
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // no libc to ask: ordinary pages
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(void* address, nuint length, int advice);
}
