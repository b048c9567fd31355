using Tacitus.Documents;

namespace Tacitus.Pipeline;

/// <summary>An ordered list of stages, checked once so that every stage finds what it requires.</summary>
public sealed class AnalysisPipeline
{
    private readonly IPipelineStage[] stages;

    public AnalysisPipeline(IEnumerable<IPipelineStage> stages, IReadOnlyList<TacitusError>? setupErrors = null, AnalysisProvenance? provenance = null)
    {
        this.stages = [.. stages];
        SetupErrors = setupErrors ?? [];
        Provenance = provenance;
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

    /// <summary>Problems met while putting the pipeline together (a bad line in a user dictionary): the caller reports them.</summary>
    public IReadOnlyList<TacitusError> SetupErrors { get; }

    /// <summary>What this pipeline is (version, mode, knowledge and user-file fingerprints); stamped on every document it processes.</summary>
    public AnalysisProvenance? Provenance { get; }

    /// <summary>
    /// Runs every stage over the document. Documents identified as another language get only the language-independent
    /// stages; undetermined ones ("und": too short to tell, a one-line headline) are analysed as English.
    /// </summary>
    public Document Process(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var stage in stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (stage.EnglishOnly && document.Language is not ("en" or "und"))
            {
                continue;
            }

            stage.Process(document, cancellationToken);
        }

        document.Provenance = Provenance;
        return document;
    }
}
