using Tacitus.Tests.Syntax;

namespace Tacitus.Tests.Cli;

public sealed class EvalCommandTests
{
    [Fact]
    public void EvalSyntax_BeamOnTheShippedArcEagerParser_Tac625OnOneLineFatalExit()
    {
        var errors = Path.Combine(Path.GetTempPath(), $"tacitus-eval-{Guid.NewGuid():N}.jsonl");

        var (exit, _, stderr) = CliProcess.Run("eval", "syntax", "--gold", SyntaxFixture.File, "--beam", "4", "--errors", errors);

        Assert.Equal(3, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("tacitus eval syntax: TAC625 syntax: the non-monotonic arc-eager parser searches greedily only", line, StringComparison.Ordinal);
        Assert.False(File.Exists(errors));
    }
}
