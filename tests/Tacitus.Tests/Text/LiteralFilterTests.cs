using System.Text.RegularExpressions;
using Tacitus.Text;

namespace Tacitus.Tests.Text;

public sealed class LiteralFilterTests
{
    [Theory]
    [InlineData("Click HERE to read on.", true)]
    [InlineData("They said to click here.", true)]
    [InlineData("The port reopened on Friday.", false)]
    [InlineData("", false)]
    public void MayMatch_AnywhereFilter_TrueOnlyWithALiteralInAnyCase(string text, bool expected) =>
        Assert.Equal(expected, new LiteralFilter(["click here"], atStart: false).MayMatch(text));

    [Theory]
    [InlineData("Watch: the port reopens", true)]
    [InlineData("WATCH: the port reopens", true)]
    [InlineData("They watch the port.", false)]
    [InlineData("", false)]
    public void MayMatch_AtStartFilter_TrueOnlyWhenTheTextStartsWithALiteral(string text, bool expected) =>
        Assert.Equal(expected, new LiteralFilter(["watch", "read more"], atStart: true).MayMatch(text));

    [Fact]
    public void MayMatch_KelvinSignWhereKIsWritten_TrueAsThePatternMatches()
    {
        // A case-insensitive expression reads the Kelvin sign as "k"; an ordinal comparison does not.
        const string text = "Clic\u212A here to read on.";
        Assert.Matches(new Regex(@"\bclick here\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), text);
        Assert.True(new LiteralFilter(["click here"], atStart: false).MayMatch(text));
        Assert.True(LiteralFilter.HoldsAsciiCaseMate(text));
    }
}
