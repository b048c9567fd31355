using Tacitus.Documents;
using Tacitus.Pipeline;

namespace Tacitus.Tests.Pipeline;

/// <summary>Odd but real-looking text must never make a stage fail: the pipeline gives an analysis for every document.</summary>
public sealed class PipelineRobustnessTests
{
    private static readonly AnalysisPipeline Pipeline = PipelineFactory.Create();

    [Theory]
    [InlineData("Prices rose, the ministry said")]
    [InlineData("The handset is faster than its maker claimed")]
    [InlineData("Battery: 2800 mAh\nScreen: 5.1 inches\nWeight: 145 g\nLaunch: April 2014, the company said")]
    [InlineData("\"We will win,\" he said. \"")]
    [InlineData("According to")]
    [InlineData("said")]
    [InlineData("The ruins are 6,000 years ago old, experts said.")]
    [InlineData("( ) , . ; — “ ” ‘ ’ …")]
    [InlineData("UN UN UN UN UN said said said")]
    [InlineData("Mr.")]
    [InlineData("In May. In June. Last year. Next week. Tuesday night. The next morning.")]
    [InlineData("12 to 14 to 16 hours (20 km (12 miles)) away")]
    public void Process_OddText_GivesAnAnalysis(string text)
    {
        foreach (var language in new[] { "en", "und" })
        {
            var document = Pipeline.Process(new Document(text, new DocumentMetadata { Published = new DateOnly(2014, 4, 2) }) { Language = language });
            Assert.NotEmpty(document.Sentences);
            Assert.All(document.Events, e => Assert.True(e.Evidence.End <= text.Length));
        }
    }
}
