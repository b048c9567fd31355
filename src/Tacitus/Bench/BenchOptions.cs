namespace Tacitus.Bench;

/// <summary>What to measure: read only, read + segment (the floor no analysis can beat), or the full analysis.</summary>
public enum BenchStage
{
    Read,
    Segment,
    Full,
}

/// <summary>A throughput run: the corpus, how many documents at most, which stages, with how many workers, how many repeats.</summary>
internal sealed record BenchOptions
{
    /// <summary>A file (text, JSON Lines, WARC) or a folder of them, read through the ingest readers.</summary>
    public required string Path { get; init; }

    public int? Documents { get; init; }

    public IReadOnlyList<BenchStage> Stages { get; init; } = [BenchStage.Segment, BenchStage.Full];

    /// <summary>Worker counts to run with; by default one, and all cores (when there are several).</summary>
    public IReadOnlyList<int> Workers { get; init; } = Environment.ProcessorCount > 1 ? [1, Environment.ProcessorCount] : [1];

    /// <summary>Timed runs per configuration; the median is reported. One untimed warm-up pass comes first.</summary>
    public int Repeat { get; init; } = 3;
}

/// <summary>One configuration's figures: the median of the timed runs.</summary>
internal sealed record BenchResult(BenchStage Stage, int Workers, int Documents, int Failed, long Bytes, IReadOnlyList<double> Seconds, long PeakWorkingSetBytes)
{
    public double MedianSeconds
    {
        get
        {
            if (Seconds.Count == 0)
            {
                return 0;
            }

            var sorted = Seconds.Order().ToArray();
            var mid = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }

    public double Megabytes => Bytes / 1_000_000.0;

    public double DocumentsPerSecond => MedianSeconds > 0 ? Documents / MedianSeconds : 0;

    public double MegabytesPerSecond => MedianSeconds > 0 ? Megabytes / MedianSeconds : 0;
}
