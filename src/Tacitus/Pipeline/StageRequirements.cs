using Tacitus.Documents;

namespace Tacitus.Pipeline;

/// <summary>
/// Holds every stage to what it declares. A pipeline is refused when a stage comes before the one that assigns what it
/// requires (<see cref="CheckOrder"/>); a stage refuses a document that lacks what it requires (<see cref="Enter"/>),
/// so a stage run out of order fails with a clear error instead of reading empty lists and finding nothing.
/// </summary>
public static class StageRequirements
{
    /// <summary>Throws TAC402 when a stage requires what no earlier stage assigns; returns everything the stages assign.</summary>
    public static Annotations CheckOrder(IReadOnlyList<IPipelineStage> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var assigned = Annotations.None;
        for (var i = 0; i < stages.Count; i++)
        {
            var stage = stages[i];
            var missing = stage.Requires & ~assigned;
            if (missing != Annotations.None)
            {
                var later = stages.Skip(i + 1).Where(s => (s.Assigns & missing) != Annotations.None).Select(s => $"'{s.Name}'").ToList();
                var hint = later.Count > 0 ? $"; {string.Join(", ", later)} assigns it and must come first" : string.Empty;
                throw new StageRequirementException(new TacitusError(AnalysisErrors.StageOrder, stage.Name, $"stage '{stage.Name}' requires {missing}, which no earlier stage assigns{hint}"));
            }

            assigned |= stage.Assigns;
        }

        return assigned;
    }

    /// <summary>
    /// Called by a stage as it starts: throws TAC403 when the document lacks something the stage requires, else records
    /// on the document what the stage assigns.
    /// </summary>
    public static void Enter(IPipelineStage stage, Document document)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(document);
        var missing = stage.Requires & ~document.Annotated;
        if (missing != Annotations.None)
        {
            throw new StageRequirementException(new TacitusError(AnalysisErrors.MissingAnnotation, stage.Name, $"stage '{stage.Name}' requires {missing}, which the document does not have yet (run the stages that assign it first)", document.Metadata.Origin ?? document.Id.Value));
        }

        document.MarkAnnotated(stage.Assigns);
    }

    /// <summary>
    /// Runs one stage over a document as the pipeline does: refused (TAC403) when the document lacks what the stage
    /// requires, and what the stage assigns is recorded afterwards (so this holds for stages that do not call
    /// <see cref="Enter"/> themselves).
    /// </summary>
    public static void Run(IPipelineStage stage, Document document, CancellationToken cancellationToken)
    {
        Enter(stage, document);
        stage.Process(document, cancellationToken);
    }
}
