using Tacitus.Mentions.Time;

namespace Tacitus.Tests.Mentions.Time;

public sealed class TimeWordsTests
{
    [Fact]
    public void Shipped_Table_HasEveryKind()
    {
        var words = TimeWords.Shipped;

        Assert.Equal(12, words.Months.Count);
        Assert.Equal(7, words.Weekdays.Count);
        Assert.Equal(3, words.Months["March"]);
        Assert.Equal(2, words.Weekdays["tuesday"]);
        Assert.Equal("P1Y", words.Sets["annual"]);
        Assert.Contains("yesterday", (IReadOnlySet<string>)words.Triggers);
        Assert.Contains("May", (IReadOnlySet<string>)words.CapitalisedTriggers);
        Assert.DoesNotContain("may", (IReadOnlySet<string>)words.CapitalisedTriggers);
        Assert.Contains("since", (IReadOnlySet<string>)words.LeadingSignals);
        Assert.Contains("starting", (IReadOnlySet<string>)words.ComplexBeforeSignal);
    }

    [Theory]
    [InlineData("month\tjanuary")]
    [InlineData("month\tjanuary\tfirst")]
    [InlineData("set\tdaily")]
    [InlineData("season\tspring")]
    [InlineData("trigger")]
    [InlineData("step\tlast\tone")]
    [InlineData("no-such-kind\tword")]
    public void Read_BadLine_ThrowsNamingCodeAndLine(string line)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => TimeWords.Read(new StringReader("# words\n" + line + "\n"), "words.tsv"));

        Assert.Contains("TAC420", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OneLineOfEachValueKind_LandsInItsTable()
    {
        var words = TimeWords.Read(new StringReader("ordinal-century\tnineteenth\t19\nevent-shift\tlater\t+1\nstep\tlast\t-1\nholiday\tchristmas\t12-25\njoin\tand\n"), "words.tsv");

        Assert.Equal(19, words.CenturyOrdinals["Nineteenth"]);
        Assert.Equal(1, words.EventShifts["later"]);
        Assert.Equal(-1, words.Steps["LAST"]);
        Assert.Equal("12-25", words.Holidays["Christmas"]);
        Assert.Contains("and", (IReadOnlySet<string>)words.Joins);
        Assert.Empty(words.Months);
    }
}
