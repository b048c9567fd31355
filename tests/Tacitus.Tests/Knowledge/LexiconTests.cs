using Tacitus.Knowledge;

namespace Tacitus.Tests.Knowledge;

public sealed class LexiconTests
{
    [Fact]
    public void ClassOfKey_KeysAskedInTurnAndAgain_SameAsClassOf()
    {
        // more words than the thread's recent keys hold, asked twice, some as other instances of an equal string
        var words = Enumerable.Range(0, 5000).Select(i => ($"w{i}", i % 3 == 0 ? WordClass.Function : i % 3 == 1 ? WordClass.GivenName : WordClass.None, (string?)null)).ToList();
        var lexicon = new Lexicon(words.Where(w => w.Item2 != WordClass.None));
        var keys = words.Select(w => w.Item1).ToArray();

        foreach (var round in new[] { 0, 1 })
        {
            for (var i = 0; i < keys.Length; i++)
            {
                var key = round == 1 && i % 2 == 0 ? new string(keys[i].AsSpan()) : keys[i];
                Assert.Equal(lexicon.ClassOf(key), lexicon.ClassOfKey(key));
            }
        }
    }
}
