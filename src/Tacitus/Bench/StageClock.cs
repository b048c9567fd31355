using System.Diagnostics;
using Tacitus.Documents;
using Tacitus.Pipeline;

namespace Tacitus.Bench;

/// <summary>
/// Runs a pipeline's stages one by one, as <see cref="AnalysisPipeline.Process"/> does, and adds up the time each stage
/// takes. Safe to share between workers: each stage's total is added atomically, so with several workers a stage's
/// total is the time all workers together spent in it.
/// </summary>
internal sealed class StageClock
{
    private readonly AnalysisPipeline pipeline;
    private readonly long[] ticks;
    private readonly long[] allocated;
    private readonly long[] tokens;
    private readonly long[] processor;

    public StageClock(AnalysisPipeline pipeline)
    {
        this.pipeline = pipeline;
        ticks = new long[pipeline.Stages.Count];
        allocated = new long[pipeline.Stages.Count];
        tokens = new long[pipeline.Stages.Count];
        processor = new long[pipeline.Stages.Count];
    }

    public void Process(Document document, CancellationToken cancellationToken)
    {
        var stages = pipeline.Stages;
        for (var i = 0; i < stages.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stage = stages[i];
            if (stage.EnglishOnly && document.Language != "en")
            {
                continue;
            }

            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var cpu = ThreadClock.Now();
            var start = Stopwatch.GetTimestamp();
            StageRequirements.Run(stage, document, cancellationToken);
            Interlocked.Add(ref ticks[i], Stopwatch.GetTimestamp() - start);
            Interlocked.Add(ref processor[i], ThreadClock.Now() - cpu);
            Interlocked.Add(ref allocated[i], GC.GetAllocatedBytesForCurrentThread() - bytes);
            Interlocked.Add(ref tokens[i], document.Tokens.Count);
        }
    }

    public void Reset()
    {
        Array.Clear(ticks);
        Array.Clear(allocated);
        Array.Clear(tokens);
        Array.Clear(processor);
    }

    /// <summary>Each stage's totals so far (seconds, bytes allocated, processor seconds), in pipeline order.</summary>
    public IReadOnlyList<StageTime> Totals() =>
        [.. pipeline.Stages.Select((s, i) => new StageTime(s.Name, Interlocked.Read(ref ticks[i]) / (double)Stopwatch.Frequency, Interlocked.Read(ref allocated[i]), Interlocked.Read(ref tokens[i]))
        {
            ProcessorSeconds = ThreadClock.IsProcessorTime ? Interlocked.Read(ref processor[i]) / 1e9 : null,
        })];
}

/// <summary>The time spent in one stage, and the bytes it allocated, over a configuration's timed runs (all workers together).</summary>
/// <summary>Tokens: how many tokens the stage's documents had (after it ran), for a tokens-per-second rate.</summary>
internal sealed record StageTime(string Stage, double Seconds, long AllocatedBytes = 0, long Tokens = 0)
{
    /// <summary>
    /// The stage's processor time (the worker threads' own clocks, <see cref="ThreadClock"/>): unlike <see cref="Seconds"/>
    /// (wall time), it does not grow while other programs hold the cores. Null where the thread clock cannot be read.
    /// </summary>
    public double? ProcessorSeconds { get; init; }

    /// <summary>Tokens per second of this stage on one worker (its time summed over workers).</summary>
    public double TokensPerSecond => Seconds > 0 ? Tokens / Seconds : 0;
}
