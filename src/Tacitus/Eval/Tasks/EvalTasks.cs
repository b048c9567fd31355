using Tacitus.Documents;
using Tacitus.Pipeline;

namespace Tacitus.Eval.Tasks;

/// <summary>The evaluation tasks, their default gold sets (relative to the repository root), and how to run one.</summary>
internal static class EvalTasks
{
    public static readonly IReadOnlyList<string> Names = ["events", "petrarch", "attribution", "time", "geo", "ner", "seed", "stories", "fusion", "timeline", "syntax"];

    /// <summary>The default gold set of a task: the public data in <c>../shared</c> next to the repository.</summary>
    public static EvalRequest Default(string task, string repositoryRoot)
    {
        var shared = Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared"));
        var eval = Path.Combine(shared, "data", "eval");
        return task switch
        {
            "events" => new EvalRequest(Path.Combine(eval, "events", "plover", "plover-gsr.dev.jsonl")),
            "petrarch" => new EvalRequest(Path.Combine(eval, "events", "petrarch-validate", "PETR_Validate_records_2_02.xml")),
            "attribution" => new EvalRequest(Path.Combine(eval, "attribution", "polnear", "dev"), Path.Combine(shared, "data", "corpus", "polnear", "dev")),
            "time" => new EvalRequest(Path.Combine(eval, "time", "te3-platinum")),
            "geo" => new EvalRequest(Path.Combine(eval, "geo")),
            "ner" => new EvalRequest(Path.Combine(eval, "ner", "en_ewt-ud-test.iob2")),
            "seed" => new EvalRequest(Path.Combine(shared, "seed", "kim-beijing.gold.json")),
            "stories" => new EvalRequest(Path.Combine(eval, "stories", "wikiref220")),
            "fusion" => new EvalRequest(Path.Combine(eval, "stories", "wikiref220")),
            "timeline" => new EvalRequest(Path.Combine(eval, "stories", "semeval2015-timeline")),
            "syntax" => new EvalRequest(Path.Combine(eval, "syntax")),
            _ => throw new ArgumentException($"unknown task '{task}' (tasks: {string.Join(", ", Names)})", nameof(task)),
        };
    }

    /// <summary>Runs one task. Throws <see cref="GoldFormatException"/> when the gold set cannot be read at all.</summary>
    public static EvalReport Run(string task, EvalRequest request, AnalysisPipeline pipeline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(pipeline);
        return task switch
        {
            "events" => EventsTask.Run(request, pipeline, cancellationToken),
            "petrarch" => PetrarchTask.Run(request, cancellationToken),
            "attribution" => AttributionTask.Run(request, pipeline, cancellationToken),
            "time" => TimeTask.Run(request, pipeline, cancellationToken),
            "geo" => GeoTask.Run(request, pipeline, cancellationToken),
            "ner" => NerTask.Run(request, pipeline, cancellationToken),
            "seed" => SeedTask.Run(request, pipeline, cancellationToken),
            "stories" => StoriesTask.Run(request, pipeline, cancellationToken),
            "fusion" => FusionTask.Run(request, pipeline, cancellationToken),
            "timeline" => TimelineTask.Run(request, pipeline, cancellationToken),
            "syntax" => SyntaxTask.Run(request, SyntaxModelsOf(request), cancellationToken),
            _ => throw new ArgumentException($"unknown task '{task}' (tasks: {string.Join(", ", Names)})", nameof(task)),
        };
    }

    /// <summary>The token-layer models of a "syntax" request: the embedded ones or a folder's, with the parser's beam asked for.</summary>
    private static Syntax.SyntaxModels SyntaxModelsOf(EvalRequest request)
    {
        var models = request.Models is null ? Syntax.SyntaxModels.Shipped : Syntax.SyntaxModels.Load(request.Models);
        return request.Beam is null && request.BeamMargin is null
            ? models
            : models.WithParserBeam(request.Beam ?? models.Parser.Beam, request.BeamMargin ?? float.PositiveInfinity);
    }

    /// <summary>
    /// Builds the document for a gold text and runs the pipeline over it. A stage that fails on it is recorded as a
    /// miss (kind "pipeline-error") and the document is scored with what it has; the run carries on.
    /// </summary>
    internal static Document Analyse(AnalysisPipeline pipeline, string text, DateOnly? published, string origin, EvalReport report, CancellationToken cancellationToken)
    {
        var document = new Document(text, new DocumentMetadata { Published = published, Origin = origin, Format = "text" }) { Language = "en" };
        try
        {
            pipeline.Process(document, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            report.Misses.Add(new EvalMiss(origin, "pipeline-error", string.Empty, $"{ex.GetType().Name}: {ex.Message}", text.Length > 200 ? text[..200] + "…" : text));
        }

        report.Documents++;
        return document;
    }
}
