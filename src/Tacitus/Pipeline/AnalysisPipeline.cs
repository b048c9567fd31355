using Tacitus.Documents;

namespace Tacitus.Pipeline;

/// <summary>An ordered list of stages, checked once so that every stage finds what it requires.</summary>
public sealed class AnalysisPipeline
{
    private readonly IPipelineStage[] stages;

    public AnalysisPipeline(IEnumerable<IPipelineStage> stages)
    {
        this.stages = [.. stages];
        var assigned = Annotations.None;
        foreach (var stage in this.stages)
        {
            var missing = stage.Requires & ~assigned;
            if (missing != Annotations.None)
            {
                throw new InvalidOperationException($"Stage '{stage.Name}' requires {missing}, which no earlier stage assigns.");
            }

            assigned |= stage.Assigns;
        }

        Assigns = assigned;
    }

    public IReadOnlyList<IPipelineStage> Stages => stages;

    public Annotations Assigns { get; }

    /// <summary>Runs every stage over the document. Non-English documents get only the language-independent stages.</summary>
    public Document Process(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var stage in stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (stage.EnglishOnly && document.Language != "en")
            {
                continue;
            }

            stage.Process(document, cancellationToken);
        }

        return document;
    }
}
