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

    /// <summary>
    /// Something a worker did not expect escaped its work on a document (a stage's own cancellation, a store read on the
    /// worker): a fault in Tacitus, named with the stage and the document, which is skipped; the run goes on.
    /// </summary>
    internal const string Unexpected = "TAC900";

    /// <summary>True for an error that is Tacitus's fault rather than the input's.</summary>
    public static bool IsInternal(TacitusError error) => error?.Code is Internal or Unexpected;

    /// <summary>The TAC900 for <paramref name="document"/>, whose work at <paramref name="stage"/> threw <paramref name="ex"/> (with its trace when <paramref name="trace"/>).</summary>
    internal static TacitusError UnexpectedFailure(string stage, Document document, Exception ex, bool trace)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(ex);
        var detail = trace ? ex.ToString() : $"{ex.GetType().Name}: {ex.Message}";
        return new TacitusError(Unexpected, stage, $"unexpected failure (a fault in Tacitus, please report it): {detail}; the document is skipped",
            document.Metadata.Origin ?? document.Id.Value, $"document {document.Id.Value}");
    }
}
