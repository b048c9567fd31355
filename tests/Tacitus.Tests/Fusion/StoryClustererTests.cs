using Microsoft.Data.Sqlite;
using Tacitus.Documents;
using Tacitus.Fusion;
using Tacitus.Store;
using Tacitus.Tests.Store;
using static Tacitus.Tests.Fusion.FusionFixtures;

namespace Tacitus.Tests.Fusion;

/// <summary>Story clustering on a store's connection, its in-memory index kept in step with what the store commits.</summary>
public sealed class StoryClustererTests : IDisposable
{
    private readonly string db = StoreFixtures.TempDb();
    private readonly string fresh = StoreFixtures.TempDb();

    public void Dispose()
    {
        StoreFixtures.DeleteDb(db);
        StoreFixtures.DeleteDb(fresh);
    }

    private static List<Document> Reports() =>
    [
        Document("Farmers in Ostra harvested a record wheat crop. Wheat prices fell as the harvest grew, farmers said.", "Farm Weekly", "2024-05-02", "c/harvest.txt"),
        Document("Norland's navy blockaded the port of Velmar on Wednesday. Ships waited offshore.", "Harbour Post", "2024-05-02", "a/harbour.txt"),
        Document("The Ostra wheat harvest broke records. Farmers expect wheat prices to fall further.", "Farm Weekly", "2024-05-03", "c/harvest-2.txt"),
        Document("Velmar's port stayed closed by Norland warships; ships waited offshore for a second day.", "Velmar Courier", "2024-05-03", "b/courier.txt"),
    ];

    private static List<long> Cluster(string path, bool rollBackFirst)
    {
        using (DocumentStore.Open(path))
        {
        }

        using var connection = new SqliteConnection($"Data Source={path};Foreign Keys=False;Pooling=False");
        connection.Open();
        using var sql = new PreparedStatements(connection);
        var clusterer = new StoryClusterer(sql, FusionLexicon.Default, StoryOptions.Default);
        var documents = Reports();
        if (rollBackFirst)
        {
            using var failed = connection.BeginTransaction();
            sql.Enlist(failed);
            for (var i = 0; i < documents.Count; i++)
            {
                clusterer.Assign(i + 1, documents[i]);
            }

            failed.Rollback();
        }

        using var transaction = connection.BeginTransaction();
        sql.Enlist(transaction);
        var stories = documents.Select((d, i) => clusterer.Assign(i + 1, d)).ToList();
        transaction.Commit();
        sql.Enlist(null);
        return stories;
    }

    [Fact]
    public void Assign_AfterARolledBackBatch_SameStoriesAsAStoreThatNeverSawIt()
    {
        var expected = Cluster(fresh, rollBackFirst: false);

        var stories = Cluster(db, rollBackFirst: true);

        Assert.Equal(expected, stories);
        Assert.Equal(stories[0], stories[2]);
        Assert.NotEqual(stories[0], stories[1]);
    }
}
