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

    /// <summary>Clusters the reports in one store, in batches of the sizes given (each its own clusterer when <paramref name="restart"/>: a new process).</summary>
    private static List<long> Cluster(string path, bool rollBackFirst = false, bool flushFailed = true, bool restart = false, StoryOptions? options = null, int[]? batches = null)
    {
        using (DocumentStore.Open(path))
        {
        }

        using var connection = new SqliteConnection($"Data Source={path};Foreign Keys=False;Pooling=False");
        connection.Open();
        using var sql = new PreparedStatements(connection);
        var clusterer = new StoryClusterer(sql, FusionLexicon.Default, options ?? StoryOptions.Default);
        var documents = Reports();
        if (rollBackFirst)
        {
            using var failed = connection.BeginTransaction();
            sql.Enlist(failed);
            for (var i = 0; i < documents.Count; i++)
            {
                clusterer.Assign(i + 1, documents[i]);
            }

            if (flushFailed)
            {
                clusterer.Flush();
            }

            failed.Rollback();
        }

        var stories = new List<long>();
        foreach (var size in batches ?? [documents.Count])
        {
            if (restart)
            {
                clusterer = new StoryClusterer(sql, FusionLexicon.Default, options ?? StoryOptions.Default);
            }

            using var transaction = connection.BeginTransaction();
            sql.Enlist(transaction);
            stories.AddRange(documents.Skip(stories.Count).Take(size).Select((d, i) => clusterer.Assign(stories.Count + i + 1, d)).ToList());
            clusterer.Flush();
            transaction.Commit();
        }

        sql.Enlist(null);
        return stories;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Assign_AfterARolledBackBatch_SameStoriesAsAStoreThatNeverSawIt(bool flushedBeforeRollback)
    {
        var expected = Cluster(fresh);

        var stories = Cluster(db, rollBackFirst: true, flushFailed: flushedBeforeRollback);

        Assert.Equal(expected, stories);
        Assert.Equal(stories[0], stories[2]);
        Assert.NotEqual(stories[0], stories[1]);
    }

    [Fact]
    public void Assign_NewProcessEachBatch_SameStoriesAsOneRun()
    {
        var expected = Cluster(fresh);

        var stories = Cluster(db, restart: true, batches: [1, 2, 1]);

        Assert.Equal(expected, stories);
    }

    [Fact]
    public void Flush_HalfThenReopenedForTheRest_SameStoryRowsAndCentroidBytesAsOneRun()
    {
        Cluster(fresh);

        Cluster(db, restart: true, batches: [2, 2]);

        Assert.Equal(StoryRows(fresh), StoryRows(db));
        Assert.NotEmpty(StoryRows(db));
    }

    [Fact]
    public void Flush_MoreTermsThanTermsInMemory_HoldsAtMostTheBoundWithTheSameStoriesAndFrequencies()
    {
        Cluster(fresh);
        using (DocumentStore.Open(db))
        {
        }

        using var connection = new SqliteConnection($"Data Source={db};Foreign Keys=False;Pooling=False");
        connection.Open();
        using var sql = new PreparedStatements(connection);
        var clusterer = new StoryClusterer(sql, FusionLexicon.Default, StoryOptions.Default with { TermsInMemory = 4 });
        var held = new List<int>();
        var documents = Reports();
        for (var i = 0; i < documents.Count; i++)
        {
            using var transaction = connection.BeginTransaction();
            sql.Enlist(transaction);
            clusterer.Assign(i + 1, documents[i]);
            clusterer.Flush();
            transaction.Commit();
            held.Add(clusterer.TermsInMemory);
        }

        sql.Enlist(null);
        Assert.All(held, count => Assert.InRange(count, 1, 4));
        Assert.True(clusterer.TermsRead > 0);
        Assert.Equal(StoryRows(fresh), StoryRows(db));
        Assert.Equal(TermRows(fresh), TermRows(db));
    }

    [Fact]
    public void Assign_NewProcessEachBatchWithFewTermsInMemory_SameStoryRowsAsOneRun()
    {
        Cluster(fresh);

        Cluster(db, restart: true, options: StoryOptions.Default with { TermsInMemory = 2 }, batches: [1, 1, 1, 1]);

        Assert.Equal(StoryRows(fresh), StoryRows(db));
        Assert.Equal(TermRows(fresh), TermRows(db));
    }

    [Fact]
    public void Flush_FewerDocumentsThanTermsWrittenEvery_FrequenciesWaitAndEachNewTermHasItsRow()
    {
        Cluster(fresh, options: StoryOptions.Default with { TermsWrittenEvery = 1 });

        Cluster(db);

        // the rows are there with their displays, each count 0: the placed documents' contributions carry the counts
        Assert.Equal(TermRows(fresh).Select(row => row.Split('|') is var f ? $"{f[0]}|0|{f[2]}" : row), RawTermRows(db));
        Assert.Equal(TermRows(fresh), RawTermRows(fresh));
        Assert.Equal(TermRows(fresh), TermRows(db));
        Assert.Equal(StoryRows(fresh), StoryRows(db));
    }

    [Fact]
    public void Assign_NewProcessEachBatchWithFrequenciesWrittenEveryFewDocuments_SameStoryRowsAndFrequenciesAsEveryBatch()
    {
        const int every = 3;
        var expected = Cluster(fresh, options: StoryOptions.Default with { TermsWrittenEvery = 1 });

        var stories = Cluster(db, restart: true, options: StoryOptions.Default with { TermsWrittenEvery = every }, batches: [1, 1, 1, 1]);

        // written after document `every`, the later ones counted again by each new process
        Assert.Equal(every, Convert.ToInt32(RawState(db, "terms_through"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEqual(TermRows(db), RawTermRows(db));
        Assert.Equal(expected, stories);
        Assert.Equal(StoryRows(fresh), StoryRows(db));
        Assert.Equal(TermRows(fresh), TermRows(db));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Assign_AfterARolledBackBatchThatWroteFrequencies_SameStoriesAndFrequenciesAsAStoreThatNeverSawIt(bool flushedBeforeRollback)
    {
        var options = StoryOptions.Default with { TermsWrittenEvery = 2 };
        var expected = Cluster(fresh, options: options);

        var stories = Cluster(db, rollBackFirst: true, flushFailed: flushedBeforeRollback, options: options);

        Assert.Equal(expected, stories);
        Assert.Equal(StoryRows(fresh), StoryRows(db));
        Assert.Equal(TermRows(fresh), TermRows(db));
    }

    /// <summary>Two reports a re-analysis gives for the third and fourth documents, and a fifth report sharing words with both readings.</summary>
    private static List<Document> Renewed() =>
    [
        Document("Velmar's harbour pilots said Norland's blockade of the port kept the wheat ships offshore.", "Harbour Post", "2024-05-03", "c/harvest-2.txt"),
        Document("Ostra's farmers said the Velmar blockade left their wheat harvest waiting at the port.", "Velmar Courier", "2024-05-03", "b/courier.txt"),
        Document("Wheat ships reached Velmar's port as Norland lifted the blockade; Ostra's farmers expect prices to rise.", "Farm Weekly", "2024-05-04", "d/fifth.txt"),
    ];

    /// <summary>Creates the store with a document row for each of the four reports and the fifth (a rewind replays a story's documents with their publication days).</summary>
    private static SqliteConnection StoreWithDocuments(string path)
    {
        using (DocumentStore.Open(path))
        {
        }

        var connection = new SqliteConnection($"Data Source={path};Foreign Keys=False;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO documents (seq, id, published, language, text, ingested_at, sentence_count, boilerplate_count, mention_count, attribution_count, event_count) " +
            "VALUES ($seq, $id, $published, 'en', 'text', '2026-01-02T03:04:05Z', 0, 0, 0, 0, 0)";
        var (seq, id, published) = (command.Parameters.Add("$seq", SqliteType.Integer), command.Parameters.Add("$id", SqliteType.Text), command.Parameters.Add("$published", SqliteType.Text));
        var all = Reports();
        all.Add(Renewed()[2]);
        for (var i = 0; i < all.Count; i++)
        {
            (seq.Value, id.Value, published.Value) = (i + 1, all[i].Id.Value, all[i].Metadata.Published!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            command.ExecuteNonQuery();
        }

        return connection;
    }

    /// <summary>Places the four reports in one committed batch (frequencies written every batch, so a wrong count reaches the rows).</summary>
    private static (PreparedStatements Sql, StoryClusterer Clusterer) FourPlaced(SqliteConnection connection)
    {
        var sql = new PreparedStatements(connection);
        var clusterer = new StoryClusterer(sql, FusionLexicon.Default, StoryOptions.Default with { TermsWrittenEvery = 1 });
        Batch(connection, sql, () =>
        {
            var documents = Reports();
            for (var i = 0; i < documents.Count; i++)
            {
                clusterer.Assign(i + 1, documents[i]);
            }
        }, clusterer.Flush);
        return (sql, clusterer);
    }

    /// <summary>Runs <paramref name="work"/> and <see cref="StoryClusterer.Flush"/> in a transaction; commits it, or rolls it back when <paramref name="commit"/> is false (and calls nothing else: the caller that forgets).</summary>
    private static void Batch(SqliteConnection connection, PreparedStatements sql, Action work, Action? flush = null, bool commit = true)
    {
        using var transaction = connection.BeginTransaction();
        sql.Enlist(transaction);
        work();
        flush?.Invoke();
        if (commit)
        {
            transaction.Commit();
        }
        else
        {
            transaction.Rollback();
        }
    }

    [Fact]
    public void Assign_ReplacedBatchWrittenThenRolledBackWithoutForget_SameStoriesAndFrequenciesAsAStoreThatNeverSawIt()
    {
        long expected = 0;
        using (var connection = StoreWithDocuments(fresh))
        {
            var (sql, clusterer) = FourPlaced(connection);
            Batch(connection, sql, () => expected = clusterer.Assign(5, Renewed()[2]), clusterer.Flush);
            sql.Dispose();
        }

        long story = 0;
        using (var connection = StoreWithDocuments(db))
        {
            var (sql, clusterer) = FourPlaced(connection);
            // a re-analysis batch: the third and fourth documents taken back and placed again with new readings, written,
            // and then its transaction rolled back (its commit failed): the store's document count is what it was before
            Batch(connection, sql, () =>
            {
                clusterer.Rewind(3);
                clusterer.Assign(3, Renewed()[0]);
                clusterer.Assign(4, Renewed()[1]);
            }, clusterer.Flush, commit: false);
            Batch(connection, sql, () => story = clusterer.Assign(5, Renewed()[2]), clusterer.Flush);
            sql.Dispose();
        }

        Assert.Equal(expected, story);
        Assert.Equal(StoryRows(fresh), StoryRows(db));
        Assert.Equal(TermRows(fresh), TermRows(db));
        Assert.Equal(TermRows(db), RawTermRows(db));
    }

    [Fact]
    public void Flush_NextTransactionAfterAnUnwrittenBatchRolledBackWithoutForget_WritesNothingOfIt()
    {
        using (var connection = StoreWithDocuments(fresh))
        {
            FourPlaced(connection).Sql.Dispose();
        }

        using (var connection = StoreWithDocuments(db))
        {
            var (sql, clusterer) = FourPlaced(connection);
            Batch(connection, sql, () => clusterer.Assign(5, Renewed()[2]), commit: false);
            // the next batch places nothing (its documents were all stored already) and writes what fusion holds
            Batch(connection, sql, () => { }, clusterer.Flush);
            sql.Dispose();
        }

        Assert.Equal(StoryRows(fresh), StoryRows(db));
        Assert.Equal(TermRows(fresh), TermRows(db));
        Assert.Equal(4L, Convert.ToInt64(RawState(db, "documents"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Assign_AfterARewindThrewInTheSameTransaction_RefusedUntilRolledBackThenPlaced()
    {
        using var connection = StoreWithDocuments(db);
        var (sql, clusterer) = FourPlaced(connection);
        // the fourth document's contribution no longer decodes: taking it back fails part way
        Damage(db, "UPDATE story_documents SET contribution = x'ff' WHERE document = 4");
        using (var transaction = connection.BeginTransaction())
        {
            sql.Enlist(transaction);
            Assert.Equal("TAC504", Assert.Throws<StoreException>(() => clusterer.Rewind(4)).Error.Code);

            Assert.Throws<InvalidOperationException>(() => clusterer.Assign(5, Renewed()[2]));
            Assert.Throws<InvalidOperationException>(clusterer.Flush);
            transaction.Rollback();
        }

        long story = 0;
        Batch(connection, sql, () => story = clusterer.Assign(5, Renewed()[2]), clusterer.Flush);
        sql.Dispose();

        Assert.True(story > 0);
        Assert.Equal(5L, Convert.ToInt64(RawState(db, "documents"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Rewind_WholeStoreInANewTransactionAfterAssignThrewBeforeItsBatchBegan_TakesEveryDocumentBack()
    {
        using var connection = StoreWithDocuments(db);
        var (sql, clusterer, _) = TwoPlacedThenDamagedOnANewClusterer(connection);
        // the repair the error names: the whole store taken back, in a new transaction
        var kept = true;
        Batch(connection, sql, () => kept = clusterer.Rewind(1), clusterer.Flush);
        long story = 0;
        Batch(connection, sql, () => story = clusterer.Assign(1, Reports()[0]), clusterer.Flush);
        sql.Dispose();

        Assert.False(kept);
        Assert.True(story > 0);
        Assert.Equal(1L, Convert.ToInt64(RawState(db, "documents"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Assign_NewTransactionAfterAssignThrewBeforeItsBatchBeganAndTheStoreWasRepaired_SameStoriesAndFrequenciesAsAStoreNeverDamaged()
    {
        using (var connection = StoreWithDocuments(fresh))
        {
            var (sql, clusterer) = TwoPlaced(connection);
            Batch(connection, sql, () => clusterer.Assign(3, Reports()[2]), clusterer.Flush);
            sql.Dispose();
        }

        using (var connection = StoreWithDocuments(db))
        {
            var (sql, clusterer, contribution) = TwoPlacedThenDamagedOnANewClusterer(connection);
            Damage(db, $"UPDATE story_documents SET contribution = x'{contribution}' WHERE document = 1");
            Batch(connection, sql, () => clusterer.Assign(3, Reports()[2]), clusterer.Flush);
            sql.Dispose();
        }

        Assert.Equal(StoryRows(fresh), StoryRows(db));
        Assert.Equal(TermRows(fresh), TermRows(db));
        Assert.Equal(3L, Convert.ToInt64(RawState(db, "documents"), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Places the first two reports in one committed batch, frequencies left to be counted again from the contributions on reading the state.</summary>
    private static (PreparedStatements Sql, StoryClusterer Clusterer) TwoPlaced(SqliteConnection connection)
    {
        var sql = new PreparedStatements(connection);
        var clusterer = new StoryClusterer(sql, FusionLexicon.Default, StoryOptions.Default);
        Batch(connection, sql, () =>
        {
            clusterer.Assign(1, Reports()[0]);
            clusterer.Assign(2, Reports()[1]);
        }, clusterer.Flush);
        return (sql, clusterer);
    }

    /// <summary>
    /// Two reports placed, then the first one's contribution damaged and a new clusterer (a new process) asked to place the
    /// third: reading the state fails (TAC504) before any batch begins, and the caller rolls back, calling nothing else.
    /// </summary>
    /// <returns>The clusterer, its statements, and the first report's contribution as it was (hex).</returns>
    private (PreparedStatements Sql, StoryClusterer Clusterer, string Contribution) TwoPlacedThenDamagedOnANewClusterer(SqliteConnection connection)
    {
        TwoPlaced(connection).Sql.Dispose();
        var contribution = Convert.ToHexString((byte[])RawScalar(db, "SELECT contribution FROM story_documents WHERE document = 1")!);
        Damage(db, "UPDATE story_documents SET contribution = x'ff' WHERE document = 1");
        var sql = new PreparedStatements(connection);
        var clusterer = new StoryClusterer(sql, FusionLexicon.Default, StoryOptions.Default);
        using (var transaction = connection.BeginTransaction())
        {
            sql.Enlist(transaction);
            Assert.Equal("TAC504", Assert.Throws<StoreException>(() => clusterer.Assign(3, Reports()[2])).Error.Code);
            transaction.Rollback();
        }

        return (sql, clusterer, contribution);
    }

    private static object? RawScalar(string path, string query)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = query;
        return command.ExecuteScalar();
    }

    /// <summary>The <c>fusion_term_counts</c> rows as written.</summary>
    private static List<string> RawTermRows(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT term, df, display FROM fusion_term_counts ORDER BY term";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add($"{reader.GetString(0)}|{reader.GetInt64(1)}|{reader.GetString(2)}");
        }

        return rows;
    }

    private static object? RawState(string path, string name)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM fusion_state WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        return command.ExecuteScalar();
    }

    [Fact]
    public void Assign_StoredStoryTermWithoutAFrequencyRow_CodedStoreError()
    {
        // frequencies written every batch: nothing is counted again on reading the state, so the title is what fails
        var options = StoryOptions.Default with { TermsWrittenEvery = 1 };
        Cluster(db, batches: [2], options: options);
        // the store lost the frequency table: a story read back from it has terms whose display is nowhere
        Damage(db, "DELETE FROM fusion_term_counts");

        var failed = Assert.Throws<StoreException>(() => AssignThird(db, options));

        Assert.Equal("TAC504", failed.Error.Code);
        Assert.Contains("story term", failed.Error.Message, StringComparison.Ordinal);
        Assert.Contains("fusion_term_counts", failed.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assign_ContributionTermNotYetCountedWithoutAFrequencyRow_CodedStoreErrorNamingTheDocumentRow()
    {
        // default options: both documents' terms wait in their contributions and are counted again on reading the state
        Cluster(db, batches: [2]);
        Damage(db, "DELETE FROM fusion_term_counts");

        var failed = Assert.Throws<StoreException>(() => AssignThird(db, StoryOptions.Default));

        Assert.Equal("TAC504", failed.Error.Code);
        Assert.Contains("story contribution term", failed.Error.Message, StringComparison.Ordinal);
        Assert.Contains("reanalyse --all", failed.Error.Message, StringComparison.Ordinal);
        Assert.Equal("document row 1", failed.Error.Record);
    }

    [Fact]
    public void Assign_StoreWithoutTermsThroughRow_CodedStoreErrorInsteadOfCountingEveryDocumentAgain()
    {
        Cluster(db, batches: [2], options: StoryOptions.Default with { TermsWrittenEvery = 1 });
        // as a store below migration 22 has it: the frequencies count every placed document, and no row says so
        Damage(db, "DELETE FROM fusion_state WHERE name = 'terms_through'");

        var failed = Assert.Throws<StoreException>(() => AssignThird(db, StoryOptions.Default));

        Assert.Equal("TAC504", failed.Error.Code);
        Assert.Contains("terms_through", failed.Error.Message, StringComparison.Ordinal);
    }

    /// <summary>Runs one statement on the store behind the clusterer's back.</summary>
    private static void Damage(string path, string statement)
    {
        using var damage = new SqliteConnection($"Data Source={path};Pooling=False");
        damage.Open();
        using var command = damage.CreateCommand();
        command.CommandText = statement;
        command.ExecuteNonQuery();
    }

    /// <summary>A new clusterer places the third report (the harvest's second, which joins the stored harvest story) in a transaction of its own.</summary>
    private static long AssignThird(string path, StoryOptions options)
    {
        using var connection = new SqliteConnection($"Data Source={path};Foreign Keys=False;Pooling=False");
        connection.Open();
        using var sql = new PreparedStatements(connection);
        var clusterer = new StoryClusterer(sql, FusionLexicon.Default, options);
        using var transaction = connection.BeginTransaction();
        sql.Enlist(transaction);
        var story = clusterer.Assign(3, Reports()[2]);
        sql.Enlist(null);
        return story;
    }

    /// <summary>Every term's document frequency and display, as reading the store's state gives them.</summary>
    private static List<string> TermRows(string path) => StoredFrequencies.Of(path);

    /// <summary>Every story row, its centroid's bytes in hex.</summary>
    private static List<string> StoryRows(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, title, first_day, last_day, documents, norm2, terms, hex(centroid), last_document FROM stories ORDER BY id";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(string.Join("|", values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    public static TheoryData<long, bool> CloseCases() => new()
    {
        { 2_000, true }, // the harvest story is open when its second report comes
        { 2, true },     // two arrivals behind: still open
        { 1, false },    // one document arrived after it and none joined it: closed, the second report starts a story
    };

    [Theory]
    [MemberData(nameof(CloseCases))]
    public void Assign_StoryNotJoinedForCloseAfterDocuments_Closed(long closeAfter, bool joined)
    {
        var options = StoryOptions.Default with { CloseAfterDocuments = closeAfter };

        var stories = Cluster(db, options: options);
        var restarted = Cluster(fresh, restart: true, options: options, batches: [2, 2]);

        Assert.Equal(joined, stories[0] == stories[2]);
        Assert.Equal(stories, restarted);
    }
}
