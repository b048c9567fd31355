using Tacitus.Bench;
using Tacitus.Tests.Eval;
using Xunit;

namespace Tacitus.Tests.Bench;

public class SyntaxThroughputTests
{
    [Fact]
    public void Run_SmallFolder_TimesEveryModelOverEveryToken()
    {
        using var folder = new EvalFixtures.TempFolder();
        folder.Write("a.txt", "Port workers walked out on Monday.\n\nThe ferry company said talks would resume.");
        folder.Write("b.txt", "Rain closed two roads near Harbourtown.");
        folder.Write("c.txt", "Not read: over the limit.");

        var result = SyntaxThroughput.Run(folder.FolderPath, limit: 2, repeat: 2);

        Assert.Equal(2, result.Documents);
        Assert.Equal(3, result.Sentences);
        Assert.Equal(7 + 8 + 7, result.Tokens);
        Assert.Equal(2, result.Repeat);
        Assert.All([result.FirstPass.Tagger, result.FirstPass.Parser, result.FirstPass.Entities, result.Warmed.Tagger, result.Warmed.Parser, result.Warmed.Entities], t => Assert.True(t > 0));
        Assert.Equal(result.FirstPass.Tagger + result.FirstPass.Parser + result.FirstPass.Layer + result.FirstPass.Entities, result.FirstPass.Together);
    }

    [Fact]
    public void TokensPerSecond_KnownTimes_PerPass()
    {
        var result = new SyntaxBenchResult(1, 1000, 10, 5000, default, new SyntaxPassTimes(1_000_000, 2_000_000, 0, 1_000_000, 5_000_000, 0),
            new SyntaxPassTimes(2_000_000, 4_000_000, 0, 2_000_000, 9_000_000, 0), 2, true);

        Assert.Equal(250_000, result.TokensPerSecond(result.FirstPass.Together), 6);
        Assert.Equal(500_000, result.TokensPerSecond(result.Warmed.Parser, result.Repeat), 6);
        var table = result.ToMarkdown();
        Assert.Contains("| tagger | 1000000 | 1.00 | 1000000 | 1.00 |", table, StringComparison.Ordinal);
        Assert.Contains("| **together** | 250000 | 4.00 | 250000 | 4.00 |", table, StringComparison.Ordinal);
        Assert.Contains("\"together\": 250000", result.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Now_Work_ThreadClockAdvances()
    {
        var before = ThreadClock.Now();
        var sum = 0.0;
        for (var i = 0; i < 5_000_000; i++)
        {
            sum += Math.Sqrt(i);
        }

        Assert.True(sum > 0);
        Assert.True(ThreadClock.Now() > before);
    }
}
