using System.Diagnostics;
using System.Text;
using Tacitus.Documents;
using Tacitus.Ingest;
using Tacitus.Mentions.Time;
using Tacitus.Pipeline;

namespace Tacitus.Bench;

/// <summary>
/// Streams a corpus through the ingest readers and the pipeline and times it: read only, read + segment, or the full
/// analysis, with a given number of workers (documents are read in order and analysed in parallel). Each configuration
/// gets a first pass (the headline: text the recogniser has not seen; only the first configuration's first pass also
/// pays for compiling the code), then <see cref="BenchOptions.Repeat"/> warmed passes over the same text; documents
/// are dropped once analysed.
/// The peak working set is the process's peak after the configuration's passes, before any <c>--unseen</c> readings (it
/// only grows, so later rows include earlier ones, those readings too).
/// </summary>
internal static class ThroughputRunner
{
    /// <summary>The input files under a path: the file itself, or every file in the folder (recursively, by name, hidden ones skipped).</summary>
    public static IReadOnlyList<string> Files(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"no such file or folder: {path}", path);
        }

        return [.. Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(f => !System.IO.Path.GetRelativePath(path, f).Split(System.IO.Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal)];
    }

    public static IEnumerable<BenchResult> Run(BenchOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var files = Files(options.Path);
        // the --unseen corpus is read once, after the first full-analysis setting: a later setting would read text the
        // process has already read (and its own first pass would come after it)
        var unseenRead = false;
        foreach (var stage in options.Stages)
        {
            var pipeline = stage switch
            {
                BenchStage.Read => null,
                BenchStage.Segment => PipelineFactory.Create(new PipelineOptions { TextOnly = true }),
                _ => PipelineFactory.Create(new PipelineOptions { Dates = options.Dates }),
            };
            foreach (var workers in stage == BenchStage.Read ? options.Workers.Take(1) : options.Workers)
            {
                var clock = options.StageBreakdown && pipeline is not null && stage == BenchStage.Full ? new StageClock(pipeline) : null;
                var storeClock = stage is BenchStage.Ingest or BenchStage.Fusion or BenchStage.Store ? new Store.StoreClock(ThreadClock.Now) : null;
                var cycle = new CorpusCycle();
                // the store alone: the corpus analysed once, before any timing, and held in memory for every pass
                var held = stage == BenchStage.Store ? Analysed(files, options.Documents, pipeline!, cycle, workers, cancellationToken) : null;

                // The first pass is the headline: what a run over text it has not seen gets. The date-time recogniser
                // keeps results per text it has seen, so its caches are emptied before each configuration's first pass;
                // later passes over the same corpus are faster than a first reading of new text can be ("warmed").
                if (stage == BenchStage.Full && options.Dates == DateReaderChoice.Recognizer)
                {
                    RecognizerCaches.Bound();
                }

                var firstBefore = ProcessSample.Take();
                var first = Stopwatch.StartNew();
                var firstCounts = held is null ? Pass(stage, files, options, pipeline, clock, storeClock, cycle, workers, cancellationToken) : StoreHeld(held, storeClock, options.Stories);
                var firstSeconds = first.Elapsed.TotalSeconds;
                var firstUsed = ProcessSample.Take().Since(firstBefore);
                // with Repeat 0 the first pass alone is the run (a long corpus measured once for memory)
                var seconds = new List<double>();
                var counts = firstCounts;
                var before = ProcessSample.Take();
                if (options.Repeat == 0)
                {
                    seconds.Add(firstSeconds);
                }
                else
                {
                    clock?.Reset();
                    storeClock?.Reset();
                }

                for (var r = 0; r < options.Repeat; r++)
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    var wall = Stopwatch.StartNew();
                    counts = held is null ? Pass(stage, files, options, pipeline, clock, storeClock, cycle, workers, cancellationToken) : StoreHeld(held, storeClock, options.Stories);
                    seconds.Add(wall.Elapsed.TotalSeconds);
                }

                var used = options.Repeat == 0 ? firstUsed : ProcessSample.Take().Since(before);
                var stageTimes = clock?.Totals() ?? [];
                // memory as the main corpus's passes left it, before the unseen corpus's readings add to it
                var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
                var peak = PeakWorkingSet();
                UnseenResult? unseen = null;
                if (stage == BenchStage.Full && options.Unseen is { } other && !unseenRead)
                {
                    unseenRead = true;
                    unseen = UnseenPasses(other, options, pipeline!, clock, workers, cancellationToken);
                }

                yield return new BenchResult(stage, stage == BenchStage.Read ? 1 : workers, counts.Documents, counts.Failed, counts.Bytes, seconds, peak)
                {
                    FirstPassSeconds = firstSeconds,
                    WarmedPasses = options.Repeat > 0,
                    FirstPassUsed = firstUsed,
                    StageTimes = stageTimes,
                    Unseen = unseen,
                    CorpusReadings = cycle.Readings,
                    StoreTimes = StoreTimes(storeClock),
                    Used = used,
                    HeapAfterBytes = heapAfter,
                };
            }
        }
    }

    /// <summary>
    /// The full analysis over another corpus after the warmed passes: once (code compiled, text new) and once more (the
    /// same text again). The difference is what new text costs a process that has compiled its code: per-word tables'
    /// entries not yet met, the lemma and key pools' misses, the model rows the new words reach.
    /// </summary>
    private static UnseenResult UnseenPasses(string path, BenchOptions options, AnalysisPipeline pipeline, StageClock? clock, int workers, CancellationToken cancellationToken)
    {
        var files = Files(path);
        var read = options with { Documents = null };
        (ProcessUsage Used, IReadOnlyList<StageTime> Stages, int Documents, int Failed) Reading()
        {
            clock?.Reset();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = ProcessSample.Take();
            var counts = Pass(BenchStage.Full, files, read, pipeline, clock, null, new CorpusCycle(), workers, cancellationToken);
            return (ProcessSample.Take().Since(before), clock?.Totals() ?? [], counts.Documents, counts.Failed);
        }

        var unseen = Reading();
        var again = Reading();
        return new UnseenResult(path, unseen.Documents, unseen.Used, again.Used)
        {
            // the same documents fail both times; the second reading's count covers any that failed only then
            Failed = Math.Max(unseen.Failed, again.Failed),
            AfterWarmedPasses = options.Repeat > 0,
            UnseenStageTimes = unseen.Stages,
            AgainStageTimes = again.Stages,
        };
    }

    /// <summary>Whether the corpus at <paramref name="path"/> has at least one document that reads (checked before a run that needs one).</summary>
    public static bool HasDocuments(string path, CancellationToken cancellationToken = default)
    {
        foreach (var item in DocumentSources.Read(Files(path), IngestOptions.Default, cancellationToken))
        {
            if (item.Document is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64;
    }

    private static List<StageTime> StoreTimes(Store.StoreClock? clock) =>
        clock is null ? [] : [.. Enum.GetValues<Store.StorePhase>().Select(p => new StageTime(StoreName(p), clock.Seconds(p)))];

    /// <summary>The name a store phase has in the bench's tables.</summary>
    public static string StoreName(Store.StorePhase phase) => phase switch
    {
        Store.StorePhase.Rows => "store rows",
        Store.StorePhase.Stories => "fusion: stories",
        Store.StorePhase.Events => "fusion: events",
        _ => "commit",
    };

    private static (int Documents, int Failed, long Bytes) Pass(BenchStage stage, IReadOnlyList<string> files, BenchOptions options, AnalysisPipeline? pipeline, StageClock? clock, Store.StoreClock? storeClock, CorpusCycle cycle, int workers, CancellationToken cancellationToken)
    {
        if (stage is BenchStage.Ingest or BenchStage.Fusion)
        {
            return Ingest(stage == BenchStage.Fusion, files, options, pipeline!, storeClock, cycle, workers, cancellationToken);
        }

        var documents = 0;
        var failed = 0;
        long bytes = 0;
        var items = Documents(files, options.Documents, cancellationToken, cycle);

        // the same ordered runner `code` and `ingest` use, so that the figures are theirs
        foreach (var (document, ok) in OrderedWorkers.Map(items, (item, token) => (item.Document, item.Document is { } d && Analyse(d, pipeline, clock, token)), pipeline is null ? 1 : workers, cancellationToken))
        {
            if (document is null)
            {
                failed++;
                continue;
            }

            documents++;
            bytes += Encoding.UTF8.GetByteCount(document.Text);
            if (!ok)
            {
                failed++;
            }
        }

        return (documents, failed, bytes);
    }

    /// <summary>The corpus analysed (documents that failed to read or analyse left out), for the store-alone passes.</summary>
    private static List<Document> Analysed(IReadOnlyList<string> files, int? limit, AnalysisPipeline pipeline, CorpusCycle cycle, int workers, CancellationToken cancellationToken) =>
        [.. OrderedWorkers.Map(Documents(files, limit, cancellationToken, cycle), (item, token) => item.Document is { } d && Analyse(d, pipeline, null, token) ? d : null, workers, cancellationToken)
            .OfType<Document>()];

    /// <summary>Stores analysed documents with fusion into a new store in the temporary folder (deleted after), in the batches ingest writes.</summary>
    private static (int Documents, int Failed, long Bytes) StoreHeld(List<Document> documents, Store.StoreClock? clock, Fusion.StoryOptions stories)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tacitus-bench-{Guid.NewGuid():N}.db");
        try
        {
            using var store = Tacitus.Store.DocumentStore.Open(path, stories: stories);
            store.Clock = clock;
            var failed = 0;
            foreach (var batch in documents.Chunk(Tacitus.Store.StoreIngestion.DefaultBatchSize))
            {
                failed += store.SaveBatch(batch).Failed.Count;
            }

            return (documents.Count - failed, failed, documents.Sum(d => (long)Encoding.UTF8.GetByteCount(d.Text)));
        }
        finally
        {
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    /// <summary>Reads, analyses and stores the corpus into a new store in the temporary folder (deleted after), fusing or not.</summary>
    private static (int Documents, int Failed, long Bytes) Ingest(bool fuse, IReadOnlyList<string> files, BenchOptions options, AnalysisPipeline pipeline, Store.StoreClock? clock, CorpusCycle cycle, int workers, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tacitus-bench-{Guid.NewGuid():N}.db");
        try
        {
            using var store = Store.DocumentStore.Open(path, stories: options.Stories, fuse: fuse);
            store.Clock = clock;
            var summary = new Store.StoreIngestion(store, pipeline, workers).Run(Documents(files, options.Documents, cancellationToken, cycle), cancellationToken: cancellationToken);
            return ((int)(summary.Read - summary.Failed), (int)summary.Failed, summary.TextBytes);
        }
        finally
        {
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    /// <summary>Analyses one document; false when a stage failed on it (counted as failed, the run goes on).</summary>
    private static bool Analyse(Document document, AnalysisPipeline? pipeline, StageClock? clock, CancellationToken cancellationToken)
    {
        try
        {
            if (clock is not null)
            {
                clock.Process(document, cancellationToken);
            }
            else
            {
                pipeline?.Process(document, cancellationToken);
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Days each copy's publication dates move on from the previous copy's, when a corpus is read again to reach --docs.</summary>
    public const int CopyShiftDays = 366;

    /// <summary>
    /// The corpus's documents, at most <paramref name="limit"/>. When the corpus has fewer, it is read again: copy k
    /// (k = 1, 2, …) of a document has k line breaks added to the end of its text (so a new content hash, a new id,
    /// and the same analysis) and its publication date, when it has one, moved k × <see cref="CopyShiftDays"/> days on;
    /// <paramref name="cycle"/> counts the readings.
    /// </summary>
    private static IEnumerable<IngestItem> Documents(IReadOnlyList<string> files, int? limit, CancellationToken cancellationToken, CorpusCycle? cycle = null)
    {
        var count = 0;
        for (var copy = 0; ; copy++)
        {
            var any = false;
            foreach (var item in DocumentSources.Read(files, IngestOptions.Default, cancellationToken))
            {
                if (limit is int n && count >= n)
                {
                    yield break;
                }

                any = true;
                count++;
                if (cycle is not null)
                {
                    cycle.Readings = Math.Max(cycle.Readings, copy + 1);
                }

                yield return copy == 0 ? item : Copy(item, copy);
            }

            if (limit is null || !any)
            {
                yield break;
            }
        }
    }

    private static IngestItem Copy(IngestItem item, int copy)
    {
        if (item.Document is not { } original)
        {
            return item;
        }

        var m = original.Metadata;
        var document = new Document(original.Text + new string('\n', copy), m with
        {
            Published = m.Published?.AddDays(CopyShiftDays * copy),
            Origin = $"{m.Origin} (copy {copy})",
            ExternalId = m.ExternalId is null ? null : $"{m.ExternalId}#copy{copy}",
        })
        {
            Language = original.Language,
        };
        document.Warnings.AddRange(original.Warnings);
        return IngestItem.Ok(document);
    }
}

/// <summary>How many times the bench read its corpus to reach the documents asked for (1: once, no copies).</summary>
internal sealed class CorpusCycle
{
    public int Readings { get; set; }
}
