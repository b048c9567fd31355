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

    [Fact]
    public void Current_TwoThreads_OnePool()
    {
        KeyPool? other = null;
        var thread = new Thread(() => other = KeyPool.Current);
        thread.Start();
        thread.Join();

        Assert.Same(KeyPool.Current, other);
    }

    [Fact]
    public void Get_SameWordsFromSeveralThreads_OneInstanceEach()
    {
        var pool = new KeyPool();
        string[] words = ["port", "strike", "union", "wages", "talks", "mayor"];
        var seen = new string[4][];
        Parallel.For(0, seen.Length, t => seen[t] = [.. Enumerable.Range(0, 200).Select(i => pool.Get(words[(i + t) % words.Length].ToCharArray()))]);

        Assert.Equal(words.Length, pool.Count);
        foreach (var word in words)
        {
            var instances = seen.SelectMany(s => s).Where(s => s == word).Distinct(ReferenceEqualityComparer.Instance).Count();
            Assert.Equal(1, instances);
        }
    }
}
