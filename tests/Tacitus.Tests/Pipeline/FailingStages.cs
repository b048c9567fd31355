using Tacitus.Documents;
using Tacitus.Pipeline;

namespace Tacitus.Tests.Pipeline;

/// <summary>Gives up on any document whose text contains "stall" with a cancellation of its own (not the run's, not the time budget's): an exception the analysis does not turn into TAC400.</summary>
internal sealed class StallingStage : IPipelineStage
{
    public string Name => "stall";

    public Annotations Requires => Annotations.None;

    public Annotations Assigns => Annotations.None;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        if (document.Text.Contains("stall", StringComparison.Ordinal))
        {
            throw new OperationCanceledException("the stage gave up");
        }
    }
}

/// <summary>Cancels the run (its token source) on any document whose text contains "halt", then stops as the run's cancellation asks.</summary>
internal sealed class HaltingStage(CancellationTokenSource run) : IPipelineStage
{
    public string Name => "halt";

    public Annotations Requires => Annotations.None;

    public Annotations Assigns => Annotations.None;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        if (document.Text.Contains("halt", StringComparison.Ordinal))
        {
            run.Cancel();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
