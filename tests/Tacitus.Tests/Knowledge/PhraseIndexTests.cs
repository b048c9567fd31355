using Tacitus.Knowledge;

namespace Tacitus.Tests.Knowledge;

public sealed class PhraseIndexTests
{
    [Fact]
    public void TryGetWord_WordsAskedInTurnAndAgain_SameAsTryGet()
    {
        // phrases, prefixes only ("port" of "port authority") and absent words, more than the thread's recent keys
        // hold, asked twice, some the second time as other instances of an equal string
        var items = new List<(string, int)> { ("port authority", 1), ("harbour", 2), ("harbour", 3) };
        items.AddRange(Enumerable.Range(0, 3000).Select(i => ($"w{i}", i)));
        var index = PhraseIndex<int>.Build(items);
        var asks = new[] { "port", "harbour", "port authority", "quay" }.Concat(Enumerable.Range(0, 6000).Select(i => $"w{i}")).ToArray();

        foreach (var round in new[] { 0, 1 })
        {
            for (var i = 0; i < asks.Length; i++)
            {
                var word = round == 1 && i % 2 == 0 ? new string(asks[i].AsSpan()) : asks[i];
                var expected = index.TryGet(word.AsSpan(), out var expectedValues, out var expectedKnown);

                var got = index.TryGetWord(word, out var values, out var known);

                Assert.Equal(expected, got);
                Assert.Equal(expectedKnown, known);
                Assert.Equal(expectedValues, values);
            }
        }
    }

    [Theory]
    [InlineData("port", false, true, new int[0])]
    [InlineData("harbour", true, true, new[] { 2, 3 })]
    [InlineData("quay", false, false, new int[0])]
    public void TryGetWord_AskedTwice_SameAnswerBothTimes(string word, bool found, bool known, int[] values)
    {
        var index = PhraseIndex<int>.Build([("port authority", 1), ("harbour", 2), ("harbour", 3)]);

        foreach (var _ in new[] { 1, 2 })
        {
            Assert.Equal(found, index.TryGetWord(word, out var got, out var isKnown));
            Assert.Equal(known, isKnown);
            Assert.Equal(values, got);
        }
    }
}
