using Tacitus.Documents;
using Tacitus.Syntax.Learning;
using Tacitus.Syntax.Tagging;
using Xunit;

namespace Tacitus.Tests.Syntax.Tagging;

public sealed class PartOfSpeechTaggerTests
{
    /// <summary>
    /// A tagger whose model knows nothing (every score 0, so a scored word gets tag 0) and whose tag dictionary has
    /// "Harbourtown" (tag 2) and "said" (tag 1): a word tagged 1 or 2 was found in the dictionary.
    /// </summary>
    private static PartOfSpeechTagger Tagger()
    {
        var tags = new LabelSet();
        tags.Add("NOUN|NN");
        tags.Add("VERB|VBD");
        tags.Add("PROPN|NNP");
        var dictionary = new Dictionary<string, int> { ["Harbourtown"] = 2, ["said"] = 1 };
        var usual = new Dictionary<string, int> { ["said"] = 1 };
        return new PartOfSpeechTagger(tags, AveragedPerceptron.ForTraining(3), dictionary, usual);
    }

    [Theory]
    [InlineData("Harbourtown said it", new[] { 2, 1, 0 })]
    [InlineData("HARBOURTOWN Said it", new[] { 0, 0, 0 })] // the dictionary is by the form as written
    [InlineData("harbourtown saids it", new[] { 0, 0, 0 })]
    public void Tag_Words_DictionaryTagOnlyForTheFormAsWritten(string text, int[] expected)
    {
        var words = new List<TextSpan>();
        var start = 0;
        foreach (var word in text.Split(' '))
        {
            words.Add(new TextSpan(start, start + word.Length));
            start += word.Length + 1;
        }

        var tags = new int[words.Count];
        Tagger().Tag(text, [.. words], tags, new TaggerBuffers());
        Assert.Equal(expected, tags);
    }

    [Theory]
    [InlineData("said", 2UL)]
    [InlineData("SAID", 2UL)]
    [InlineData("Said", 2UL)]
    [InlineData("says", 0UL)]
    public void Usual_WordInAnyCase_UsualTagOfItsLowerFormPlusOne(string word, ulong expected)
    {
        Assert.Equal(expected, Tagger().Usual(word, FeatureKey.AddLower(0, word)));
    }
}
