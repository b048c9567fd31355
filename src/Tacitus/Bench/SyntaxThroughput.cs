using System.Diagnostics;
using Tacitus.Documents;
using Tacitus.Ingest;
using Tacitus.Pipeline;
using Tacitus.Syntax;
using Tacitus.Syntax.Entities;

namespace Tacitus.Bench;

/// <summary>
/// <c>tacitus bench --stage syntax</c>: the token layer's models on one thread (one core), each timed on its own. The
/// corpus is read and segmented first (not timed) and kept in memory; the shipped models are loaded (timed apart);
/// then a first pass (code still compiling) and <c>repeat</c> warmed passes run the tagger, the parser, the lemmas
/// and records of the layer, and the entity recogniser over every sentence, each phase timed by the thread's
/// processor time (<see cref="ThreadClock"/>), which other programs on the machine do not inflate.
/// </summary>
internal static class SyntaxThroughput
{
    public static SyntaxBenchResult Run(string path, int? limit, int repeat, CancellationToken cancellationToken = default)
    {
        var documents = Segmented(path, limit, cancellationToken);
        var load = Stopwatch.StartNew();
        var loadCpu = ThreadClock.Now();
        var models = SyntaxModels.Shipped;
        var entities = new EntityRecognizer(() => EntityModel.Shipped);
        _ = EntityModel.Shipped;
        var loaded = new SyntaxPassTimes(0, 0, 0, ThreadClock.Now() - loadCpu, (long)(load.Elapsed.TotalMilliseconds * 1e6), 0);
        var annotator = new SyntaxAnnotator(models);
        var first = Pass(documents, annotator, entities, cancellationToken);
        var warmed = new SyntaxPassTimes(0, 0, 0, 0, 0, 0);
        for (var r = 0; r < Math.Max(1, repeat); r++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            warmed += Pass(documents, annotator, entities, cancellationToken);
        }

        return new SyntaxBenchResult(documents.Count, documents.Sum(d => (long)d.Tokens.Count), documents.Sum(d => (long)d.Sentences.Count),
            documents.Sum(d => (long)System.Text.Encoding.UTF8.GetByteCount(d.Text)), loaded, first, warmed, Math.Max(1, repeat), ThreadClock.IsProcessorTime);
    }

    private static SyntaxPassTimes Pass(List<Document> documents, SyntaxAnnotator annotator, EntityRecognizer entities, CancellationToken cancellationToken)
    {
        var clock = new SyntaxPhaseClock(ThreadClock.Now);
        long entityTime = 0;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var wall = Stopwatch.StartNew();
        foreach (var document in documents)
        {
            annotator.Process(document, clock, cancellationToken);
            document.Names.Clear();
            var start = ThreadClock.Now();
            entities.Process(document, cancellationToken);
            entityTime += ThreadClock.Now() - start;
        }

        var wallNanoseconds = (long)(wall.Elapsed.TotalMilliseconds * 1e6);
        return new SyntaxPassTimes(clock.Tagger, clock.Parser, clock.Layer, entityTime, wallNanoseconds, GC.GetAllocatedBytesForCurrentThread() - allocated);
    }

    /// <summary>The corpus read and segmented (sentences, tokens, boilerplate), in input order; unreadable inputs left out.</summary>
    private static List<Document> Segmented(string path, int? limit, CancellationToken cancellationToken)
    {
        var segment = PipelineFactory.Create(new PipelineOptions { TextOnly = true });
        var result = new List<Document>();
        foreach (var item in DocumentSources.Read(ThroughputRunner.Files(path), IngestOptions.Default, cancellationToken))
        {
            if (limit is int n && result.Count >= n)
            {
                break;
            }

            if (item.Document is { } document)
            {
                segment.Process(document, cancellationToken);
                result.Add(document);
            }
        }

        return result;
    }
}
