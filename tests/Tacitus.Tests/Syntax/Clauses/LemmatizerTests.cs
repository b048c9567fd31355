using Tacitus.Syntax.Clauses;

namespace Tacitus.Tests.Syntax.Clauses;

public sealed class LemmatizerTests
{
    [Theory]
    [InlineData("met", "meet")]
    [InlineData("denied", "deny")]
    [InlineData("hosting", "host")]
    [InlineData("talks", "talk")]
    [InlineData("didn't", "not")]
    [InlineData("planned", "plan")]
    [InlineData("Unknownish", "Unknownish")]
    public void Lemma_Forms_GiveKnownLemma(string form, string lemma)
    {
        var lemmatizer = new Lemmatizer(Lemmatizer.ShippedIrregularForms, ["meet", "deny", "host", "talk", "plan"]);

        Assert.Equal(lemma, lemmatizer.Lemma(form));
    }
}
