using System.Diagnostics;
using System.Globalization;

namespace Tacitus.Bench;

/// <summary>
/// What the process has used so far: processor time, bytes allocated, time paused for garbage collection, lock
/// contentions, and (on Linux) how long its threads stood ready to run while every core was busy with other programs.
/// Two samples taken around a run tell whether a slow run was our own work or a crowded machine.
/// </summary>
internal readonly record struct ProcessSample(TimeSpan Processor, long Allocated, TimeSpan GcPause, int Collections, long LockContentions, TimeSpan? RunQueueWait)
{
    public static ProcessSample Take()
    {
        using var process = Process.GetCurrentProcess();
        return new ProcessSample(process.TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: false), GC.GetTotalPauseDuration(),
            GC.CollectionCount(0), Monitor.LockContentionCount, ReadRunQueueWait());
    }

    public static ProcessSample operator -(ProcessSample after, ProcessSample before) =>
        new(after.Processor - before.Processor, after.Allocated - before.Allocated, after.GcPause - before.GcPause,
            after.Collections - before.Collections, after.LockContentions - before.LockContentions,
            after.RunQueueWait is { } a && before.RunQueueWait is { } b ? a - b : null);

    /// <summary>
    /// The time the process's threads spent runnable but waiting for a core (second field of Linux's
    /// <c>/proc/self/task/*/schedstat</c>, in nanoseconds), summed over the threads alive now; null elsewhere.
    /// </summary>
    private static TimeSpan? ReadRunQueueWait()
    {
        const string tasks = "/proc/self/task";
        if (!OperatingSystem.IsLinux() || !Directory.Exists(tasks))
        {
            return null;
        }

        long nanoseconds = 0;
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
            if (fields.Length >= 2 && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var waited))
            {
                nanoseconds += waited;
            }
        }

        return TimeSpan.FromTicks(nanoseconds / 100);
    }
}
