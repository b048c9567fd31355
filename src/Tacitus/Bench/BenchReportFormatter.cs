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
        BenchStage.Ingest => "ingest (analysis + store)",
        BenchStage.Fusion => "ingest + fusion",
        BenchStage.Store => "store + fusion alone",
        _ => "full analysis",
    };

    public static string ToMarkdown(IReadOnlyList<BenchResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("**First pass** (the headline: text the process has not read before, the date-time recogniser's caches empty; each stage's first row pays for compiling the code it runs first). ");
        sb.Append("CPU is processor time over all threads; waiting is time ready to run without a free core (Linux; high when other programs hold the cores); ");
        sb.Append("JIT is the clock time the runtime spent compiling methods, summed over threads (on a busy machine it includes waiting for a core and can exceed the CPU figure; the count of methods compiled is exact).\n\n");
        sb.Append("| stage | workers | documents | MB | first pass s | documents/s | MB/s | CPU ms / document | waiting for a core ms / document | JIT ms / document | methods compiled | KB allocated / document | peak working set MB | heap after MB |\n");
        sb.Append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var r in results)
        {
            var wait = r.FirstPassRunQueueWaitMillisecondsPerDocument is { } w ? w.ToString("F2", c) : "n/a";
            var mbps = r.FirstPassSeconds > 0 ? r.Megabytes / r.FirstPassSeconds : 0;
            sb.Append(c, $"| {StageName(r.Stage)} | {r.Workers} | {r.Documents} | {r.Megabytes:F2} | {r.FirstPassSeconds:F3} | {r.FirstPassDocumentsPerSecond:F0} | {mbps:F2} | {r.FirstPassProcessorMillisecondsPerDocument:F2} | {wait} | {r.FirstPassJitMillisecondsPerDocument:F2} | {r.FirstPassUsed.JitMethods} | {r.FirstPassKilobytesAllocatedPerDocument:F0} | {r.PeakWorkingSetBytes / 1_000_000.0:F0} | {r.HeapAfterBytes / 1_000_000.0:F0} |\n");
        }

        var processorRatios = FirstPassProcessorRatios(results).ToList();
        foreach (var (workers, ratio) in FirstPassRatios(results))
        {
            // wall time includes waiting for a core, which on a shared machine moves the short floor pass most; the
            // processor-time ratio is the one two runs minutes apart can be compared on
            var processor = RatioAt(processorRatios, workers);
            sb.Append(c, $"\nFirst pass, full analysis / read + segment, {workers} worker{(workers == 1 ? string.Empty : "s")}: {ratio:F1}× the time");
            sb.Append(processor is { } p ? string.Create(c, $", {p:F1}× the processor time.") : ".");
        }

        sb.Append("\n\n**Warmed** (repeat passes over the same text: code compiled, the recogniser's caches holding this text; not what new text gets).\n\n");
        sb.Append("| stage | workers | wall s (median) | runs (s) | documents/s | MB/s | CPU ms / document | waiting for a core ms / document | KB allocated / document | GC pause | lock contentions |\n");
        sb.Append("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var r in results)
        {
            var wait = r.RunQueueWaitMillisecondsPerDocument is { } w ? w.ToString("F2", c) : "n/a";
            sb.Append(c, $"| {StageName(r.Stage)} | {r.Workers} | {r.MedianSeconds:F3} | {string.Join(" ", r.Seconds.Select(s => s.ToString("F3", c)))} | {r.DocumentsPerSecond:F0} | {r.MegabytesPerSecond:F2} | {r.ProcessorMillisecondsPerDocument:F2} | {wait} | {r.KilobytesAllocatedPerDocument:F0} | {r.GcPauseShare:P1} | {r.Used.LockContentions} |\n");
        }

        var ratios = Ratios(results).ToList();
        if (ratios.Count > 0)
        {
            sb.Append('\n');
            foreach (var (workers, ratio) in ratios)
            {
                sb.Append(c, $"Warmed, full analysis / read + segment, {workers} worker{(workers == 1 ? string.Empty : "s")}: {ratio:F1}× the time.\n");
            }
        }

        AppendStageBreakdown(sb, results);
        AppendUnseen(sb, results);
        AppendStoreBreakdown(sb, results);
        if (results.Where(r => r.CorpusReadings > 1).Select(r => r.CorpusReadings).DefaultIfEmpty(0).Max() is var readings and > 1)
        {
            sb.Append(c, $"\nThe corpus has fewer documents than asked for: it was read {readings} times. Copy k (k = 1, 2, …) of each document has k line breaks added to its text (a new id, the same analysis) and its publication date, when it has one, moved k × {ThroughputRunner.CopyShiftDays} days later; documents without a date stay without one.\n");
        }
        return sb.ToString();
    }

    /// <summary>
    /// The <c>--unseen</c> corpus's two readings after the warmed passes: what new text costs once the code is compiled
    /// (the first reading over the second), and stage by stage when the stages were timed.
    /// </summary>
    private static void AppendUnseen(StringBuilder sb, IReadOnlyList<BenchResult> results)
    {
        var c = CultureInfo.InvariantCulture;
        var measured = results.Where(r => r.Unseen is not null).ToList();
        if (measured.Count == 0)
        {
            return;
        }

        var after = measured[0].Unseen!.AfterWarmedPasses ? "after the warmed passes" : "after the first pass (no warmed passes: --repeat 0)";
        sb.Append(c, $"\n**Warmed, unseen text** (`--unseen {measured[0].Unseen!.Path}`, {after}, with {measured[0].Workers} worker{(measured[0].Workers == 1 ? string.Empty : "s")}: one pass over text the process has not read, with the code the main corpus compiled, then the same text again; the difference is what new text costs, less whatever the first reading compiled: the methods compiled during each reading say how much of that there was).\n\n");
        sb.Append("| stage | workers | documents | unseen text CPU ms / document | same text again CPU ms / document | unseen / again | methods compiled, unseen / again | JIT ms / document, unseen / again | KB allocated / document, unseen / again |\n");
        sb.Append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var r in measured)
        {
            var u = r.Unseen!;
            var share = u.AgainMillisecondsPerDocument > 0 ? u.UnseenMillisecondsPerDocument / u.AgainMillisecondsPerDocument : 0;
            sb.Append(c, $"| {StageName(r.Stage)} | {r.Workers} | {u.Documents} | {u.UnseenMillisecondsPerDocument:F2} | {u.AgainMillisecondsPerDocument:F2} | {share:F2}× | {u.Unseen.JitMethods} / {u.Again.JitMethods} | {u.PerDocument(u.Unseen.Jit.TotalMilliseconds):F2} / {u.PerDocument(u.Again.Jit.TotalMilliseconds):F2} | {u.PerDocument(u.Unseen.Allocated / 1000.0):F0} / {u.PerDocument(u.Again.Allocated / 1000.0):F0} |\n");
        }

        if (measured.Sum(r => r.Unseen!.Failed) is var failed and > 0)
        {
            sb.Append(c, $"\n{failed} documents of the unseen corpus could not be read or analysed.\n");
        }

        var timed = measured.Where(r => r.Unseen!.UnseenStageTimes.Count > 0).ToList();
        if (timed.Count == 0)
        {
            return;
        }

        var clock = timed[0].Unseen!.UnseenStageTimes[0].ProcessorSeconds is null ? "wall time" : "processor time";
        sb.Append(c, $"\nTime per stage over the unseen corpus ({clock}, ms per document, per worker): its first reading, the same text again, and the difference.\n\n| stage |");
        foreach (var r in timed)
        {
            sb.Append(c, $" unseen, {r.Workers} worker{(r.Workers == 1 ? string.Empty : "s")} | again | difference |");
        }

        sb.Append("\n|---|");
        sb.Append(string.Concat(Enumerable.Repeat("---:|---:|---:|", timed.Count)));
        sb.Append('\n');
        var names = timed[0].Unseen!.UnseenStageTimes.Select(s => s.Stage).ToList();
        for (var i = 0; i < names.Count; i++)
        {
            sb.Append(c, $"| {names[i]} |");
            foreach (var r in timed)
            {
                var u = r.Unseen!;
                var first = u.MillisecondsPerDocument(u.UnseenStageTimes[i]);
                var again = u.MillisecondsPerDocument(u.AgainStageTimes[i]);
                sb.Append(c, $" {first:F3} | {again:F3} | {first - again:+0.000;-0.000;0.000} |");
            }

            sb.Append('\n');
        }
    }

    /// <summary>
    /// For ingest and fusion: the writer thread's processor time per document in each part of storing, and what the
    /// store (and fusion) add to the rest of the run (reading and analysis) in the same passes.
    /// </summary>
    private static void AppendStoreBreakdown(StringBuilder sb, IReadOnlyList<BenchResult> results)
    {
        var c = CultureInfo.InvariantCulture;
        var timed = results.Where(r => r.StoreTimes.Count > 0).ToList();
        if (timed.Count == 0)
        {
            return;
        }

        sb.Append(timed[0].WarmedPasses ? "\nStore and fusion, warmed passes" : "\nStore and fusion, the first pass (--repeat 0: no warmed passes)");
        sb.Append(": the writer thread's processor time per document in each part, and what it adds to the rest of the run's processor time (reading and analysis, same passes):\n\n| stage | workers |");
        foreach (var phase in timed[0].StoreTimes)
        {
            sb.Append(c, $" {phase.Stage} ms |");
        }

        sb.Append(" store total ms | rest of the run ms | added |\n|---|---:|");
        sb.Append(string.Concat(Enumerable.Repeat("---:|", timed[0].StoreTimes.Count + 3)));
        sb.Append('\n');
        foreach (var r in timed)
        {
            sb.Append(c, $"| {StageName(r.Stage)} | {r.Workers} |");
            foreach (var phase in r.StoreTimes)
            {
                sb.Append(c, $" {r.MillisecondsPerDocument(phase):F3} |");
            }

            // storing alone has no analysis in its passes to compare with
            sb.Append(r.Stage == BenchStage.Store
                ? string.Create(c, $" {r.StoreMillisecondsPerDocument:F3} | — | — |\n")
                : string.Create(c, $" {r.StoreMillisecondsPerDocument:F3} | {r.RestMillisecondsPerDocument:F3} | {r.StoreOverhead:P1} |\n"));
        }
    }

    /// <summary>
    /// One column per configuration timed stage by stage: milliseconds per document (the time one worker spends on a
    /// document in that stage) and the stage's share of the total.
    /// </summary>
    private static void AppendStageBreakdown(StringBuilder sb, IReadOnlyList<BenchResult> results)
    {
        var c = CultureInfo.InvariantCulture;
        var timed = results.Where(r => r.StageTimes.Count > 0).ToList();
        if (timed.Count == 0)
        {
            return;
        }

        sb.Append(timed[0].WarmedPasses ? "\nTime per stage, warmed passes" : "\nTime per stage, the first pass (--repeat 0: no warmed passes)");
        sb.Append(" (wall ms per document, per worker, and share of the analysis time), KB allocated per document, and processor ms per document (the worker threads' own clocks, which do not grow while other programs hold the cores):\n\n| stage |");
        foreach (var r in timed)
        {
            sb.Append(c, $" {StageName(r.Stage)}, {r.Workers} worker{(r.Workers == 1 ? string.Empty : "s")} | KB | CPU ms |");
        }

        sb.Append("\n|---|");
        sb.Append(string.Concat(Enumerable.Repeat("---:|---:|---:|", timed.Count)));
        sb.Append('\n');
        var names = timed[0].StageTimes.Select(s => s.Stage).ToList();
        for (var i = 0; i < names.Count; i++)
        {
            sb.Append(c, $"| {names[i]} |");
            foreach (var r in timed)
            {
                var total = r.StageTimes.Sum(s => s.Seconds);
                var stage = i < r.StageTimes.Count ? r.StageTimes[i] : new StageTime(names[i], 0);
                var cpu = r.StageProcessorMillisecondsPerDocument(stage) is { } p ? p.ToString("F3", c) : "n/a";
                sb.Append(c, $" {r.MillisecondsPerDocument(stage):F3} ({(total > 0 ? stage.Seconds / total : 0):P0}) | {r.KilobytesPerDocument(stage):F0} | {cpu} |");
            }

            sb.Append('\n');
        }

        sb.Append("| all stages |");
        foreach (var r in timed)
        {
            var all = new StageTime("all", r.StageTimes.Sum(s => s.Seconds), r.StageTimes.Sum(s => s.AllocatedBytes))
            {
                ProcessorSeconds = r.StageTimes.All(s => s.ProcessorSeconds is not null) ? r.StageTimes.Sum(s => s.ProcessorSeconds ?? 0) : null,
            };
            var cpu = r.StageProcessorMillisecondsPerDocument(all) is { } p ? p.ToString("F3", c) : "n/a";
            sb.Append(c, $" {r.MillisecondsPerDocument(all):F3} | {r.KilobytesPerDocument(all):F0} | {cpu} |");
        }

        sb.Append('\n');
        foreach (var r in timed)
        {
            if (r.StageTimes.FirstOrDefault(s => s.Stage == "syntax") is { Tokens: > 0 } syntax)
            {
                sb.Append(c, $"\nsyntax (tagger + lemmatiser + parser), {StageName(r.Stage)}, {r.Workers} worker{(r.Workers == 1 ? string.Empty : "s")}: {syntax.TokensPerSecond:F0} tokens/s per worker ({syntax.Tokens} tokens).\n");
            }
        }
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

    /// <summary>First-pass wall time of the full analysis over read + segment, for each worker count measured with both.</summary>
    public static IEnumerable<(int Workers, double Ratio)> FirstPassRatios(IReadOnlyList<BenchResult> results) =>
        FirstPassRatiosOf(results, r => r.FirstPassSeconds);

    /// <summary>
    /// First-pass processor time per document of the full analysis over read + segment's, for each worker count measured
    /// with both: unlike the wall ratio, it does not count the time the process waited for a core.
    /// </summary>
    public static IEnumerable<(int Workers, double Ratio)> FirstPassProcessorRatios(IReadOnlyList<BenchResult> results) =>
        FirstPassRatiosOf(results, r => r.FirstPassProcessorMillisecondsPerDocument);

    private static IEnumerable<(int Workers, double Ratio)> FirstPassRatiosOf(IReadOnlyList<BenchResult> results, Func<BenchResult, double> measure)
    {
        ArgumentNullException.ThrowIfNull(results);
        foreach (var full in results.Where(r => r.Stage == BenchStage.Full && measure(r) > 0))
        {
            var floor = results.FirstOrDefault(r => r.Stage == BenchStage.Segment && r.Workers == full.Workers);
            if (floor is not null && measure(floor) > 0)
            {
                yield return (full.Workers, measure(full) / measure(floor));
            }
        }
    }

    /// <summary>The ratio of the first entry for <paramref name="workers"/> workers, or null when none was measured.</summary>
    private static double? RatioAt(List<(int Workers, double Ratio)> ratios, int workers)
    {
        foreach (var (measured, ratio) in ratios)
        {
            if (measured == workers)
            {
                return ratio;
            }
        }

        return null;
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
                w.WriteNumber("corpus_readings", r.CorpusReadings);
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
                w.WriteNumber("heap_after_mb", Math.Round(r.HeapAfterBytes / 1_000_000.0, 1));
                w.WriteNumber("first_pass_seconds", Math.Round(r.FirstPassSeconds, 4));
                w.WriteNumber("first_pass_documents_per_second", Math.Round(r.FirstPassDocumentsPerSecond, 1));
                w.WriteNumber("first_pass_cpu_ms_per_document", Math.Round(r.FirstPassProcessorMillisecondsPerDocument, 3));
                w.WriteNumber("first_pass_kb_allocated_per_document", Math.Round(r.FirstPassKilobytesAllocatedPerDocument, 1));
                w.WriteNumber("first_pass_jit_ms_per_document", Math.Round(r.FirstPassJitMillisecondsPerDocument, 3));
                w.WriteNumber("first_pass_jit_methods", r.FirstPassUsed.JitMethods);
                w.WriteNumber("cpu_ms_per_document", Math.Round(r.ProcessorMillisecondsPerDocument, 3));
                if (r.RunQueueWaitMillisecondsPerDocument is { } wait)
                {
                    w.WriteNumber("run_queue_wait_ms_per_document", Math.Round(wait, 3));
                }

                w.WriteNumber("kb_allocated_per_document", Math.Round(r.KilobytesAllocatedPerDocument, 1));
                w.WriteNumber("gc_pause_share", Math.Round(r.GcPauseShare, 4));
                w.WriteNumber("gc_collections", r.Used.Collections);
                w.WriteNumber("lock_contentions", r.Used.LockContentions);
                if (r.StoreTimes.Count > 0)
                {
                    w.WriteStartArray("store");
                    foreach (var s in r.StoreTimes)
                    {
                        w.WriteStartObject();
                        w.WriteString("part", s.Stage);
                        w.WriteNumber("ms_per_document", Math.Round(r.MillisecondsPerDocument(s), 4));
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteNumber("store_ms_per_document", Math.Round(r.StoreMillisecondsPerDocument, 4));
                    w.WriteNumber("rest_ms_per_document", Math.Round(r.RestMillisecondsPerDocument, 4));
                    w.WriteNumber("store_overhead", Math.Round(r.StoreOverhead, 4));
                }

                if (r.Unseen is { } unseen)
                {
                    w.WriteStartObject("unseen");
                    w.WriteString("corpus", unseen.Path);
                    w.WriteNumber("documents", unseen.Documents);
                    w.WriteNumber("cpu_ms_per_document", Math.Round(unseen.UnseenMillisecondsPerDocument, 3));
                    w.WriteNumber("again_cpu_ms_per_document", Math.Round(unseen.AgainMillisecondsPerDocument, 3));
                    w.WriteNumber("kb_allocated_per_document", Math.Round(unseen.PerDocument(unseen.Unseen.Allocated / 1000.0), 1));
                    w.WriteNumber("again_kb_allocated_per_document", Math.Round(unseen.PerDocument(unseen.Again.Allocated / 1000.0), 1));
                    w.WriteNumber("failed", unseen.Failed);
                    w.WriteBoolean("after_warmed_passes", unseen.AfterWarmedPasses);
                    w.WriteNumber("jit_methods", unseen.Unseen.JitMethods);
                    w.WriteNumber("again_jit_methods", unseen.Again.JitMethods);
                    w.WriteNumber("jit_ms_per_document", Math.Round(unseen.PerDocument(unseen.Unseen.Jit.TotalMilliseconds), 3));
                    w.WriteNumber("again_jit_ms_per_document", Math.Round(unseen.PerDocument(unseen.Again.Jit.TotalMilliseconds), 3));
                    if (unseen.UnseenStageTimes.Count > 0)
                    {
                        // the stage table's figures: each reading's ms per document (processor time where it was read)
                        w.WriteStartArray("stages");
                        for (var i = 0; i < unseen.UnseenStageTimes.Count; i++)
                        {
                            w.WriteStartObject();
                            w.WriteString("stage", unseen.UnseenStageTimes[i].Stage);
                            w.WriteString("clock", unseen.UnseenStageTimes[i].ProcessorSeconds is null ? "wall" : "processor");
                            w.WriteNumber("ms_per_document", Math.Round(unseen.MillisecondsPerDocument(unseen.UnseenStageTimes[i]), 4));
                            w.WriteNumber("again_ms_per_document", Math.Round(unseen.MillisecondsPerDocument(unseen.AgainStageTimes[i]), 4));
                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                    }

                    w.WriteEndObject();
                }

                if (r.StageTimes.Count > 0)
                {
                    w.WriteStartArray("stages");
                    foreach (var s in r.StageTimes)
                    {
                        w.WriteStartObject();
                        w.WriteString("stage", s.Stage);
                        w.WriteNumber("ms_per_document", Math.Round(r.MillisecondsPerDocument(s), 4));
                        w.WriteNumber("seconds", Math.Round(s.Seconds, 4));
                        w.WriteNumber("kb_allocated_per_document", Math.Round(r.KilobytesPerDocument(s), 1));
                        if (r.StageProcessorMillisecondsPerDocument(s) is { } cpu)
                        {
                            w.WriteNumber("cpu_ms_per_document", Math.Round(cpu, 4));
                        }

                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("ratios");
            var firstRatios = FirstPassRatios(results).ToList();
            var processorRatios = FirstPassProcessorRatios(results).ToList();
            foreach (var (workers, ratio) in Ratios(results))
            {
                w.WriteStartObject();
                w.WriteNumber("workers", workers);
                w.WriteNumber("full_over_segment", Math.Round(ratio, 2));
                if (RatioAt(firstRatios, workers) is { } f)
                {
                    w.WriteNumber("first_pass_full_over_segment", Math.Round(f, 2));
                }

                if (RatioAt(processorRatios, workers) is { } p)
                {
                    w.WriteNumber("first_pass_processor_full_over_segment", Math.Round(p, 2));
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
