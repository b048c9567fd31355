using System.Diagnostics;

namespace Tacitus.Cli;

/// <summary>
/// Progress on long runs, written to stderr: a redrawn line in a terminal, a plain line every few seconds
/// when stderr is redirected (logs, CI).
/// </summary>
internal sealed class Progress : IDisposable
{
    private readonly string label;
    private readonly long? total;
    private readonly bool interactive;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly TimeSpan interval;
    private TimeSpan lastReport;
    private long count;
    private long failed;
    private bool wroteInteractive;

    public Progress(string label, long? total = null, bool quiet = false)
    {
        this.label = label;
        this.total = total;
        Quiet = quiet;
        interactive = !Console.IsErrorRedirected;
        interval = interactive ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(5);
    }

    public bool Quiet { get; }

    public long Count => count;

    public long Failed => failed;

    public TimeSpan Elapsed => clock.Elapsed;

    public void Advance(bool ok = true)
    {
        count++;
        if (!ok)
        {
            failed++;
        }

        var now = clock.Elapsed;
        if (!Quiet && now - lastReport >= interval)
        {
            lastReport = now;
            Report();
        }
    }

    private void Report()
    {
        var rate = count / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
        string line;
        if (total is long t && t > 0)
        {
            var fraction = Math.Min(1.0, (double)count / t);
            var width = 30;
            var filled = (int)(fraction * width);
            line = $"{label} [{new string('#', filled)}{new string('.', width - filled)}] {count}/{t} ({rate:F0}/s, {failed} failed)";
        }
        else
        {
            line = $"{label}: {count} ({rate:F0}/s, {failed} failed)";
        }

        if (interactive)
        {
            Console.Error.Write("\r" + line.PadRight(Math.Max(0, Console.WindowWidth - 1 > 0 ? Math.Min(line.Length + 5, Console.WindowWidth - 1) : line.Length)));
            wroteInteractive = true;
        }
        else
        {
            Console.Error.WriteLine(line);
        }
    }

    public void Dispose()
    {
        if (wroteInteractive)
        {
            Console.Error.WriteLine();
        }
    }
}
