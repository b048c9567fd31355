using System.Runtime.CompilerServices;
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
        // the shared pool's thread cache sits between the two: neither pool may hand out another pool's instance
        var first = new KeyPool();
        var second = new KeyPool();
        var a = first.Get("harbour".ToCharArray());
        var shared = KeyPool.Current.Get("harbour".ToCharArray());
        var b = second.Get("harbour".ToCharArray());

        Assert.NotSame(a, b);
        Assert.NotSame(a, shared);
        Assert.NotSame(b, shared);
        Assert.Same(a, first.Get("harbour".ToCharArray()));
        Assert.Same(b, second.Get("harbour".ToCharArray()));
        Assert.Same(shared, KeyPool.Current.Get("harbour".ToCharArray()));
    }

    [Fact]
    public void Get_OwnPoolDropped_PoolNotKeptAliveByTheThread()
    {
        // only the shared pool has a thread cache: a pool of one's own is collected once its owner lets it go
        var dropped = UseAndDropPool();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(dropped.IsAlive);
    }

    [Fact]
    public void Get_MoreWordsThanTheRecentCacheHolds_EachWordOneInstance()
    {
        // 10,000 words share the thread's few thousand recent slots of the shared pool: a slot holding another word
        // must not answer (the words are this test's own, so other tests' words in the shared pool do not matter)
        var pool = KeyPool.Current;
        var words = Enumerable.Range(0, 10_000).Select(i => $"keypool-test-{i * 7919 % 100_003}").ToArray();
        var kept = words.Select(w => pool.Get(w.ToCharArray())).ToArray();

        for (var i = words.Length - 1; i >= 0; i--)
        {
            var again = pool.Get(words[i].ToCharArray());
            Assert.Equal(words[i], again);
            Assert.Same(kept[i], again);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference UseAndDropPool()
    {
        var pool = new KeyPool();
        Assert.Same(pool.Get("harbour".ToCharArray()), pool.Get("harbour".ToCharArray()));
        return new WeakReference(pool);
    }
}
