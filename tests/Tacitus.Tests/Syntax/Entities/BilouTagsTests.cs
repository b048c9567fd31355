using Tacitus.Syntax.Entities;

namespace Tacitus.Tests.Syntax.Entities;

public sealed class BilouTagsTests
{
    private static bool[] Allowed(string? previous, bool last)
    {
        var allowed = new bool[BilouTags.Count];
        BilouTags.Allowed(previous is null ? -1 : BilouTags.Labels().IndexOf(previous), last, allowed);
        return allowed;
    }

    private static bool Allows(string? previous, string next, bool last = false) =>
        Allowed(previous, last)[BilouTags.Labels().IndexOf(next)];

    [Theory]
    [InlineData(null, "O", true)]
    [InlineData(null, "B-PER", true)]
    [InlineData(null, "I-PER", false)]
    [InlineData(null, "L-PER", false)]
    [InlineData("B-PER", "I-PER", true)]
    [InlineData("B-PER", "L-PER", true)]
    [InlineData("B-PER", "L-ORG", false)]
    [InlineData("B-PER", "O", false)]
    [InlineData("I-ORG", "B-ORG", false)]
    [InlineData("L-LOC", "U-PER", true)]
    [InlineData("U-LOC", "I-LOC", false)]
    public void Allowed_Previous_OnlyValidSequences(string? previous, string next, bool allowed) =>
        Assert.Equal(allowed, Allows(previous, next));

    [Theory]
    [InlineData(null, "B-PER", false)]
    [InlineData("B-PER", "I-PER", false)]
    [InlineData("B-PER", "L-PER", true)]
    [InlineData("O", "U-ORG", true)]
    public void Allowed_LastToken_NoNameLeftOpen(string? previous, string next, bool allowed) =>
        Assert.Equal(allowed, Allows(previous, next, last: true));

    [Fact]
    public void Encode_ThenSpans_RoundTrips()
    {
        (int, int, int)[] names = [(0, 2, 0), (3, 1, 2), (5, 3, 1)];
        var tags = new int[9];

        BilouTags.Encode(names, tags);

        Assert.Equal(["B-PER", "L-PER", "O", "U-LOC", "O", "B-ORG", "I-ORG", "L-ORG", "O"], tags.Select(t => BilouTags.Labels()[t]));
        Assert.Equal(names, EntityModel.Spans(tags));
    }
}
