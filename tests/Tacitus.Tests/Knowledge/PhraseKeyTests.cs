using Tacitus.Knowledge;

namespace Tacitus.Tests.Knowledge;

public sealed class PhraseKeyTests
{
    [Theory]
    [InlineData("KIM_JONG_UN_", "kim jong un")]
    [InlineData("Moon Jae-in", "moon jae in")]
    [InlineData("Dong-A Ilbo", "dong a ilbo")]
    [InlineData("U.S.", "us")]
    [InlineData("People's Liberation Army", "people liberation army")]
    [InlineData("AT&T", "at & t")]
    [InlineData("Sébastien Lecornu", "sebastien lecornu")]
    [InlineData("  ", "")]
    [InlineData("", "")]
    [InlineData("&&", "& &")]
    [InlineData("_SMITH_&_JONES_(UK)", "smith & jones uk")]
    [InlineData("O'Neill's", "o'neill")]
    [InlineData("Saint-Étienne.", "saint etienne")]
    [InlineData("... - ...", "")]
    public void Normalize_Phrase_GivesSharedKey(string phrase, string key)
    {
        Assert.Equal(key, PhraseKey.Normalize(phrase));
    }

    [Theory]
    [InlineData(300)]
    [InlineData(5000)]
    public void Normalize_LongPhrase_GivesSameKeyAsItsWords(int words)
    {
        var phrase = string.Join('_', Enumerable.Repeat("Ab&c", words));
        var key = string.Join(' ', Enumerable.Repeat("ab & c", words));
        Assert.Equal(key, PhraseKey.Normalize(phrase));
    }

    [Theory]
    [InlineData("Kim's", 2)]
    [InlineData("Kim’s", 2)]
    [InlineData("Kim", 0)]
    [InlineData("'s", 0)]
    public void PossessiveLength_Token_CountsEnding(string token, int length)
    {
        Assert.Equal(length, PhraseKey.PossessiveLength(token));
    }
}
