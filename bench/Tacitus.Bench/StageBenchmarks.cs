using BenchmarkDotNet.Attributes;
using Tacitus.Documents;
using Tacitus.Pipeline;

namespace Tacitus.Bench;

/// <summary>
/// The pipeline's stages one by one, whatever they are: for each stage, the time to run every stage up to and
/// including it on a fresh copy of the article. The step from one row to the next is that stage's cost, so the hot
/// stages (segmentation, time resolution, dictionary lookup of actors and places, event coding) show up by name as
/// they are added to <see cref="PipelineFactory"/>.
/// </summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private static readonly IReadOnlyList<IPipelineStage> Stages = PipelineFactory.Create().Stages;
    private readonly DocumentMetadata metadata = new() { Published = BenchArticle.Published };
    private IPipelineStage[] prefix = [];

    public static IEnumerable<string> StageNames => Stages.Select((s, i) => $"{i + 1:D2} {s.Name}");

    [ParamsSource(nameof(StageNames))]
    public string UpToStage { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var count = int.Parse(UpToStage.AsSpan(0, 2), System.Globalization.CultureInfo.InvariantCulture);
        prefix = [.. Stages.Take(count)];
    }

    [Benchmark(Description = "stages up to and including")]
    public Document RunPrefix()
    {
        var document = new Document(BenchArticle.Text, metadata) { Language = "en" };
        foreach (var stage in prefix)
        {
            stage.Process(document, CancellationToken.None);
        }

        return document;
    }
}
