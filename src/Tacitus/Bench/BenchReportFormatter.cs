using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Tacitus.Bench;

/// <summary>Renders throughput results as a Markdown table (with the full / read+segment ratio per worker count) or JSON.</summary>
internal static class BenchReportFormatter
{
    public static string StageName(BenchStage stage) => stage switch
    {
        BenchStage.Read => "read",
        BenchStage.Segment => "read + segment",
        _ => "full analysis",
    };

    public static string ToMarkdown(IReadOnlyList<BenchResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("| stage | workers | documents | MB | wall s (median) | runs (s) | documents/s | MB/s | peak working set MB |\n");
        sb.Append("|---|---:|---:|---:|---:|---|---:|---:|---:|\n");
        foreach (var r in results)
        {
            sb.Append(c, $"| {StageName(r.Stage)} | {r.Workers} | {r.Documents} | {r.Megabytes:F2} | {r.MedianSeconds:F3} | {string.Join(" ", r.Seconds.Select(s => s.ToString("F3", c)))} | {r.DocumentsPerSecond:F0} | {r.MegabytesPerSecond:F2} | {r.PeakWorkingSetBytes / 1_000_000.0:F0} |\n");
        }

        var ratios = Ratios(results).ToList();
        if (ratios.Count > 0)
        {
            sb.Append('\n');
            foreach (var (workers, ratio) in ratios)
            {
                sb.Append(c, $"Full analysis / read + segment, {workers} worker{(workers == 1 ? string.Empty : "s")}: {ratio:F1}× the time.\n");
            }
        }

        return sb.ToString();
    }

    /// <summary>Wall time of the full analysis over read + segment, for each worker count measured with both.</summary>
    public static IEnumerable<(int Workers, double Ratio)> Ratios(IReadOnlyList<BenchResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        foreach (var full in results.Where(r => r.Stage == BenchStage.Full))
        {
            var floor = results.FirstOrDefault(r => r.Stage == BenchStage.Segment && r.Workers == full.Workers);
            if (floor is not null && floor.MedianSeconds > 0)
            {
                yield return (full.Workers, full.MedianSeconds / floor.MedianSeconds);
            }
        }
    }

    public static string ToJson(string path, IReadOnlyList<BenchResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("corpus", path);
            w.WriteNumber("processors", Environment.ProcessorCount);
            w.WriteStartArray("runs");
            foreach (var r in results)
            {
                w.WriteStartObject();
                w.WriteString("stage", r.Stage.ToString().ToLowerInvariant());
                w.WriteNumber("workers", r.Workers);
                w.WriteNumber("documents", r.Documents);
                w.WriteNumber("failed", r.Failed);
                w.WriteNumber("mb", Math.Round(r.Megabytes, 3));
                w.WriteNumber("wall_seconds", Math.Round(r.MedianSeconds, 4));
                w.WriteStartArray("run_seconds");
                foreach (var s in r.Seconds)
                {
                    w.WriteNumberValue(Math.Round(s, 4));
                }

                w.WriteEndArray();
                w.WriteNumber("documents_per_second", Math.Round(r.DocumentsPerSecond, 1));
                w.WriteNumber("mb_per_second", Math.Round(r.MegabytesPerSecond, 3));
                w.WriteNumber("peak_working_set_mb", Math.Round(r.PeakWorkingSetBytes / 1_000_000.0, 1));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("ratios");
            foreach (var (workers, ratio) in Ratios(results))
            {
                w.WriteStartObject();
                w.WriteNumber("workers", workers);
                w.WriteNumber("full_over_segment", Math.Round(ratio, 2));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
