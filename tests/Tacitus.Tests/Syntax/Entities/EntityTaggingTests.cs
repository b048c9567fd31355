using Tacitus.Documents;
using Tacitus.Syntax.Entities;
using Tacitus.Syntax.Training;
using Tacitus.Tests.Syntax;
using Tacitus.Text;

namespace Tacitus.Tests.Syntax.Entities;

public sealed class EntityTaggingTests
{
    private static List<TreebankSentence> Treebank()
    {
        var problems = new List<TacitusError>();
        var sentences = TreebankSentence.ReadAll([SyntaxFixture.File], problems);
        Assert.Empty(problems);
        return sentences;
    }

    private static Token[] Tokens(string text)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, new TextSpan(0, text.Length), tokens);
        return [.. tokens];
    }

    [Theory]
    [InlineData("The minister visited Paris .", "The minister visited Paris.")]
    [InlineData("Talks ended .", "Talks  ended.")]
    public void FoldOf_SameCharactersOtherSpacing_SameFold(string a, string b)
    {
        static int Fold(string text) => EntityTagging.FoldOf(text, [.. Tokens(text).Select(t => t.Span)], 7);

        Assert.Equal(Fold(a), Fold(b));
    }

    [Fact]
    public void Jackknife_TreebankSentence_TaggedByATaggerThatDidNotSeeIt()
    {
        var treebank = Treebank();
        var tagging = EntityTagging.Jackknife(treebank, 2, 3);
        var sentence = treebank[0];
        var spans = sentence.Words;
        var fold = EntityTagging.FoldOf(sentence.Text, spans, 2);

        var tags = tagging.Tag(sentence.Text, Tokens(sentence.Text));

        Assert.Equal(2, tagging.Folds);
        Assert.Equal(sentence.Count, tags.Length);
        Assert.All(tags, t => Assert.False(string.IsNullOrEmpty(t)));
        Assert.Contains(treebank, s => EntityTagging.FoldOf(s.Text, s.Words, 2) != fold);
    }

    [Fact]
    public void Jackknife_OneFold_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EntityTagging.Jackknife(Treebank(), 1, 3));
    }
}
