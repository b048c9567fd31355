using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Tacitus.Ingest;

namespace Tacitus.Cli;

/// <summary>
/// Progress of a long run on stderr, with totals and the time left: a live bar (Spectre.Console) in a terminal, a
/// plain line every few seconds when stderr is redirected (logs, CI), nothing with <c>--quiet</c>. The share done is
/// measured in bytes of input files finished, known before the run starts; documents on stdin have no total.
/// </summary>
internal sealed class Progress
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    private readonly string label;
    private readonly RunReport report;
    private readonly Dictionary<string, long> sizes;
    private readonly long totalBytes;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Lock gate = new();
    private string? currentFile;
    private long bytesDone;
    private long count;
    private long failed;
    private TimeSpan lastPlain;
    private ProgressTask? bar;

    /// <param name="inputs">The command's inputs, looked at once to know the total (files, directories, globs).</param>
    public Progress(string label, IEnumerable<string> inputs, RunReport report)
    {
        this.label = label;
        this.report = report;
        sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        if (!report.Quiet)
        {
            foreach (var input in inputs.Where(i => i != "-"))
            {
                foreach (var path in InputPaths.Expand(input))
                {
                    if (path.Path is { } file && TrySize(file) is long size)
                    {
                        sizes[file] = size;
                    }
                }
            }
        }

        totalBytes = sizes.Values.Sum();
    }

    /// <summary>Runs the work with the progress display around it.</summary>
    public T Run<T>(Func<T> work)
    {
        if (report.Quiet || Console.IsErrorRedirected)
        {
            var result = work();
            if (!report.Quiet && clock.Elapsed >= PlainInterval)
            {
                WritePlain();
            }

            return result;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                bar = context.AddTask(Describe(), maxValue: Math.Max(totalBytes, 1));
                bar.IsIndeterminate = totalBytes == 0;
                report.Sink = line => console.WriteLine(line, Style.Plain);
                try
                {
                    return work();
                }
                finally
                {
                    report.Sink = null;
                    bar.Value = bar.MaxValue;
                    bar.StopTask();
                }
            });
    }

    /// <summary>Passes the items on, counting a file's bytes as done when the first item of the next file is read.</summary>
    public IEnumerable<IngestItem> Track(IEnumerable<IngestItem> items)
    {
        foreach (var item in items)
        {
            var file = item.Error?.File ?? FileOf(item.Document?.Metadata.Origin);
            if (file is not null && file != currentFile)
            {
                FinishFile();
                currentFile = file;
            }

            yield return item;
        }

        FinishFile();
    }

    /// <summary>One document done (stored, or failed).</summary>
    public void Advance(bool ok)
    {
        lock (gate)
        {
            count++;
            if (!ok)
            {
                failed++;
            }

            if (bar is not null)
            {
                bar.Description = Describe();
            }
            else if (!report.Quiet && clock.Elapsed - lastPlain >= PlainInterval)
            {
                lastPlain = clock.Elapsed;
                WritePlain();
            }
        }
    }

    private void FinishFile()
    {
        if (currentFile is not null && sizes.TryGetValue(currentFile, out var size))
        {
            var done = Interlocked.Add(ref bytesDone, size);
            if (bar is not null)
            {
                bar.Value = done;
            }
        }

        currentFile = null;
    }

    private string Describe() => string.Create(CultureInfo.InvariantCulture, $"{label} {count:N0} documents, {failed:N0} failed");

    private void WritePlain()
    {
        var elapsed = clock.Elapsed;
        var rate = count / Math.Max(elapsed.TotalSeconds, 1e-9);
        var line = string.Create(CultureInfo.InvariantCulture, $"{label}: {count:N0} documents ({rate:F0}/s), {failed:N0} failed, {elapsed:hh\\:mm\\:ss} elapsed");
        var done = Interlocked.Read(ref bytesDone);
        if (totalBytes > 0 && done > 0)
        {
            var fraction = Math.Min(1.0, (double)done / totalBytes);
            var left = TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - fraction) / fraction);
            line += string.Create(CultureInfo.InvariantCulture, $", {fraction:P0} of the input, about {left:hh\\:mm\\:ss} left");
        }

        Console.Error.WriteLine(line);
    }

    /// <summary>The file part of an origin ("a.jsonl#line 3" → "a.jsonl").</summary>
    private string? FileOf(string? origin)
    {
        if (origin is null || sizes.ContainsKey(origin))
        {
            return origin;
        }

        var hash = origin.LastIndexOf('#');
        return hash > 0 ? origin[..hash] : origin;
    }

    private static long? TrySize(string file)
    {
        try
        {
            return new FileInfo(file).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
