using Tacitus.Fusion;

namespace Tacitus.Tests.Fusion;

public class LowerWordTests
{
    [Theory]
    [InlineData("Third")]
    [InlineData("ATTACKS")]
    [InlineData("İstanbul")]
    [InlineData("")]
    public void Of_Word_LowersAsStringToLowerInvariant(string word)
    {
        Assert.Equal(word.ToLowerInvariant(), LowerWord.Of(word, stackalloc char[LowerWord.Buffer]).ToString());
    }

    [Fact]
    public void Of_WordLongerThanTheBuffer_StillLowersAllOfIt()
    {
        var word = new string('Q', LowerWord.Buffer + 9);

        Assert.Equal(new string('q', LowerWord.Buffer + 9), LowerWord.Of(word, stackalloc char[LowerWord.Buffer]).ToString());
    }
}
