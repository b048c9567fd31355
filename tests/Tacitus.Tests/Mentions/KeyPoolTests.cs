using Tacitus.Mentions;

namespace Tacitus.Tests.Mentions;

public sealed class KeyPoolTests
{
    [Theory]
    [InlineData("minister")]
    [InlineData("of")]
    [InlineData(",")]
    public void Get_SameWordTwice_SameInstance(string word)
    {
        var pool = new KeyPool();
        var first = pool.Get(("x" + word).AsSpan(1));
        var second = pool.Get(word.ToCharArray());
        Assert.Equal(word, first);
        Assert.Same(first, second);
        Assert.Equal(1, pool.Count);
    }

    [Fact]
    public void Get_PoolFull_NewWordsEqualButNotKept()
    {
        var pool = new KeyPool(capacity: 2);
        pool.Get("alpha");
        pool.Get("beta");
        var gamma = pool.Get("gamma");
        Assert.Equal("gamma", gamma);
        Assert.Equal(2, pool.Count);
        Assert.NotSame(gamma, pool.Get("gamma"));
        Assert.Same(pool.Get("alpha"), pool.Get("alpha"));
    }

    [Fact]
    public void Get_Empty_EmptyStringNotPooled()
    {
        var pool = new KeyPool();
        Assert.Same(string.Empty, pool.Get([]));
        Assert.Equal(0, pool.Count);
    }
}
