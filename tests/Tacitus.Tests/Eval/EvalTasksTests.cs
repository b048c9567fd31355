using Tacitus.Cli.Commands;
using Tacitus.Eval;
using Tacitus.Eval.Tasks;
using Tacitus.Pipeline;
using static Tacitus.Tests.Eval.EvalFixtures;

namespace Tacitus.Tests.Eval;

/// <summary>The CI slices: every task end to end on the project's own fixtures, through the code the CLI runs.</summary>
public class EvalTasksTests
{
    private static readonly AnalysisPipeline Pipeline = PipelineFactory.Create();

    [Theory]
    // task, gold (under Fixtures/eval), documents, a figure the report must carry
    [InlineData("events", "events.jsonl", 3, "fully_right")]
    [InlineData("attribution", "attribution", 1, "content_overlap_f1")]
    [InlineData("time", "time", 1, "value_f1")]
    [InlineData("geo", "geo", 1, "mini-lgl_acc161")]
    [InlineData("ner", "ner.iob2", 2, "micro_f1")]
    [InlineData("seed", "seed/harbor.gold.json", 1, "required_found")]
    public void Run_Fixture_ScoresEveryDocumentWithoutGoldProblems(string task, string gold, int documents, string figure)
    {
        var report = EvalTasks.Run(task, new EvalRequest(Path(gold.Split('/'))), Pipeline);

        Assert.Equal(documents, report.Documents);
        Assert.Empty(report.GoldProblems);
        Assert.DoesNotContain(report.Misses, m => m.Kind == "pipeline-error");
        Assert.InRange(report.Figures[figure], 0, 1);
        Assert.NotEmpty(report.Tables);
        Assert.Contains("| ", EvalReportFormatter.ToMarkdown(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TimeFixture_CountsEveryGoldExpression()
    {
        var report = EvalTasks.Run("time", new EvalRequest(Path("time")), Pipeline);

        Assert.Contains(report.Tables[0].Rows, r => r[0] == "extent, strict" && r[4].StartsWith("3 gold", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_MissingGold_ThrowsNotFound()
    {
        var ex = Assert.Throws<GoldFormatException>(() => EvalTasks.Run("ner", new EvalRequest("/no/such.iob2"), Pipeline));

        Assert.Equal(EvalErrors.NotFound, ex.Error.Code);
    }

    [Fact]
    public void Default_Tasks_PointIntoShared()
    {
        foreach (var task in EvalTasks.Names)
        {
            Assert.Contains($"{System.IO.Path.DirectorySeparatorChar}shared{System.IO.Path.DirectorySeparatorChar}", EvalTasks.Default(task, "/repo/tac").Gold, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EvalCommand_FixtureGold_WritesTheErrorFileAndSucceeds()
    {
        using var folder = new TempFolder();
        var errors = System.IO.Path.Combine(folder.FolderPath, "ner.jsonl");

        var exit = EvalCommand.Create().Parse(["ner", "--gold", Path("ner.iob2"), "--errors", errors]).Invoke();

        Assert.Equal(0, exit);
        Assert.True(File.Exists(errors));
        var lines = File.ReadAllLines(errors);
        Assert.All(lines, l => Assert.StartsWith("{\"task\":\"ner\"", l, StringComparison.Ordinal));
    }

    [Fact]
    public void EvalCommand_MissingGold_ExitsFatal()
    {
        using var folder = new TempFolder();

        var exit = EvalCommand.Create().Parse(["time", "--gold", System.IO.Path.Combine(folder.FolderPath, "none"), "--errors", System.IO.Path.Combine(folder.FolderPath, "e.jsonl")]).Invoke();

        Assert.Equal(3, exit);
    }
}
