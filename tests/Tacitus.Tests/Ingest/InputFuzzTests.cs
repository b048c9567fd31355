using System.Diagnostics;
using Tacitus.Ingest;
using Tacitus.Pipeline;
using Xunit.Abstractions;

namespace Tacitus.Tests.Ingest;

/// <summary>
/// The mutation fuzzer, bounded for CI: a fixed seed, about 20 seconds of cases over every input format (and the
/// small reproducers in Fixtures/fuzz), each read and analysed as a user's run would. No case may throw past the
/// readers and the analysis, take longer than its timeout, or allocate without bound. A failing case is written to
/// the temp folder named in the message: make it small, add it to Fixtures/fuzz, fix the bug.
/// </summary>
public sealed class InputFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261206;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);

    // The seeded mutator makes the same cases in the same order, so a fixed count keeps the test's verdict the same on
    // a fast machine and a slow one (which stops at the budget); raise it after fixing what the cases past it find.
    private const int MaxCases = 1200;
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(15);
    private const long MaxAllocatedPerCase = 512L * 1024 * 1024;

    [Fact]
    public async Task Fuzz_MutatedInputs_NoCrashNoHangBoundedMemory()
    {
        var seeds = InputMutator.Seeds().ToList();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "fuzz")))
        {
            if (new FileInfo(file).Length <= 4096 && !file.EndsWith(".md", StringComparison.Ordinal))
            {
                seeds.Add((Extension(file), File.ReadAllBytes(file)));
            }
        }

        var others = seeds.Select(s => s.Bytes).ToList();
        var mutator = new InputMutator(Seed);
        var pipeline = PipelineFactory.Create(new PipelineOptions { TimeBudget = TimeSpan.FromSeconds(10) });

        // The trained models load on first use (hundreds of MB once per process); warm them up so that the
        // allocation bound below measures what a case costs, not which case happened to come first.
        Assert.Null(pipeline.Analyse(new Documents.Document("The minister visited Paris on Monday.", new Documents.DocumentMetadata())));
        var options = new IngestOptions { MaxDocumentBytes = 1024 * 1024 };
        using var folder = new TempFolder();
        var clock = Stopwatch.StartNew();
        var cases = 0;
        var documents = 0;
        var errors = 0;
        while (cases < MaxCases && clock.Elapsed < Budget)
        {
            var (extension, bytes) = seeds[cases % seeds.Count];
            var mutated = mutator.Mutate(bytes, others);
            var path = folder.Write($"case-{cases:D5}{extension}", mutated);
            var run = Task.Run(() =>
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var (read, failed) = (0, 0);
                foreach (var item in DocumentSources.Read([path], options))
                {
                    if (item.Document is { } document && pipeline.Analyse(document) is null)
                    {
                        read++;
                    }
                    else
                    {
                        failed++;
                    }

                    if (GC.GetAllocatedBytesForCurrentThread() - before > MaxAllocatedPerCase)
                    {
                        throw new InvalidOperationException($"more than {MaxAllocatedPerCase:N0} bytes allocated");
                    }
                }

                return (read, failed);
            });

            var finished = await Task.WhenAny(run, Task.Delay(CaseTimeout)) == run && run.IsCompletedSuccessfully;
            if (!finished)
            {
                var kept = Keep(path);
                Assert.True(run.IsCompleted, $"case {cases} ({kept}) did not finish in {CaseTimeout.TotalSeconds} s");
                Assert.Fail($"case {cases} ({kept}) threw: {run.Exception?.InnerException}");
            }

            var (read, failed) = await run;
            documents += read;
            errors += failed;
            File.Delete(path);
            cases++;
        }

        output.WriteLine($"fuzz: seed {Seed}, {cases} cases over {seeds.Count} seeds in {clock.Elapsed.TotalSeconds:F1} s: {documents} documents analysed, {errors} coded errors");
        Assert.True(cases >= seeds.Count, $"only {cases} cases ran");
    }

    /// <summary>Copies a failing case out of the test's scratch folder, which is deleted.</summary>
    private static string Keep(string path)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "tacitus-fuzz-failures")).FullName;
        var kept = Path.Combine(folder, Path.GetFileName(path));
        File.Copy(path, kept, overwrite: true);
        return kept;
    }

    private static string Extension(string file)
    {
        var name = Path.GetFileName(file);
        return name.EndsWith(".warc.gz", StringComparison.Ordinal) ? ".warc.gz" : name.EndsWith(".jsonl.gz", StringComparison.Ordinal) ? ".jsonl.gz" : Path.GetExtension(name);
    }
}
