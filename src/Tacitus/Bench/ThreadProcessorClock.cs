using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Tacitus.Bench;

/// <summary>
/// The calling thread's processor time in nanoseconds (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>): time the
/// thread ran, not time it waited for a core. Elsewhere, or when the call is not there, the wall clock.
/// </summary>
internal static partial class ThreadProcessorClock
{
    private const int ThreadCpuTimeId = 3;
    private static readonly bool Available = Probe();

    public static long Nanoseconds()
    {
        if (Available && ClockGetTime(ThreadCpuTimeId, out var time) == 0)
        {
            return (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
        }

        return (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
    }

    /// <summary>True when the thread's processor time can be read (else <see cref="Nanoseconds"/> is wall time).</summary>
    public static bool IsProcessorTime => Available;

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return ClockGetTime(ThreadCpuTimeId, out _) == 0;
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
