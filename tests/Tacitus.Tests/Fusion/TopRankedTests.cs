using Tacitus.Fusion;

namespace Tacitus.Tests.Fusion;

public sealed class TopRankedTests
{
    [Theory]
    [InlineData(0, 10)]
    [InlineData(3, 10)]
    [InlineData(10, 10)]
    [InlineData(40, 10)]
    [InlineData(5, 300)]
    public void Of_TotalOrder_SameAsSortingAllAndTakingTheFirst(int count, int items)
    {
        // weights with many ties, broken by the name: the order the titles and profiles use
        var random = new Random(items * 31 + count);
        var terms = Enumerable.Range(0, items).Select(i => (Name: $"t{i:D3}", Weight: (double)random.Next(5))).OrderBy(_ => random.Next()).ToList();
        static int Heavier((string Name, double Weight) a, (string Name, double Weight) b) =>
            b.Weight.CompareTo(a.Weight) is var order && order != 0 ? order : string.CompareOrdinal(a.Name, b.Name);

        var expected = terms.OrderByDescending(t => t.Weight).ThenBy(t => t.Name, StringComparer.Ordinal).Take(count).ToList();

        Assert.Equal(expected, TopRanked.Of(terms, count, Heavier));
    }
}
