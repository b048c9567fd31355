using Microsoft.Data.Sqlite;
using Tacitus.Store;

namespace Tacitus.Tests.Store;

public sealed class StoreMigrationTests : IDisposable
{
    private readonly string db = StoreFixtures.TempDb();

    public void Dispose() => StoreFixtures.DeleteDb(db);

    [Fact]
    public void Open_NewStore_IsAtLatestVersion()
    {
        using var store = DocumentStore.Open(db);
        Assert.Equal(StoreMigrations.Latest, store.SchemaVersion);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Open_OlderStoreWithDocuments_UpgradesAndIndexesThem(int olderVersion)
    {
        var doc = StoreFixtures.Plain("Fishermen protested at the lighthouse.", "Harbour protest");
        using (var old = DocumentStore.Open(db, schemaVersion: olderVersion))
        {
            Assert.Equal(olderVersion, old.SchemaVersion);
            old.Save(doc);
        }

        using var store = DocumentStore.Open(db);
        Assert.Equal(StoreMigrations.Latest, store.SchemaVersion);
        Assert.Equal(doc.Id, Assert.Single(store.List("lighthouse")).Id);
        Assert.Equal(doc.Text, store.Load(doc.Id)!.Text);
    }

    [Fact]
    public void Migrations_AreNumberedInOrderFromOne()
    {
        // version 4 belongs to another branch (exports); numbers only have to grow
        var versions = StoreMigrations.All.Select(m => m.Version).ToList();
        Assert.Equal(1, versions[0]);
        Assert.All(versions.Zip(versions.Skip(1)), pair => Assert.True(pair.Second > pair.First));
    }

    [Fact]
    public void Open_StoreNewerThanProgram_FailsWithTac502()
    {
        using (DocumentStore.Open(db))
        {
        }

        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA user_version = {StoreMigrations.Latest + 1}";
            command.ExecuteNonQuery();
        }

        var ex = Assert.Throws<StoreException>(() => DocumentStore.Open(db));
        Assert.Equal("TAC502", ex.Error.Code);
    }

    [Fact]
    public void Migrate_FailingStep_LeavesStoreAtPreviousVersion()
    {
        using (DocumentStore.Open(db, schemaVersion: 2))
        {
        }

        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE INDEX events_type ON events(type)"; // makes step 3 fail half-way
            command.ExecuteNonQuery();
        }

        Assert.Throws<StoreException>(() => DocumentStore.Open(db));
        using var check = new SqliteConnection($"Data Source={db};Pooling=False");
        check.Open();
        Assert.Equal(2, StoreSchemaMigrator.CurrentVersion(check));
        using var query = check.CreateCommand();
        query.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'documents_published'";
        Assert.Equal(0L, query.ExecuteScalar());
    }
}
