using BenchmarkDotNet.Attributes;
using Tacitus.Documents;
using Tacitus.Pipeline;

namespace Tacitus.Bench;

/// <summary>
/// One article through the whole pipeline, and through segmentation only (the floor). The difference is what the
/// analysis stages cost per article; 1 / mean is articles per second on one core.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private readonly AnalysisPipeline full = PipelineFactory.Create();
    private readonly AnalysisPipeline textOnly = PipelineFactory.Create(new PipelineOptions { TextOnly = true });
    private readonly DocumentMetadata metadata = new() { Published = BenchArticle.Published };

    [Benchmark(Baseline = true, Description = "read + segment (one article)")]
    public Document SegmentOnly() => textOnly.Process(new Document(BenchArticle.Text, metadata) { Language = "en" });

    [Benchmark(Description = "full analysis (one article)")]
    public Document FullAnalysis() => full.Process(new Document(BenchArticle.Text, metadata) { Language = "en" });
}
