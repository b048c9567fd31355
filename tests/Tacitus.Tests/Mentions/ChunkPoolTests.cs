using Tacitus.Knowledge;
using Tacitus.Mentions;

namespace Tacitus.Tests.Mentions;

public sealed class ChunkPoolTests
{
    [Fact]
    public void Take_AfterBegin_GivesAFreshChunk()
    {
        var pool = new ChunkPool();
        pool.Begin();
        var role = new RoleInfo("minister", null, RoleType.Title, Plural: false, "test");
        var used = pool.Take(ChunkKind.Role, 2, 4, role: role);
        used.Used = true;
        used.End = 7;

        pool.Begin();
        var again = pool.Take(ChunkKind.Other, 0, 1);

        Assert.Same(used, again);
        Assert.Equal(ChunkKind.Other, again.Kind);
        Assert.Equal((0, 1), (again.Start, again.End));
        Assert.False(again.Used);
        Assert.Null(again.Role);
        Assert.Empty(again.Entries);
        Assert.Empty(again.Countries);
    }

    [Fact]
    public void Take_WithinOneSentence_GivesDistinctChunks()
    {
        var pool = new ChunkPool();
        pool.Begin();
        var first = pool.Take(ChunkKind.Name, 0, 1);
        var second = pool.Take(ChunkKind.Name, 1, 2);
        Assert.NotSame(first, second);
        Assert.Equal(0, first.Start);
    }

    [Fact]
    public void Begin_AfterALongSentence_KeepsAtMostMaxKept()
    {
        var pool = new ChunkPool();
        var list = pool.Begin();
        for (var i = 0; i < ChunkPool.MaxKept + 10; i++)
        {
            list.Add(pool.Take(ChunkKind.Other, i, i + 1));
        }

        Assert.Empty(pool.Begin());
        Assert.Equal(5, pool.Take(ChunkKind.Other, 5, 6).Start);
    }
}
