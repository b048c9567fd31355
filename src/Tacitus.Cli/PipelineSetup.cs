using Tacitus.Pipeline;

namespace Tacitus.Cli;

/// <summary>Builds the pipeline for a command and tells the user about problems in what it loaded (a bad dictionary line).</summary>
internal static class PipelineSetup
{
    public static AnalysisPipeline Build(PipelineOptions options)
    {
        if (!options.TextOnly && options.Dates == DateReaderChoice.Recognizer)
        {
            // the date-time recogniser's model takes the longest to build: start it on the other core while the
            // knowledge tables and the other stages' models load here
            Mentions.Time.RecognizerModel.Prepare();
        }

        var pipeline = PipelineFactory.Create(options);
        foreach (var error in pipeline.SetupErrors)
        {
            Console.Error.WriteLine(error.ToString());
        }

        return pipeline;
    }
}
