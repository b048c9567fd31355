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

    [Fact]
    public void Get_TwoPoolsInTurnOnOneThread_EachGivesItsOwnInstance()
    {
        // each thread keeps its recent words of one pool: asking another pool in between must not hand out the first's
        var first = new KeyPool();
        var second = new KeyPool();
        var a = first.Get("harbour".ToCharArray());
        var b = second.Get("harbour".ToCharArray());

        Assert.NotSame(a, b);
        Assert.Same(a, first.Get("harbour".ToCharArray()));
        Assert.Same(b, second.Get("harbour".ToCharArray()));
    }

    [Fact]
    public void Get_MoreWordsThanTheRecentCacheHolds_EachWordOneInstance()
    {
        // 20,000 words share the thread's few thousand recent slots: a slot holding another word must not answer
        var pool = new KeyPool();
        var words = Enumerable.Range(0, 20_000).Select(i => $"w{i * 7919 % 100_003}").ToArray();
        var kept = words.Select(w => pool.Get(w.ToCharArray())).ToArray();

        for (var i = words.Length - 1; i >= 0; i--)
        {
            var again = pool.Get(words[i].ToCharArray());
            Assert.Equal(words[i], again);
            Assert.Same(kept[i], again);
        }

        Assert.Equal(words.Length, pool.Count);
    }
}
