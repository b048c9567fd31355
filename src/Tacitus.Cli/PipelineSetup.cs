using Tacitus.Pipeline;

namespace Tacitus.Cli;

/// <summary>Builds the pipeline for a command and tells the user about problems in what it loaded (a bad dictionary line).</summary>
internal static class PipelineSetup
{
    public static AnalysisPipeline Build(PipelineOptions options)
    {
        var pipeline = PipelineFactory.Create(options);
        foreach (var error in pipeline.SetupErrors)
        {
            Console.Error.WriteLine(error.ToString());
        }

        return pipeline;
    }
}
