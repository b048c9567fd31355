using System.Text;
using Tacitus.Bench;
using Tacitus.Tests.Eval;

namespace Tacitus.Tests.Bench;

[Collection(Tacitus.Tests.Mentions.Time.RecognizerCacheCollection.Name)]
public class ThroughputRunnerTests
{
    [Theory]
    [InlineData(BenchStage.Read)]
    [InlineData(BenchStage.Segment)]
    [InlineData(BenchStage.Full)]
    public void Run_SmallFolder_CountsDocumentsAndBytes(BenchStage stage)
    {
        using var folder = new EvalFixtures.TempFolder();
        folder.Write("a.txt", "Port opens.\n\nShips arrive on Monday.");
        folder.Write("sub/b.txt", "Café closes.");
        folder.Write(".hidden/c.txt", "not read");
        folder.Write(".DS_Store", "not read");

        var result = Assert.Single(ThroughputRunner.Run(new BenchOptions { Path = folder.FolderPath, Stages = [stage], Workers = [1], Repeat = 3 }));

        Assert.Equal(2, result.Documents);
        Assert.Equal(Encoding.UTF8.GetByteCount("Port opens.\n\nShips arrive on Monday.") + Encoding.UTF8.GetByteCount("Café closes."), result.Bytes);
        Assert.Equal(3, result.Seconds.Count);
        Assert.True(result.PeakWorkingSetBytes > 0);
        Assert.InRange(result.HeapAfterBytes, 1, result.PeakWorkingSetBytes); // what the pass left live, within the process's peak
    }

    [Fact]
    public void Run_DocsLimitAndWorkers_RespectsBoth()
    {
        using var folder = new EvalFixtures.TempFolder();
        for (var i = 0; i < 5; i++)
        {
            folder.Write($"{i}.txt", $"Story {i} is short.");
        }

        var results = ThroughputRunner.Run(new BenchOptions { Path = folder.FolderPath, Documents = 3, Stages = [BenchStage.Segment, BenchStage.Full], Workers = [1, 2], Repeat = 1 }).ToList();

        Assert.Equal(4, results.Count);
        Assert.All(results, r => Assert.Equal(3, r.Documents));
        Assert.Equal([1, 2, 1, 2], results.Select(r => r.Workers));
    }

    [Fact]
    public void Run_FusionWithMoreDocsThanTheCorpus_ReadsItAgainAsNewDocumentsAndTimesTheStore()
    {
        using var folder = new EvalFixtures.TempFolder();
        folder.Write("a.txt", "Norland troops attacked a border post near Velmar on Monday, killing three guards.");
        folder.Write("b.txt", "Ministers of Norland and Velmar met in Ostrava on Friday to discuss the border.");

        var result = Assert.Single(ThroughputRunner.Run(new BenchOptions { Path = folder.FolderPath, Documents = 5, Stages = [BenchStage.Fusion], Workers = [1], Repeat = 1 }));

        Assert.Equal(5, result.Documents);
        Assert.Equal(0, result.Failed);
        Assert.Equal(3, result.CorpusReadings);
        Assert.Equal(["store rows", "fusion: stories", "fusion: events", "commit"], result.StoreTimes.Select(t => t.Stage));
        Assert.True(result.StoreTimes[0].Seconds > 0);
        Assert.Contains("it was read 3 times", BenchReportFormatter.ToMarkdown([result]), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FusionRepeatZero_FirstPassAloneIsTheRun()
    {
        using var folder = new EvalFixtures.TempFolder();
        folder.Write("a.txt", "Norland troops attacked a border post near Velmar on Monday, killing three guards.");

        var result = Assert.Single(ThroughputRunner.Run(new BenchOptions { Path = folder.FolderPath, Documents = 3, Stages = [BenchStage.Fusion], Workers = [1], Repeat = 0 }));

        Assert.Equal(3, result.Documents);
        Assert.Equal(3, result.CorpusReadings);
        Assert.Equal(result.FirstPassSeconds, Assert.Single(result.Seconds));
        Assert.True(result.StoreTimes[0].Seconds > 0);
    }

    [Fact]
    public void Run_StoreAlone_StoresTheHeldAnalysisEachPassAndTimesOnlyTheStore()
    {
        using var folder = new EvalFixtures.TempFolder();
        folder.Write("a.txt", "Norland troops attacked a border post near Velmar on Monday, killing three guards.");
        folder.Write("b.txt", "Ministers of Norland and Velmar met in Ostrava on Friday to discuss the border.");

        var result = Assert.Single(ThroughputRunner.Run(new BenchOptions { Path = folder.FolderPath, Stages = [BenchStage.Store], Workers = [1], Repeat = 2 }));
        var table = BenchReportFormatter.ToMarkdown([result]);

        Assert.Equal(2, result.Documents);
        Assert.Equal(0, result.Failed);
        Assert.Equal(2, result.Seconds.Count);
        Assert.Equal(["store rows", "fusion: stories", "fusion: events", "commit"], result.StoreTimes.Select(t => t.Stage));
        Assert.True(result.StoreTimes[0].Seconds > 0);
        Assert.Contains("| store + fusion alone | 1 |", table, StringComparison.Ordinal);
        Assert.Contains(" | — | — |", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Ratios_FullOverSegment_PerWorkerCount()
    {
        BenchResult[] results =
        [
            new(BenchStage.Segment, 1, 10, 0, 1000, [1.0, 2.0, 3.0], 1),
            new(BenchStage.Full, 1, 10, 0, 1000, [8.0, 10.0, 30.0], 1),
        ];

        var (workers, ratio) = Assert.Single(BenchReportFormatter.Ratios(results));

        Assert.Equal(1, workers);
        Assert.Equal(5.0, ratio, 9);
        Assert.Equal(5.0, results[0].DocumentsPerSecond, 9);
        Assert.Contains("5.0× the time", BenchReportFormatter.ToMarkdown(results), StringComparison.Ordinal);
        Assert.Contains("\"full_over_segment\": 5", BenchReportFormatter.ToJson("x", results), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Run_StageBreakdown_TimesEveryStageInPipelineOrder(int workers)
    {
        using var folder = new EvalFixtures.TempFolder();
        for (var i = 0; i < 4; i++)
        {
            folder.Write($"{i}.txt", $"Title: Port story {i}\nPublished: 2020-03-0{i + 1}\n\nThe minister said on Monday that the port of Harwich would reopen in {2020 + i}.");
        }

        var result = Assert.Single(ThroughputRunner.Run(new BenchOptions { Path = folder.FolderPath, Stages = [BenchStage.Full], Workers = [workers], Repeat = 2, StageBreakdown = true }));

        Assert.Equal(Tacitus.Pipeline.PipelineFactory.Create().Stages.Select(s => s.Name), result.StageTimes.Select(s => s.Stage));
        Assert.Contains(result.StageTimes, s => s.Stage == "times" && s.Seconds > 0 && s.AllocatedBytes > 0);
        if (ThreadClock.IsProcessorTime)
        {
            Assert.All(result.StageTimes, s => Assert.NotNull(s.ProcessorSeconds));
            Assert.True(result.StageTimes.Sum(s => s.ProcessorSeconds ?? 0) > 0);
        }
        Assert.True(result.FirstPassSeconds > 0);
        Assert.True(result.ProcessorMillisecondsPerDocument > 0);
        var markdown = BenchReportFormatter.ToMarkdown([result]);
        Assert.Contains("| times |", markdown, StringComparison.Ordinal);
        Assert.Contains("| all stages |", markdown, StringComparison.Ordinal);
        Assert.Contains("\"ms_per_document\"", BenchReportFormatter.ToJson("x", [result]), StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_FirstPassAndWarmed_FirstPassIsTheHeadlineAndWarmedIsLabelled()
    {
        BenchResult[] results =
        [
            new(BenchStage.Segment, 1, 100, 0, 1000, [0.5], 1) { FirstPassSeconds = 1.0 },
            new(BenchStage.Full, 1, 100, 0, 1000, [2.0], 1) { FirstPassSeconds = 4.0, FirstPassUsed = new ProcessUsage(TimeSpan.FromSeconds(3), 50_000_000, TimeSpan.Zero, 0, 0, null) },
        ];

        var markdown = BenchReportFormatter.ToMarkdown(results);

        Assert.True(markdown.IndexOf("**First pass**", StringComparison.Ordinal) < markdown.IndexOf("**Warmed**", StringComparison.Ordinal));
        Assert.Contains("| full analysis | 1 | 100 | 0.00 | 4.000 | 25 | 0.00 | 30.00 | n/a | 0.00 | 0 | 500 |", markdown, StringComparison.Ordinal);
        Assert.Contains("First pass, full analysis / read + segment, 1 worker: 4.0× the time.", markdown, StringComparison.Ordinal);
        Assert.Contains("Warmed, full analysis / read + segment, 1 worker: 4.0× the time.", markdown, StringComparison.Ordinal);
        Assert.Contains("\"first_pass_full_over_segment\": 4", BenchReportFormatter.ToJson("x", results), StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_FloorAndFullWithProcessorTime_ProcessorRatioBesideTheWallRatio()
    {
        // the floor waited for a core (1 s wall, 0.1 s of processor time); the analysis did not (3 s wall, 2 s)
        BenchResult[] results =
        [
            new(BenchStage.Segment, 1, 100, 0, 1000, [0.5], 1) { FirstPassSeconds = 1.0, FirstPassUsed = new ProcessUsage(TimeSpan.FromSeconds(0.1), 0, TimeSpan.Zero, 0, 0, null) },
            new(BenchStage.Full, 1, 100, 0, 1000, [2.0], 1) { FirstPassSeconds = 3.0, FirstPassUsed = new ProcessUsage(TimeSpan.FromSeconds(2), 0, TimeSpan.Zero, 0, 0, null) },
        ];

        Assert.Contains("First pass, full analysis / read + segment, 1 worker: 3.0× the time, 20.0× the processor time.", BenchReportFormatter.ToMarkdown(results), StringComparison.Ordinal);
        Assert.Contains("\"first_pass_processor_full_over_segment\": 20", BenchReportFormatter.ToJson("x", results), StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_FirstPassCompiledMethods_JitTimePerDocumentAndMethodsShown()
    {
        BenchResult[] results =
        [
            new(BenchStage.Full, 1, 100, 0, 1000, [2.0], 1) { FirstPassSeconds = 4.0, FirstPassUsed = new ProcessUsage(TimeSpan.FromSeconds(3), 0, TimeSpan.Zero, 0, 0, null, TimeSpan.FromSeconds(1.5), 1200) },
        ];

        Assert.Contains("| 30.00 | n/a | 15.00 | 1200 | 0 |", BenchReportFormatter.ToMarkdown(results), StringComparison.Ordinal);
        var json = BenchReportFormatter.ToJson("x", results);
        Assert.Contains("\"first_pass_jit_ms_per_document\": 15", json, StringComparison.Ordinal);
        Assert.Contains("\"first_pass_jit_methods\": 1200", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnseenCorpus_ReadsItTwiceWholeAfterTheWarmedPassesWithItsStageTimes()
    {
        using var folder = new EvalFixtures.TempFolder();
        folder.Write("seen/a.txt", "The minister said on Monday that the port of Harwich would reopen.");
        for (var i = 0; i < 3; i++)
        {
            folder.Write($"new/{i}.txt", $"Ships arrived at the port of Dover on Friday, the agency said in {2020 + i}.");
        }

        // --docs limits the main corpus (cycled to 2) but not the unseen one, which is read once, whole
        var result = Assert.Single(ThroughputRunner.Run(new BenchOptions
        {
            Path = Path.Combine(folder.FolderPath, "seen"), Documents = 2, Stages = [BenchStage.Full], Workers = [1], Repeat = 1, StageBreakdown = true,
            Unseen = Path.Combine(folder.FolderPath, "new"),
        }));

        var unseen = Assert.IsType<UnseenResult>(result.Unseen);
        Assert.Equal(2, result.Documents);
        Assert.Equal(3, unseen.Documents);
        Assert.True(unseen.Unseen.Processor > TimeSpan.Zero && unseen.Again.Processor > TimeSpan.Zero);
        Assert.Equal(result.StageTimes.Select(s => s.Stage), unseen.UnseenStageTimes.Select(s => s.Stage));
        Assert.Equal(result.StageTimes.Select(s => s.Stage), unseen.AgainStageTimes.Select(s => s.Stage));
        Assert.Contains(unseen.UnseenStageTimes, s => s.Stage == "tags" && s.Seconds > 0);
        // the warmed passes' stage times are their own, not the unseen corpus's: 2 documents' worth of tokens a pass
        Assert.Equal(unseen.UnseenStageTimes.Single(s => s.Stage == "tags").Tokens, unseen.AgainStageTimes.Single(s => s.Stage == "tags").Tokens);
        Assert.NotEqual(unseen.UnseenStageTimes.Single(s => s.Stage == "tags").Tokens, result.StageTimes.Single(s => s.Stage == "tags").Tokens);
    }

    [Fact]
    public void Run_UnseenWithTwoWorkerSettings_ReadOnlyWithTheFirst()
    {
        using var folder = new EvalFixtures.TempFolder();
        folder.Write("seen/a.txt", "The minister said on Monday that the port of Harwich would reopen.");
        folder.Write("new/b.txt", "Ships arrived at the port of Dover on Friday, the agency said.");

        var results = ThroughputRunner.Run(new BenchOptions
        {
            Path = Path.Combine(folder.FolderPath, "seen"), Stages = [BenchStage.Full], Workers = [1, 2], Repeat = 1,
            Unseen = Path.Combine(folder.FolderPath, "new"),
        }).ToList();

        // the second setting would read text already read, and its own first pass would come after it
        Assert.Equal([1, 2], results.Select(r => r.Workers));
        Assert.Equal(1, Assert.IsType<UnseenResult>(results[0].Unseen).Documents);
        Assert.Null(results[1].Unseen);
    }

    [Fact]
    public void Run_UnseenCorpusWithAnUnreadableDocument_CountsItFailed()
    {
        using var folder = new EvalFixtures.TempFolder();
        folder.Write("seen/a.txt", "The minister said on Monday that the port of Harwich would reopen.");
        folder.Write("new/b.txt", "Ships arrived at the port of Dover on Friday, the agency said.");
        folder.Write("new/empty.txt", string.Empty);

        var result = Assert.Single(ThroughputRunner.Run(new BenchOptions
        {
            Path = Path.Combine(folder.FolderPath, "seen"), Stages = [BenchStage.Full], Workers = [1], Repeat = 1,
            Unseen = Path.Combine(folder.FolderPath, "new"),
        }));

        var unseen = Assert.IsType<UnseenResult>(result.Unseen);
        Assert.Equal(0, result.Failed);
        Assert.Equal(1, unseen.Failed);
        Assert.Contains("1 documents of the unseen corpus could not be read or analysed", BenchReportFormatter.ToMarkdown([result]), StringComparison.Ordinal);
        Assert.Contains("\"failed\": 1", BenchReportFormatter.ToJson("x", [result]), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnseenWithRepeatZero_SaysItCameAfterTheFirstPass()
    {
        using var folder = new EvalFixtures.TempFolder();
        folder.Write("seen/a.txt", "The minister said on Monday that the port of Harwich would reopen.");
        folder.Write("new/b.txt", "Ships arrived at the port of Dover on Friday, the agency said.");

        var result = Assert.Single(ThroughputRunner.Run(new BenchOptions
        {
            Path = Path.Combine(folder.FolderPath, "seen"), Stages = [BenchStage.Full], Workers = [1], Repeat = 0,
            Unseen = Path.Combine(folder.FolderPath, "new"),
        }));

        Assert.False(Assert.IsType<UnseenResult>(result.Unseen).AfterWarmedPasses);
        var markdown = BenchReportFormatter.ToMarkdown([result]);
        Assert.Contains("after the first pass (no warmed passes", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("after the warmed passes", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("Ships arrived at the port.", true)]
    public void HasDocuments_FileEmptyOrNot_TrueOnlyWithADocument(string text, bool expected)
    {
        using var folder = new EvalFixtures.TempFolder();
        folder.Write("a.txt", text);

        Assert.Equal(expected, ThroughputRunner.HasDocuments(Path.Combine(folder.FolderPath, "a.txt")));
    }

    [Fact]
    public void HasDocuments_EmptyFolder_False()
    {
        using var folder = new EvalFixtures.TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.FolderPath, "none"));

        Assert.False(ThroughputRunner.HasDocuments(Path.Combine(folder.FolderPath, "none")));
    }

    [Fact]
    public void Run_UnseenWithoutFullAnalysis_NoUnseenPasses()
    {
        using var folder = new EvalFixtures.TempFolder();
        folder.Write("a.txt", "Port opens.");

        var result = Assert.Single(ThroughputRunner.Run(new BenchOptions { Path = folder.FolderPath, Stages = [BenchStage.Segment], Workers = [1], Repeat = 1, Unseen = folder.FolderPath }));

        Assert.Null(result.Unseen);
        Assert.DoesNotContain("unseen", BenchReportFormatter.ToMarkdown([result]), StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_UnseenResult_RowWithBothReadingsTheirRatioAndStageDifferences()
    {
        BenchResult[] results =
        [
            new(BenchStage.Full, 1, 100, 0, 1000, [2.0], 1)
            {
                FirstPassSeconds = 4.0,
                StageTimes = [new StageTime("tags", 0.1)],
                Unseen = new UnseenResult("other", 50, new ProcessUsage(TimeSpan.FromSeconds(0.15), 10_000_000, TimeSpan.Zero, 0, 0, null), new ProcessUsage(TimeSpan.FromSeconds(0.1), 9_000_000, TimeSpan.Zero, 0, 0, null))
                {
                    UnseenStageTimes = [new StageTime("tags", 0.06)],
                    AgainStageTimes = [new StageTime("tags", 0.05)],
                },
            },
        ];

        var markdown = BenchReportFormatter.ToMarkdown(results);

        Assert.Contains("**Warmed, unseen text** (`--unseen other`", markdown, StringComparison.Ordinal);
        Assert.Contains("| full analysis | 1 | 50 | 3.00 | 2.00 | 1.50× | 0 / 0 | 0.00 / 0.00 | 200 / 180 |", markdown, StringComparison.Ordinal);
        Assert.Contains("unseen corpus (wall time,", markdown, StringComparison.Ordinal);
        Assert.Contains("| tags | 1.200 | 1.000 | +0.200 |", markdown, StringComparison.Ordinal);
        var json = BenchReportFormatter.ToJson("x", results);
        Assert.Contains("\"again_cpu_ms_per_document\": 2", json, StringComparison.Ordinal);
        using var parsed = System.Text.Json.JsonDocument.Parse(json);
        var stage = Assert.Single(parsed.RootElement.GetProperty("runs")[0].GetProperty("unseen").GetProperty("stages").EnumerateArray());
        Assert.Equal(("tags", "wall", 1.2, 1.0), (stage.GetProperty("stage").GetString(), stage.GetProperty("clock").GetString(), stage.GetProperty("ms_per_document").GetDouble(), stage.GetProperty("again_ms_per_document").GetDouble()));
        Assert.Contains("\"cpu_ms_per_document\": 3", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_StagesWithProcessorTime_UnseenTableReadsProcessorTimeAndWarmedTableShowsItBesideWall()
    {
        BenchResult[] results =
        [
            new(BenchStage.Full, 1, 10, 0, 1000, [1.0], 1)
            {
                StageTimes = [new StageTime("tags", 0.4) { ProcessorSeconds = 0.1 }],
                Unseen = new UnseenResult("other", 10, default, default)
                {
                    // wall time doubled by waiting for a core; the processor time is what the table reads
                    UnseenStageTimes = [new StageTime("tags", 0.9) { ProcessorSeconds = 0.03 }],
                    AgainStageTimes = [new StageTime("tags", 0.5) { ProcessorSeconds = 0.02 }],
                },
            },
        ];

        var markdown = BenchReportFormatter.ToMarkdown(results);

        Assert.Contains("| tags | 40.000 (100 %) | 0 | 10.000 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| all stages | 40.000 | 0 | 10.000 |", markdown, StringComparison.Ordinal);
        Assert.Contains("unseen corpus (processor time,", markdown, StringComparison.Ordinal);
        Assert.Contains("| tags | 3.000 | 2.000 | +1.000 |", markdown, StringComparison.Ordinal);
        Assert.Contains("\"cpu_ms_per_document\": 10", BenchReportFormatter.ToJson("x", results), StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_UnseenReadingsCompiledMethods_ShownForEachReading()
    {
        BenchResult[] results =
        [
            new(BenchStage.Full, 1, 10, 0, 1000, [1.0], 1)
            {
                Unseen = new UnseenResult("other", 10,
                    new ProcessUsage(TimeSpan.FromSeconds(0.1), 0, TimeSpan.Zero, 0, 0, null, TimeSpan.FromMilliseconds(20), 37),
                    new ProcessUsage(TimeSpan.FromSeconds(0.1), 0, TimeSpan.Zero, 0, 0, null, TimeSpan.Zero, 2)),
            },
        ];

        var markdown = BenchReportFormatter.ToMarkdown(results);

        // a user can see that the first reading compiled paths the main corpus never reached
        Assert.Contains("| 1.00× | 37 / 2 | 2.00 / 0.00 |", markdown, StringComparison.Ordinal);
        Assert.Contains("\"jit_methods\": 37", BenchReportFormatter.ToJson("x", results), StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_NoBreakdown_NoStageTable()
    {
        BenchResult[] results = [new(BenchStage.Full, 1, 10, 0, 1000, [1.0], 1)];

        Assert.DoesNotContain("Time per stage", BenchReportFormatter.ToMarkdown(results), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "Time per stage, warmed passes (wall ms")]
    [InlineData(false, "Time per stage, the first pass (--repeat 0: no warmed passes) (wall ms")]
    public void ToMarkdown_StageTable_SaysWhichPassItHolds(bool warmed, string heading)
    {
        BenchResult[] results = [new(BenchStage.Full, 1, 10, 0, 1000, [1.0], 1) { StageTimes = [new StageTime("tags", 0.1)], WarmedPasses = warmed }];

        var markdown = BenchReportFormatter.ToMarkdown(results);

        Assert.Contains(heading, markdown, StringComparison.Ordinal);
        Assert.Equal(warmed, markdown.Contains("warmed passes (wall ms", StringComparison.Ordinal));
    }

    [Fact]
    public void MillisecondsPerDocument_StageTotalOverRunsAndDocuments()
    {
        var result = new BenchResult(BenchStage.Full, 2, 10, 0, 1000, [1.0, 1.0], 1) { StageTimes = [new StageTime("times", 0.4, 2_000_000)] };

        Assert.Equal(20.0, result.MillisecondsPerDocument(result.StageTimes[0]), 9);
        Assert.Equal(100.0, result.KilobytesPerDocument(result.StageTimes[0]), 9);
    }

    [Fact]
    public void Files_MissingPath_Throws() =>
        Assert.Throws<FileNotFoundException>(() => ThroughputRunner.Files("/no/such/corpus"));
}
