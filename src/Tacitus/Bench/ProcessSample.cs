using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace Tacitus.Bench;

/// <summary>
/// What the process has used so far: processor time, bytes allocated, time paused for garbage collection, lock
/// contentions, and (on Linux) each thread's time on a core and time ready to run while every core was busy.
/// The difference of two samples (<see cref="Since"/>) tells whether a slow run was our own work or a crowded machine.
/// </summary>
internal sealed record ProcessSample(TimeSpan Processor, long Allocated, TimeSpan GcPause, int Collections, long LockContentions,
    IReadOnlyDictionary<string, (long OnCore, long Waiting)>? Threads, TimeSpan Jit = default, long JitMethods = 0)
{
    public static ProcessSample Take()
    {
        using var process = Process.GetCurrentProcess();
        return new ProcessSample(process.TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: false), GC.GetTotalPauseDuration(),
            GC.CollectionCount(0), Monitor.LockContentionCount, ReadThreads(), JitInfo.GetCompilationTime(currentThread: false),
            JitInfo.GetCompiledMethodCount(currentThread: false));
    }

    /// <summary>What was used between <paramref name="before"/> and this sample.</summary>
    public ProcessUsage Since(ProcessSample before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return new ProcessUsage(Processor - before.Processor, Allocated - before.Allocated, GcPause - before.GcPause,
            Collections - before.Collections, LockContentions - before.LockContentions, RunQueueWait(before), Jit - before.Jit,
            JitMethods - before.JitMethods);
    }

    /// <summary>
    /// Time the working threads stood ready to run without a core. Threads that did almost no work in between (timers,
    /// the thread pool's housekeeping: woken a thousand times a second, each time waiting a little) are left out, as
    /// their waits delay nothing; a working thread counts from when it started if it started in between.
    /// </summary>
    private TimeSpan? RunQueueWait(ProcessSample before)
    {
        if (Threads is null || before.Threads is null)
        {
            return null;
        }

        var deltas = Threads.Select(t => before.Threads.TryGetValue(t.Key, out var b) ? (OnCore: t.Value.OnCore - b.OnCore, Waiting: t.Value.Waiting - b.Waiting) : t.Value).ToList();
        var total = deltas.Sum(d => d.OnCore);
        var waited = deltas.Where(d => d.OnCore > 0 && d.OnCore >= total / 50).Sum(d => d.Waiting);
        return TimeSpan.FromTicks(waited / 100);
    }

    /// <summary>Each thread's nanoseconds on a core and waiting for one (Linux's <c>/proc/self/task/*/schedstat</c>); null elsewhere.</summary>
    private static Dictionary<string, (long OnCore, long Waiting)>? ReadThreads()
    {
        const string tasks = "/proc/self/task";
        if (!OperatingSystem.IsLinux() || !Directory.Exists(tasks))
        {
            return null;
        }

        var threads = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        foreach (var task in Directory.EnumerateDirectories(tasks))
        {
            string line;
            try
            {
                line = File.ReadAllText(Path.Combine(task, "schedstat"));
            }
            catch (IOException)
            {
                continue; // the thread ended while we looked
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }

            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 2 && long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var onCore) &&
                long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var waiting))
            {
                threads[Path.GetFileName(task)] = (onCore, waiting);
            }
        }

        return threads;
    }
}

/// <summary>
/// What the process used over a stretch of time (see <see cref="ProcessSample"/>). <see cref="Jit"/> is the time the
/// runtime spent compiling methods (all threads; measured by the runtime around each compilation, so on a crowded
/// machine it includes waiting for a core), <see cref="JitMethods"/> how many it compiled.
/// </summary>
internal readonly record struct ProcessUsage(TimeSpan Processor, long Allocated, TimeSpan GcPause, int Collections, long LockContentions, TimeSpan? RunQueueWait,
    TimeSpan Jit = default, long JitMethods = 0);
