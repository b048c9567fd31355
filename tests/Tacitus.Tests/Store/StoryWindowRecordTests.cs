using Microsoft.Data.Sqlite;
using Tacitus.Documents;
using Tacitus.Fusion;
using Tacitus.Tests.Fusion;
using Tacitus.Store;

namespace Tacitus.Tests.Store;

public sealed class StoryWindowRecordTests : IDisposable
{
    /// <summary>Two stories of two reports each, interleaved: a window of one closes each before its second report.</summary>
    private static List<Document> Reports() =>
    [
        FusionFixtures.Document("Farmers in Ostra harvested a record wheat crop. Wheat prices fell as the harvest grew, farmers said.", "Farm Weekly", "2024-05-02", "c/harvest.txt"),
        FusionFixtures.Document("Norland's navy blockaded the port of Velmar on Wednesday. Ships waited offshore.", "Harbour Post", "2024-05-02", "a/harbour.txt"),
        FusionFixtures.Document("The Ostra wheat harvest broke records. Farmers expect wheat prices to fall further.", "Farm Weekly", "2024-05-03", "c/harvest-2.txt"),
        FusionFixtures.Document("Velmar's port stayed closed by Norland warships; ships waited offshore for a second day.", "Velmar Courier", "2024-05-03", "b/courier.txt"),
    ];

    private readonly string db = StoreFixtures.TempDb();

    public void Dispose() => StoreFixtures.DeleteDb(db);

    /// <summary>recorded window (null: none), fused documents, window asked for (null: none), re-fuses all → window used.</summary>
    public static TheoryData<long?, long, long?, bool, long> Chosen => new()
    {
        { null, 0, null, false, 40 },   // a new store will record the options' window
        { null, 12, null, false, 2_000 }, // a store fused before windows were recorded was fused with the default window
        { null, 12, 2_000, false, 2_000 },
        { null, 12, 9, true, 9 },          // and re-fusing every document may change it
        { 5, 12, null, false, 5 },      // a run naming none fuses with the recorded one, not the options'
        { 5, 12, 5, false, 5 },
        { 5, 0, 9, false, 9 },          // nothing fused yet: any window
        { 5, 12, 9, true, 9 },          // re-fusing every document may change it
    };

    [Theory]
    [MemberData(nameof(Chosen))]
    public void Choose_RecordedFusedAskedAndRefusing_WindowToUseWithoutWriting(long? recorded, long fused, long? asked, bool all, long expected)
    {
        using var connection = Store(recorded, fused);

        var (options, atOpen) = StoryWindowRecord.Choose(connection, db, StoryOptions.Default with { CloseAfterDocuments = 40, Threshold = 0.3 }, asked, all);

        Assert.Equal((expected, 0.3, recorded), (options.CloseAfterDocuments, options.Threshold, atOpen));
        Assert.Equal(recorded, StoryWindowRecord.Recorded(connection));
    }

    [Fact]
    public void Save_AnotherProcessRefusedWithAnotherWindowMeanwhile_FailsWithTac506AndFusesNothing()
    {
        var narrow = StoryOptions.Default with { CloseAfterDocuments = 1 };
        var reports = Reports();
        using (var store = DocumentStore.Open(db, stories: narrow))
        {
            store.Save(reports[0]);
            store.Save(reports[1]);
        }

        using var running = DocumentStore.Open(db); // the recorded window, 1
        using (var other = DocumentStore.Open(db, window: new StoryWindowChoice(2_000, FusesAllAgain: true)))
        {
            other.UnfuseAll();
        }

        var ex = Assert.Throws<StoreException>(() => running.Save(reports[2]));

        Assert.Equal("TAC506", ex.Error.Code);
        Assert.Equal((2_000L, 0L, 2L), (Recorded() ?? 0, Count("story_documents"), Count("documents")));
    }

    [Fact]
    public void Choose_OtherWindowOnFusedStore_FailsWithTac506()
    {
        using var connection = Store(5, 12);

        var ex = Assert.Throws<StoreException>(() => StoryWindowRecord.Choose(connection, db, StoryOptions.Default, 9, fusesAllAgain: false));

        Assert.Equal("TAC506", ex.Error.Code);
        Assert.Contains("--story-window 5", ex.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_OtherWindowOnStoreFusedBeforeTheRecord_FailsWithTac506NamingTheDefault()
    {
        using var connection = Store(null, 12);

        var ex = Assert.Throws<StoreException>(() => StoryWindowRecord.Choose(connection, db, StoryOptions.Default, 9, fusesAllAgain: false));

        Assert.Equal("TAC506", ex.Error.Code);
        Assert.Contains("taken as fused with the default --story-window 2000", ex.Error.Message, StringComparison.Ordinal);
        Assert.Contains("if it was fused with another", ex.Error.Message, StringComparison.Ordinal);
        Assert.Contains("reanalyse --all --story-window 9", ex.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_StoreFusedBeforeTheRecord_FusesWithAndRecordsTheDefaultWindow()
    {
        using (var store = DocumentStore.Open(db))
        {
            store.Save(Reports()[0]);
        }

        Delete("story_window");
        using (var store = DocumentStore.Open(db, stories: StoryOptions.Default with { CloseAfterDocuments = 1 }))
        {
            store.Save(Reports()[1]);
            store.Save(Reports()[2]); // with the default window the second harvest report joins the first one's story
        }

        Assert.Equal((2_000L, 2L), (Recorded() ?? 0, Count("stories")));
    }

    [Fact]
    public void Open_StoreWithoutRecordOpenedToRead_RecordsNothing()
    {
        using (var store = DocumentStore.Open(db, stories: StoryOptions.Default with { CloseAfterDocuments = 1 }))
        {
            store.Save(Reports()[0]);
        }

        Delete("story_window");

        using (var reading = DocumentStore.Open(db, create: false))
        {
            _ = reading.Count();
        }

        Assert.Null(Recorded());
    }

    [Fact]
    public void Save_FirstBatchThatFuses_RecordsTheWindowItFusedWith()
    {
        using (DocumentStore.Open(db, stories: StoryOptions.Default with { CloseAfterDocuments = 3 }))
        {
        }

        var before = Recorded();
        using (var store = DocumentStore.Open(db, stories: StoryOptions.Default with { CloseAfterDocuments = 3 }))
        {
            store.Save(Reports()[0]);
        }

        using (DocumentStore.Open(db))
        {
        }

        Assert.Equal((null, 3L), (before, Recorded()));
    }

    [Fact]
    public void UnfuseAll_WiderWindowThenBacklog_StoriesAsAFreshStoreWithThatWindow()
    {
        var narrow = StoryOptions.Default with { CloseAfterDocuments = 1 };
        using (var store = DocumentStore.Open(db, stories: narrow))
        {
            foreach (var report in Reports())
            {
                store.Save(report);
            }
        }

        var storiesNarrow = Count("stories");
        long recordedAfterUnfuse, fusedAfterUnfuse;
        using (var store = DocumentStore.Open(db, window: new StoryWindowChoice(2_000, FusesAllAgain: true)))
        {
            store.UnfuseAll();
            (recordedAfterUnfuse, fusedAfterUnfuse) = (Recorded() ?? 0, Count("story_documents"));
            store.FuseBacklog();
        }

        Assert.Equal((4L, 2_000L, 0L), (storiesNarrow, recordedAfterUnfuse, fusedAfterUnfuse));
        Assert.Equal(2, Count("stories"));
    }

    private SqliteConnection Store(long? recorded, long fused)
    {
        using (DocumentStore.Open(db, fuse: false))
        {
        }

        var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE fusion_state SET value = $fused WHERE name = 'documents'" +
            (recorded is null ? string.Empty : "; INSERT INTO fusion_state (name, value) VALUES ('story_window', $recorded)");
        command.Parameters.AddWithValue("$fused", fused);
        command.Parameters.AddWithValue("$recorded", recorded ?? 0);
        command.ExecuteNonQuery();
        return connection;
    }

    private long? Recorded()
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        return StoryWindowRecord.Recorded(connection);
    }

    private long Count(string table)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    private void Delete(string name)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM fusion_state WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        Assert.Equal(1, command.ExecuteNonQuery());
    }
}
