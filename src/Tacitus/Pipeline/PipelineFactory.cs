namespace Tacitus.Pipeline;

/// <summary>The one place where the analysis pipeline is put together, in order.</summary>
public static class PipelineFactory
{
    public static AnalysisPipeline Create(PipelineOptions? options = null)
    {
        options ??= PipelineOptions.Default;
        var stages = new List<IPipelineStage>();

        // text
        // (segmentation, language and boilerplate stages are added here)

        if (!options.TextOnly)
        {
            // mentions → entities → attribution → events
        }

        return new AnalysisPipeline(stages);
    }
}
