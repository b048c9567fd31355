using Tacitus.Store;

namespace Tacitus.Tests.Store;

public sealed class StoreBatchTests : IDisposable
{
    private readonly string db = StoreFixtures.TempDb();

    public void Dispose() => StoreFixtures.DeleteDb(db);

    [Fact]
    public void Commit_DocumentsWrittenOneByOne_VisibleToOtherConnectionsOnlyAfterCommit()
    {
        using var store = DocumentStore.Open(db);
        using var batch = store.Begin();
        batch.Write(new StoreWrite(StoreFixtures.Plain("Bakers went on strike.", origin: "bread.txt")));
        batch.Write(new StoreWrite(StoreFixtures.Plain("Nurses marched downtown.", origin: "care.txt")));

        var before = Committed();
        var result = batch.Commit();

        Assert.Equal((0L, 2, 2), (before, batch.Count, result.Stored));
        Assert.Equal(2L, Committed());
    }

    [Fact]
    public void Dispose_NotCommitted_NothingStored()
    {
        using var store = DocumentStore.Open(db);
        using (var batch = store.Begin())
        {
            batch.Write(new StoreWrite(StoreFixtures.Plain("Ferries stayed in port.", origin: "port.txt")));
        }

        Assert.Equal(0, store.Count());
        Assert.Equal(1, store.SaveBatch([StoreFixtures.Plain("A storm closed the pass.", origin: "pass.txt")]).Stored);
    }

    [Fact]
    public void Write_SameTextTwice_SecondIsAlreadyStored()
    {
        using var store = DocumentStore.Open(db);
        using var batch = store.Begin();
        batch.Write(new StoreWrite(StoreFixtures.Plain("The council met on Friday.", origin: "a.txt")));
        batch.Write(new StoreWrite(StoreFixtures.Plain("The council met on Friday.", origin: "copy.txt")));

        var result = batch.Commit();

        Assert.Equal((1, 1, 0), (result.Stored, result.AlreadyStored, result.Failed.Count));
    }

    private long Committed()
    {
        using var reader = DocumentStore.OpenReadOnly(db);
        return reader.Count();
    }
}
