using Tacitus.Documents;
using Tacitus.Knowledge;
using Tacitus.Syntax.Clauses;
using Tacitus.Tests.Events;
using Tacitus.Text;

namespace Tacitus.Tests.Knowledge;

/// <summary>The case facts of the keyed index, read from the token layer's shape, the same with and without the layer.</summary>
public sealed class TokenKeysTests
{
    [Theory]
    [InlineData("Officials in Lagos met.", "Lagos", true, false)]     // title case
    [InlineData("The NATO summit opened.", "NATO", true, true)]       // all capitals
    [InlineData("A crowd gathered.", "A", true, true)]                // one capital: all capitals too
    [InlineData("She bought an iPhone there.", "iPhone", false, false)] // mixed, lower-case first
    [InlineData("The McDonald family left.", "McDonald", true, false)] // mixed, capital first
    [InlineData("Troops met al-Sadr there.", "al-Sadr", true, false)] // a particle joined to a name
    [InlineData("Prices rose sharply.", "rose", false, false)]        // lower case
    public void Of_Word_CaseFactsFromTheShape(string text, string word, bool capitalized, bool allCaps)
    {
        foreach (var document in new[] { DocumentBuilder.With(text).Build(), Segmented(text) })
        {
            var keys = TokenKeys.Of(document, KnowledgeBase.Default.Words);
            var i = document.Tokens.FindIndex(t => document.Slice(t.Span).ToString() == word);

            Assert.Equal((capitalized, allCaps), (keys.Capitalized[i], keys.AllCaps[i]));
        }
    }

    [Theory]
    [InlineData("Officials in Lagos met the U.S. envoy.")]                          // full stops inside a word: dropped from the key
    [InlineData("Troops met al-Sadr and the Sadrists' allies.")]                    // hyphen, possessive ending
    [InlineData("“It’s over,” said José Núñez of Ottawa’s council.")]             // curly quotes, accents, a split possessive
    [InlineData("THE NATO SUMMIT OPENED; US$ 5 bn & `quoted` [sic] -- e-mail.")]      // capitals, symbols, back-ticks, dashes
    public void Of_AfterTheWordsStage_SameKeysAsWithout(string text)
    {
        var plain = DocumentBuilder.With(text).Build();
        var read = DocumentBuilder.With(text).Build();
        new WordReader(System.Collections.Frozen.FrozenSet<string>.Empty).Process(read, CancellationToken.None);
        Assert.Equal(read.Tokens.Count, read.Words.Count);

        var expected = TokenKeys.Of(plain, KnowledgeBase.Default.Words);
        var actual = TokenKeys.Of(read, KnowledgeBase.Default.Words);

        Assert.Equal(expected.Keys, actual.Keys);
        Assert.Equal(expected.Classes, actual.Classes);
        Assert.Equal(expected.HasPossessive, actual.HasPossessive);
    }

    [Fact]
    public void LongestMatch_HyphenatedWordWhoseKeyHasASpace_FoundAsAPhraseOfTwoWords()
    {
        // "Quellco-Varn" keys as "quellco varn": a two-word phrase the index holds, though no one-word key starts it in the filter
        var index = PhraseIndex<string>.Build([("quellco varn", "firm"), ("quellco", "other")]);
        var document = Segmented("Shares of Quellco-Varn rose.");
        var keys = TokenKeys.Of(document, KnowledgeBase.Default.Words);
        var i = document.Tokens.FindIndex(t => document.Slice(t.Span).ToString() == "Quellco-Varn");

        var end = keys.LongestMatch(index, i, document.Tokens.Count, out var values);

        Assert.Equal("quellco varn", keys.Keys[i]);
        Assert.Equal(i + 1, end);
        Assert.Equal(["firm"], values);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void LongestMatch_RandomPhrasesAndSentences_SameAsTheLongestPhraseOfTheIndex(int seed)
    {
        // made-up words: phrases of one to three words; sentences of held and unheld words, capitalised or not
        var random = new Random(seed);
        var vocabulary = Enumerable.Range(0, 300).Select(n => $"w{n * 7 % 300:D3}x").ToArray();
        var phrases = new HashSet<string>(StringComparer.Ordinal);
        while (phrases.Count < 400)
        {
            phrases.Add(string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => vocabulary[random.Next(150)])));
        }

        var index = PhraseIndex<string>.Build(phrases.Select(p => (p, p)));
        for (var s = 0; s < 40; s++)
        {
            var words = Enumerable.Range(0, 30).Select(_ => vocabulary[random.Next(vocabulary.Length)]).Select(w => random.Next(3) == 0 ? char.ToUpperInvariant(w[0]) + w[1..] : w).ToArray();
            var document = Segmented(string.Join(' ', words));
            var keys = TokenKeys.Of(document, KnowledgeBase.Default.Words);
            Assert.Equal(words.Length, document.Tokens.Count);
            for (var start = 0; start < words.Length; start++)
            {
                var expected = -1;
                for (var end = Math.Min(words.Length, start + 3); end > start && expected < 0; end--)
                {
                    if (phrases.Contains(string.Join(' ', words[start..end]).ToLowerInvariant()))
                    {
                        expected = end;
                    }
                }

                Assert.Equal(expected, keys.LongestMatch(index, start, words.Length, out _));
            }
        }
    }

    private static Document Segmented(string text)
    {
        var document = new Document(text, new DocumentMetadata()) { Language = "en" };
        new SentenceSegmenter().Process(document, CancellationToken.None);
        return document;
    }
}
