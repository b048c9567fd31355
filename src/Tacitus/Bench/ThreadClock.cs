using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Tacitus.Bench;

/// <summary>
/// The processor time of the calling thread in nanoseconds (Linux's <c>CLOCK_THREAD_CPUTIME_ID</c>): unlike wall time,
/// it does not grow while other programs hold the cores, so a stage's cost can be read on a crowded machine. Where the
/// thread clock cannot be read, <see cref="IsProcessorTime"/> is false and <see cref="Now"/> gives wall nanoseconds.
/// </summary>
internal static partial class ThreadClock
{
    private const int ThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID

    public static bool IsProcessorTime { get; } = Probe();

    /// <summary>Nanoseconds of this thread's processor time (or of wall time, see <see cref="IsProcessorTime"/>).</summary>
    public static long Now()
    {
        if (IsProcessorTime && ClockGetTime(ThreadCpuTime, out var t) == 0)
        {
            return (t.Seconds * 1_000_000_000L) + t.Nanoseconds;
        }

        return (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
    }

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess)
        {
            return false;
        }

        try
        {
            return ClockGetTime(ThreadCpuTime, out _) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);
}
