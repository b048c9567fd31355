using Tacitus.Documents;

namespace Tacitus.Pipeline;

/// <summary>The analysis error codes (docs/INPUT.md lists them with the ingest codes).</summary>
public static class AnalysisErrors
{
    public const string Stage = "analysis";

    /// <summary>A stage threw: a fault in Tacitus, not in the input. Commands exit with 4 when one occurred.</summary>
    public const string Internal = "TAC400";

    /// <summary>The document took longer than the per-document time budget and was skipped.</summary>
    public const string OverBudget = "TAC401";

    /// <summary>A pipeline puts a stage before the stage that assigns what it reads (<see cref="StageRequirements"/>).</summary>
    public const string StageOrder = "TAC402";

    /// <summary>A stage was handed a document that lacks what it reads (<see cref="StageRequirements"/>).</summary>
    public const string MissingAnnotation = "TAC403";

    /// <summary>True for an error that is Tacitus's fault rather than the input's.</summary>
    public static bool IsInternal(TacitusError error) => error?.Code == Internal;
}
