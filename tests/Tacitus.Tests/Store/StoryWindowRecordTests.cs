using Microsoft.Data.Sqlite;
using Tacitus.Fusion;
using Tacitus.Store;

namespace Tacitus.Tests.Store;

public sealed class StoryWindowRecordTests : IDisposable
{
    private readonly string db = StoreFixtures.TempDb();

    public void Dispose() => StoreFixtures.DeleteDb(db);

    /// <summary>recorded window (null: none), fused documents, window asked for (null: none), re-fuses all, options' window → window used and recorded.</summary>
    public static TheoryData<long?, long, long?, bool, long> Settled => new()
    {
        { null, 0, null, false, 40 },   // a new store records the options' window
        { null, 12, null, false, 40 },  // a store fused before windows were recorded records the first one used
        { null, 12, 9, false, 9 },
        { 5, 12, null, false, 5 },      // a run naming none fuses with the recorded one, not the options'
        { 5, 12, 5, false, 5 },
        { 5, 0, 9, false, 9 },          // nothing fused yet: any window
        { 5, 12, 9, true, 9 },          // re-fusing every document may change it
    };

    [Theory]
    [MemberData(nameof(Settled))]
    public void Settle_RecordedFusedAskedAndRefusing_UsesAndRecordsTheWindow(long? recorded, long fused, long? asked, bool all, long expected)
    {
        using var connection = Store(recorded, fused);

        var options = StoryWindowRecord.Settle(connection, db, StoryOptions.Default with { CloseAfterDocuments = 40, Threshold = 0.3 }, asked, all);

        Assert.Equal((expected, 0.3), (options.CloseAfterDocuments, options.Threshold));
        Assert.Equal(expected, StoryWindowRecord.Recorded(connection));
    }

    [Fact]
    public void Settle_OtherWindowOnFusedStore_FailsWithTac506AndKeepsTheRecord()
    {
        using var connection = Store(5, 12);

        var ex = Assert.Throws<StoreException>(() => StoryWindowRecord.Settle(connection, db, StoryOptions.Default, 9, fusesAllAgain: false));

        Assert.Equal("TAC506", ex.Error.Code);
        Assert.Contains("--story-window 5", ex.Error.Message, StringComparison.Ordinal);
        Assert.Equal(5, StoryWindowRecord.Recorded(connection));
    }

    [Fact]
    public void Open_NoWindowAskedOnStoreRecordingOne_FusesWithTheRecordedWindow()
    {
        using (DocumentStore.Open(db, stories: StoryOptions.Default with { CloseAfterDocuments = 3 }))
        {
        }

        using (DocumentStore.Open(db))
        {
        }

        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        Assert.Equal(3, StoryWindowRecord.Recorded(connection));
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
}
