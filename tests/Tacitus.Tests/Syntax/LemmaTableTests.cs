using Tacitus.Syntax.Lemmas;
using Xunit;

namespace Tacitus.Tests.Syntax;

public sealed class LemmaTableTests
{
    [Theory]
    [InlineData("met", "VERB|VBD", false, "meet")]           // seen in training: the table
    [InlineData("Met", "VERB|VBD", false, "meet")]           // seen in lower case
    [InlineData("blocked", "VERB|VBD", false, "block")]      // seen
    [InlineData("kicked", "VERB|VBD", false, "kick")]        // unseen: the -ed ending rule
    [InlineData("Reporters", "NOUN|NNS", false, "reporter")] // unseen plural: the -s rule, lower-cased
    [InlineData("Kabul", "PROPN|NNP", true, "Kabul")]        // proper noun keeps its case
    [InlineData("Geneva", "PROPN|NNP", true, "Geneva")]      // unseen proper noun: itself
    public void Lemma_Words_GivesDictionaryForm(string word, string tag, bool properNoun, string lemma)
    {
        var models = SyntaxFixture.Models;
        var index = models.Tagger.Tags.IndexOf(tag);
        Assert.True(index >= 0, $"tag {tag} not in the fixture");
        var table = LemmaTable.Learn(SyntaxFixture.Sentences(), (s, i) => models.Tagger.Tags.IndexOf(s.JointTag(i)), minEditCount: 1);
        Assert.Equal(lemma, table.Lemma(word, index, properNoun));
    }

    [Theory]
    [InlineData("visited", "visit", 2, "")]
    [InlineData("cities", "city", 3, "y")]
    [InlineData("went", "go", -1, "")]
    public void Between_FormAndLemma_GivesEndingEdit(string form, string lemma, int strip, string append)
    {
        var edit = LemmaEdit.Between(form, lemma);
        if (strip < 0)
        {
            Assert.Null(edit);
        }
        else
        {
            Assert.Equal(new LemmaEdit(strip, append), edit);
        }
    }
}
