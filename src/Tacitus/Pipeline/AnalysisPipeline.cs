using Tacitus.Documents;

namespace Tacitus.Pipeline;

/// <summary>An ordered list of stages, checked once so that every stage finds what it requires (TAC402 otherwise).</summary>
public sealed class AnalysisPipeline
{
    private readonly IPipelineStage[] stages;

    public AnalysisPipeline(IEnumerable<IPipelineStage> stages, IReadOnlyList<TacitusError>? setupErrors = null, AnalysisProvenance? provenance = null)
    {
        this.stages = [.. stages];
        SetupErrors = setupErrors ?? [];
        Provenance = provenance;
        Assigns = StageRequirements.CheckOrder(this.stages);
    }

    public IReadOnlyList<IPipelineStage> Stages => stages;

    public Annotations Assigns { get; }

    /// <summary>Problems met while putting the pipeline together (a bad line in a user dictionary): the caller reports them.</summary>
    public IReadOnlyList<TacitusError> SetupErrors { get; }

    /// <summary>The longest one document may take in <see cref="Analyse"/>; null for no limit.</summary>
    public TimeSpan? TimeBudget { get; init; }

    /// <summary>Internal errors carry the exception's full trace (<c>--verbose</c>, or TACITUS_TRACE=1).</summary>
    public bool TraceInternalErrors { get; set; } = Environment.GetEnvironmentVariable("TACITUS_TRACE") == "1";

    /// <summary>
    /// Runs the pipeline over one document of a batch and turns whatever goes wrong into an error for that document,
    /// so the batch goes on: TAC401 when it takes longer than <see cref="TimeBudget"/>, TAC400 when a stage fails (a
    /// fault in Tacitus, not in the input; <see cref="AnalysisErrors.IsInternal"/>). Null when the document was
    /// analysed. Cancelling <paramref name="cancellationToken"/> still stops the batch.
    /// </summary>
    public TacitusError? Analyse(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var origin = document.Metadata.Origin ?? document.Id.Value;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (TimeBudget is { } limit)
        {
            budget.CancelAfter(limit);
        }

        try
        {
            Process(document, budget.Token);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && budget.IsCancellationRequested)
        {
            return new TacitusError(AnalysisErrors.OverBudget, AnalysisErrors.Stage, $"analysis took longer than the budget of {TimeBudget!.Value.TotalSeconds:0.#} s; the document is skipped", origin);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var detail = TraceInternalErrors ? ex.ToString() : $"{ex.GetType().Name}: {ex.Message}";
            return new TacitusError(AnalysisErrors.Internal, AnalysisErrors.Stage, $"internal error (a fault in Tacitus, please report it): {detail}", origin);
        }
    }

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
                document.NotAnalysedReason = $"language '{document.Language}': only English is analysed (the text is kept and segmented)";
                continue;
            }

            StageRequirements.Run(stage, document, cancellationToken);
        }

        document.Provenance = Provenance;
        return document;
    }
}
