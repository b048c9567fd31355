namespace Tacitus.Pipeline;

/// <summary>The one place where the analysis pipeline is put together, in order.</summary>
public static class PipelineFactory
{
    public static AnalysisPipeline Create(PipelineOptions? options = null)
    {
        options ??= PipelineOptions.Default;
        var stages = new List<IPipelineStage>();

        // text
        stages.Add(new Text.SentenceSegmenter());

        if (!options.TextOnly)
        {
            // mentions → entities → attribution → events
            stages.Add(new Attributions.AttributionFinder());
            stages.Add(new Events.EventCoder());
        }

        return new AnalysisPipeline(stages);
    }
}
