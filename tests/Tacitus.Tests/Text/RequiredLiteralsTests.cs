using Tacitus.Text;

namespace Tacitus.Tests.Text;

public sealed class RequiredLiteralsTests
{
    [Fact]
    public void Of_AnchoredAlternation_EveryBranchIsAPrefix()
    {
        var filter = RequiredLiterals.Of(@"^(?:read more|see also|watch)\s*:");
        Assert.NotNull(filter);
        Assert.True(filter.AtStart);
        Assert.Equal(["read more", "see also", "watch"], filter.Literals);
    }

    [Fact]
    public void Of_OptionalWordBeforeAlternation_PrefixesWithAndWithoutIt()
    {
        var filter = RequiredLiterals.Of(@"^(?:additional )?(?:reporting|editing) by (?-i:[A-Z])\w+");
        Assert.NotNull(filter);
        Assert.True(filter.AtStart);
        Assert.Equal(["additional editing by ", "additional reporting by ", "editing by ", "reporting by "], filter.Literals);
    }

    [Fact]
    public void Of_RepeatedListAfterAnchor_PrefixesAreItsCharacters()
    {
        var filter = RequiredLiterals.Of(@"^[-–—]+\s*(?-i:[A-Z]\w*)\s*$");
        Assert.NotNull(filter);
        Assert.True(filter.AtStart);
        Assert.Equal(["-", "–", "—"], filter.Literals);
    }

    [Fact]
    public void Of_TwoLiteralsApart_TheLongerIsRequired()
    {
        var filter = RequiredLiterals.Of(@"\b(?:fund|back)\s+us\b.{0,30}\bjournalism\b");
        Assert.NotNull(filter);
        Assert.False(filter.AtStart);
        Assert.Equal(["journalism"], filter.Literals);
    }

    [Fact]
    public void Of_OptionalLastLetter_BothFormsRequired()
    {
        var filter = RequiredLiterals.Of(@"\bnewsletters?\b");
        Assert.NotNull(filter);
        Assert.Equal(["newsletter", "newsletters"], filter.Literals);
    }

    [Theory]
    [InlineData(@"\w+\s*")]
    [InlineData(@"(?:abc)?x*")]
    [InlineData(@"(?:abc|\d+)")]
    [InlineData(@"^(?:please\s+)?\w+")]
    [InlineData(@"[a-z]+")]
    public void Of_NoLiteralEveryMatchHolds_Null(string pattern) => Assert.Null(RequiredLiterals.Of(pattern));

    [Theory]
    [InlineData("(?x)click here")]
    [InlineData(@"(a)\1")]
    [InlineData(@"(?(a)abc|abd)")]
    [InlineData(@"\x41bc")]
    [InlineData("(?i)abc")]
    public void Of_ConstructNotRead_NullNotAGuess(string pattern) => Assert.Null(RequiredLiterals.Of(pattern));

    [Fact]
    public void Of_LetterOutsideAscii_EndsTheLiteral()
    {
        var filter = RequiredLiterals.Of("caf\u00e9 au lait");
        Assert.NotNull(filter);
        Assert.Equal([" au lait"], filter.Literals);
    }

    [Fact]
    public void Of_LookbehindAndCaselessSymbol_SymbolRequired()
    {
        var filter = RequiredLiterals.Of(@"(?:copyright\s*\d{4}|(?<!\w)©\s*\d{4})");
        Assert.NotNull(filter);
        Assert.Equal(["copyright", "©"], filter.Literals);
    }
}
