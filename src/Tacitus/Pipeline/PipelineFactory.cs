namespace Tacitus.Pipeline;

/// <summary>The one place where the analysis pipeline is put together, in order.</summary>
public static class PipelineFactory
{
    public static AnalysisPipeline Create(PipelineOptions? options = null)
    {
        options ??= PipelineOptions.Default;
        var stages = new List<IPipelineStage>();
        var errors = new List<Documents.TacitusError>();

        // text
        stages.Add(new Text.SentenceSegmenter());
        stages.Add(new Text.BoilerplateMarker());

        if (!options.TextOnly)
        {
            // mentions → entities → attribution → events
            stages.Add(new Mentions.PlaceRecognizer());
            var knowledge = Knowledge.KnowledgeBase.Load(options.UserDictionaries);
            errors.AddRange(knowledge.Errors);
            stages.Add(new Mentions.ActorRecognizer(knowledge));
            stages.Add(new Mentions.CoreferenceResolver());
            stages.Add(new Mentions.TimeRecognizer());
            stages.Add(new Mentions.QuantityRecognizer());
            stages.Add(new Attributions.AttributionFinder());
            stages.Add(new Events.EventCoder());
        }

        return new AnalysisPipeline(stages, errors);
    }
}
