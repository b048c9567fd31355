namespace Tacitus.Bench;

/// <summary>
/// What to measure: read only, read + segment (the floor no analysis can beat), the full analysis, ingest (analysis
/// and store, no fusion), ingest with fusion (stories and fused events), each into a new store, or the store with
/// fusion alone (the corpus analysed once, untimed, and held in memory; each pass stores it into a new store).
/// </summary>
public enum BenchStage
{
    Read,
    Segment,
    Full,
    Ingest,
    Fusion,
    Store,
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

    /// <summary>What reads dates in the analysis (<c>--dates</c>): the project's rules (default) or the recogniser behind them.</summary>
    public Pipeline.DateReaderChoice Dates { get; init; } = Pipeline.DateReaderChoice.Rules;

    /// <summary>How the fusion stages group documents into stories and bound open fused events (<c>--story-window</c>, <c>--open-event-reports</c>).</summary>
    public Fusion.StoryOptions Stories { get; init; } = Fusion.StoryOptions.Default;

    /// <summary>Time every stage of the full analysis as well (ms per document and share of the total).</summary>
    public bool StageBreakdown { get; init; }

    /// <summary>
    /// A second corpus (<c>--unseen</c>) for the full analysis: after the warmed passes, one pass over it (the code
    /// compiled, its text new to the process) and one more over the same text, so that what new words cost is told
    /// apart from what compiling costs. Read once, whole (never cycled: copies would be text already seen).
    /// </summary>
    public string? Unseen { get; init; }
}

/// <summary>
/// The full analysis over the <see cref="BenchOptions.Unseen"/> corpus after the warmed passes: its first reading
/// (compiled code, new text) and a second (the same text again), each with its stage times when asked for.
/// </summary>
internal sealed record UnseenResult(string Path, int Documents, ProcessUsage Unseen, ProcessUsage Again)
{
    /// <summary>Documents of the unseen corpus that could not be read or analysed (counted in <see cref="Documents"/> when read but not analysed).</summary>
    public int Failed { get; init; }

    /// <summary>True when warmed passes over the main corpus came before the readings (false with <c>--repeat 0</c>: only the first pass did).</summary>
    public bool AfterWarmedPasses { get; init; } = true;

    public IReadOnlyList<StageTime> UnseenStageTimes { get; init; } = [];

    public IReadOnlyList<StageTime> AgainStageTimes { get; init; } = [];

    /// <summary>Processor milliseconds per document of the first reading.</summary>
    public double UnseenMillisecondsPerDocument => PerDocument(Unseen.Processor.TotalMilliseconds);

    /// <summary>Processor milliseconds per document of the second reading.</summary>
    public double AgainMillisecondsPerDocument => PerDocument(Again.Processor.TotalMilliseconds);

    /// <summary>A stage's milliseconds per document over one reading: processor time where the thread clock was read, else wall time.</summary>
    public double MillisecondsPerDocument(StageTime stage) => PerDocument((stage.ProcessorSeconds ?? stage.Seconds) * 1000);

    public double PerDocument(double total) => Documents > 0 ? total / Documents : 0;
}

/// <summary>One configuration's figures: the median of the timed runs.</summary>
internal sealed record BenchResult(BenchStage Stage, int Workers, int Documents, int Failed, long Bytes, IReadOnlyList<double> Seconds, long PeakWorkingSetBytes)
{
    /// <summary>Time per stage over all timed runs (all workers together), when a breakdown was asked for.</summary>
    public IReadOnlyList<StageTime> StageTimes { get; init; } = [];

    /// <summary>
    /// False when the timed run is the first pass itself (<c>--repeat 0</c>): the stage and store tables then hold the
    /// first pass's figures and say so.
    /// </summary>
    public bool WarmedPasses { get; init; } = true;

    /// <summary>
    /// For ingest and fusion: the writer thread's processor time in each part of storing (rows, stories, events, commit)
    /// over the timed runs; the rest of the run's processor time is reading and analysis.
    /// </summary>
    public IReadOnlyList<StageTime> StoreTimes { get; init; } = [];

    /// <summary>
    /// How many times the corpus was read to reach the documents asked for: above 1, later readings are copies with new
    /// ids and publication dates moved on (<see cref="ThroughputRunner.CopyShiftDays"/> days per copy).
    /// </summary>
    public int CorpusReadings { get; init; } = 1;

    /// <summary>
    /// The managed heap still live after the configuration's passes (a full collection first): the models and whatever
    /// the passes left behind. Run with <c>--docs N</c> at two sizes, it tells whether anything kept for the whole run
    /// (a cache, a pool, a table of names) grows with the corpus: the two figures are the same when nothing does.
    /// </summary>
    public long HeapAfterBytes { get; init; }

    /// <summary>The writer thread's processor milliseconds per document in the store (all parts), over the timed runs.</summary>
    public double StoreMillisecondsPerDocument => StoreTimes.Sum(MillisecondsPerDocument);

    /// <summary>The rest of the run's processor milliseconds per document (reading and analysis): all threads' time less the store's.</summary>
    public double RestMillisecondsPerDocument => ProcessorMillisecondsPerDocument - StoreMillisecondsPerDocument;

    /// <summary>What the store adds to the rest of the run, as a share of it (0.2: 20 % more processor time).</summary>
    public double StoreOverhead => RestMillisecondsPerDocument > 0 ? StoreMillisecondsPerDocument / RestMillisecondsPerDocument : 0;

    /// <summary>A stage's milliseconds per document (its total over every timed run and worker, per document analysed).</summary>
    public double MillisecondsPerDocument(StageTime stage) => PerDocument(stage.Seconds * 1000);

    /// <summary>A stage's processor milliseconds per document (its threads' own clocks), or null where they cannot be read.</summary>
    public double? StageProcessorMillisecondsPerDocument(StageTime stage) => stage.ProcessorSeconds is { } cpu ? PerDocument(cpu * 1000) : null;

    /// <summary>A stage's kilobytes allocated per document.</summary>
    public double KilobytesPerDocument(StageTime stage) => PerDocument(stage.AllocatedBytes / 1000.0);

    /// <summary>The passes over the <c>--unseen</c> corpus (full analysis only), when one was given.</summary>
    public UnseenResult? Unseen { get; init; }

    /// <summary>Wall seconds of the first, untimed pass: the code still compiling and the recogniser's caches empty.</summary>
    public double FirstPassSeconds { get; init; }

    /// <summary>What the process used over all timed runs (the forced collections between runs included).</summary>
    public ProcessUsage Used { get; init; }

    /// <summary>Processor milliseconds per document, all threads: unlike wall time, it does not grow when other programs take the cores.</summary>
    public double ProcessorMillisecondsPerDocument => PerDocument(Used.Processor.TotalMilliseconds);

    /// <summary>Kilobytes allocated per document analysed.</summary>
    public double KilobytesAllocatedPerDocument => PerDocument(Used.Allocated / 1000.0);

    /// <summary>Share of the wall time the program stood still for garbage collection.</summary>
    public double GcPauseShare => Seconds.Sum() > 0 ? Used.GcPause.TotalSeconds / Seconds.Sum() : 0;

    /// <summary>
    /// Milliseconds per document the threads stood ready to run but found no free core (Linux only): well above zero,
    /// other programs had the cores, and the wall figures understate what the code can do.
    /// </summary>
    public double? RunQueueWaitMillisecondsPerDocument => Used.RunQueueWait is { } wait ? PerDocument(wait.TotalMilliseconds) : null;

    /// <summary>Documents per second of the first pass (code compiling, caches empty): what a one-off run over new text gets.</summary>
    public double FirstPassDocumentsPerSecond => FirstPassSeconds > 0 ? Documents / FirstPassSeconds : 0;

    /// <summary>What the process used over the first pass.</summary>
    public ProcessUsage FirstPassUsed { get; init; }

    /// <summary>Processor milliseconds per document over the first pass, all threads.</summary>
    public double FirstPassProcessorMillisecondsPerDocument => Documents > 0 ? FirstPassUsed.Processor.TotalMilliseconds / Documents : 0;

    /// <summary>Kilobytes allocated per document over the first pass.</summary>
    public double FirstPassKilobytesAllocatedPerDocument => Documents > 0 ? FirstPassUsed.Allocated / 1000.0 / Documents : 0;

    /// <summary>Milliseconds per document the runtime spent compiling methods during the first pass (all threads).</summary>
    public double FirstPassJitMillisecondsPerDocument => Documents > 0 ? FirstPassUsed.Jit.TotalMilliseconds / Documents : 0;

    /// <summary>Milliseconds per document the first pass's threads waited for a free core (Linux only).</summary>
    public double? FirstPassRunQueueWaitMillisecondsPerDocument => FirstPassUsed.RunQueueWait is { } wait && Documents > 0 ? wait.TotalMilliseconds / Documents : null;

    private double PerDocument(double total) => Documents > 0 && Seconds.Count > 0 ? total / (Documents * (double)Seconds.Count) : 0;

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
