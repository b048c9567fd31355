using Tacitus.Documents;

namespace Tacitus.Pipeline;

/// <summary>
/// A stage was asked to run without what it reads: put in a pipeline before the stage that assigns it (TAC402, when
/// the pipeline is put together), or handed a document that lacks it (TAC403, when the stage starts). A fault in the
/// code that assembles the analysis, never in the input; <see cref="Error"/> names the stage and what is missing.
/// </summary>
public sealed class StageRequirementException : InvalidOperationException
{
    public StageRequirementException(TacitusError error)
        : base(error?.ToString()) => Error = error!;

    public TacitusError Error { get; }
}
