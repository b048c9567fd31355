using Microsoft.Data.Sqlite;
using Tacitus.Documents;
using Tacitus.Contract;
using Tacitus.Store;

namespace Tacitus.Tests.Store;

public sealed class DocumentStoreTests : IDisposable
{
    private readonly string db = StoreFixtures.TempDb();

    public void Dispose() => StoreFixtures.DeleteDb(db);

    [Fact]
    public void SaveBatch_ThreeDocuments_FullTextIndexGetsOneSegmentAndFindsEachByTitleAndText()
    {
        var documents = new[]
        {
            StoreFixtures.Plain("Fishermen protested at the lighthouse.", "Harbour protest", origin: "a.txt"),
            StoreFixtures.Plain("The ferry sailed late after the storm.", "Ferry delayed", origin: "b.txt"),
            StoreFixtures.Plain("Millers met the council about grain.", "Grain talks", origin: "c.txt"),
        };
        using var store = DocumentStore.Open(db);

        Assert.Equal(3, store.SaveBatch(documents).Stored);

        // one transaction, one segment: the trigger the index was written by before (migration 21) flushed a segment per document
        Assert.Equal(1L, FullTextSegments());
        Assert.Equal(documents[0].Id, Assert.Single(store.List("lighthouse")).Id);
        Assert.Equal(documents[1].Id, Assert.Single(store.List("ferry")).Id);
        Assert.Equal(documents[2].Id, Assert.Single(store.List("grain")).Id);
        Assert.Equal(documents[2].Id, Assert.Single(store.List("talks")).Id); // a word of the title alone
    }

    [Fact]
    public void SaveBatch_DocumentAlreadyStored_FullTextIndexHoldsItOnce()
    {
        var document = StoreFixtures.Plain("Fishermen protested at the lighthouse.", "Harbour protest", origin: "a.txt");
        using var store = DocumentStore.Open(db);
        store.Save(document);

        var again = store.Save(StoreFixtures.Plain("Fishermen protested at the lighthouse.", "Harbour protest", origin: "b.txt"));

        Assert.Equal((0, 1), (again.Stored, again.AlreadyStored));
        Assert.Equal(document.Id, Assert.Single(store.List("lighthouse")).Id);
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)"; // fails when the index and the documents differ
        check.ExecuteNonQuery();
    }

    private long FullTextSegments()
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        return StoreFixtures.FullTextSegments(connection);
    }

    [Fact]
    public void Load_FullyAnalysedDocument_RoundTripsEveryAnnotation()
    {
        var original = StoreFixtures.Analysed();
        using (var store = DocumentStore.Open(db))
        {
            Assert.Equal(1, store.Save(original).Stored);
        }

        using var reopened = DocumentStore.Open(db);
        var loaded = reopened.Load(original.Id);
        Assert.NotNull(loaded);
        var sighting = Assert.Single(loaded.Sightings);
        Assert.Equal((original.Metadata.Outlet, original.Metadata.Url, original.Metadata.Origin, original.Metadata.Published), (sighting.Outlet, sighting.Url, sighting.Origin, sighting.Published));
        loaded.Sightings.Clear();
        Assert.Equal(AnalysisJsonWriter.ToJson(original, explain: true), AnalysisJsonWriter.ToJson(loaded, explain: true));
        Assert.Equal(original.Tokens, loaded.Tokens);
        Assert.Equal(original.Paragraphs, loaded.Paragraphs);
        Assert.Equal(original.Metadata, loaded.Metadata);
        Assert.Equal(original.Sentences.Select(s => (s.FirstToken, s.TokenCount)), loaded.Sentences.Select(s => (s.FirstToken, s.TokenCount)));
        Assert.Equal(original.Mentions[1].Place, loaded.Mentions[1].Place);
        Assert.Equal(original.Mentions[5].Quantity, loaded.Mentions[5].Quantity);
        Assert.Equal(original.Mentions.Select(m => (m.Form, m.Evidence)), loaded.Mentions.Select(m => (m.Form, m.Evidence))); // the typed readings rules read
        Assert.Equal((Documents.MentionForm.Description, Documents.MentionEvidence.Title), (loaded.Mentions[4].Form, loaded.Mentions[0].Evidence));
        Assert.Equal(original.Events[0].Actor, loaded.Events[0].Actor);
        Assert.Equal(original.Events[0].Location, loaded.Events[0].Location);
        Assert.Equal(original.Events[1].Modality, loaded.Events[1].Modality);
        Assert.Equal(original.Events[0].Issues, loaded.Events[0].Issues);
        Assert.Empty(loaded.Events[1].Issues);
    }

    [Fact]
    public void QueriesEvents_EventsWithAttributions_ReadEachSourceFromItsDocumentsAttributionByIndex()
    {
        var original = StoreFixtures.Analysed();
        using var store = DocumentStore.Open(db);
        store.Save(original);

        var rows = store.Queries.Events(new EventFilter(), 0, 10).Items;

        Assert.Equal(
            [("the agency Radio Nord", "unnamed diplomats", true), ("officials", string.Empty, false)],
            rows.Select(r => (r.Source!.Text, string.Join(",", r.Via.Select(v => v.Text)), r.Anonymous)));
        Assert.Equal(original.Attributions[1].Source.Country, rows[1].Source!.Country);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Save_SameArticleTwice_StoresItOnce(bool sameBatch)
    {
        using var store = DocumentStore.Open(db);
        var first = StoreFixtures.Plain("The council met on Friday.", origin: "a.txt");
        var second = StoreFixtures.Plain("The council met on Friday.", origin: "copy-of-a.txt");
        var result = sameBatch ? store.SaveBatch([first, second]) : store.Save(first).Add(store.Save(second));
        Assert.Equal((1, 1), (result.Stored, result.AlreadyStored));
        Assert.Equal(1, store.Count());
        Assert.Equal("a.txt", store.Load(first.Id)!.Metadata.Origin);
        Assert.Equal(first.Sentences.Count, Scalar("SELECT sum(json_array_length(sentence_rows)) FROM documents"));
    }

    [Fact]
    public void SaveBatch_EmptyDocument_RefusedAndOthersStored()
    {
        using var store = DocumentStore.Open(db);
        var result = store.SaveBatch([StoreFixtures.Plain("Rain fell.", origin: "ok.txt"), StoreFixtures.Plain("  \n", origin: "blank.txt")]);
        Assert.Equal(1, result.Stored);
        var error = Assert.Single(result.Failed);
        Assert.Equal(("TAC503", "blank.txt"), (error.Code, error.File));
        Assert.Equal(1, store.Count());
    }

    [Fact]
    public void SaveBatch_SqliteFailsOnOneDocument_OthersStoredAndFailedOneLeavesNoRows()
    {
        using (DocumentStore.Open(db))
        {
        }

        // a trigger that makes SQLite refuse the sighting of one document, after its documents row is written
        Scalar("CREATE TRIGGER poison BEFORE INSERT ON sightings WHEN (SELECT title FROM documents WHERE seq = new.document) = 'poison' " +
            "BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END");
        using var store = DocumentStore.Open(db);
        var good = new[] { StoreFixtures.Plain("Bakers went on strike.", "bread", "bread.txt"), StoreFixtures.Plain("Nurses marched downtown.", "care", "care.txt") };
        var poison = StoreFixtures.Plain("Sailors left the port.", "poison", "poison.txt");

        var result = store.SaveBatch([good[0], poison, good[1]]);

        Assert.Equal(2, result.Stored);
        var error = Assert.Single(result.Failed);
        Assert.Equal(("TAC501", "poison.txt"), (error.Code, error.File));
        Assert.Contains("refused by test trigger", error.Message, StringComparison.Ordinal);
        Assert.False(store.Contains(poison.Id));
        Assert.True(store.Contains(good[1].Id));
        Assert.Equal(0, Scalar("SELECT count(*) FROM story_documents WHERE document NOT IN (SELECT seq FROM documents)"));
        Assert.Equal(good.Sum(d => d.Sentences.Count), Scalar("SELECT sum(json_array_length(sentence_rows)) FROM documents"));
    }

    [Theory]
    [InlineData("harbour", 1)]
    [InlineData("HARBOUR cranes", 1)]
    [InlineData("Harbour election", 0)]
    [InlineData("election", 1)]
    [InlineData("\"quoted", 0)]
    [InlineData("Tides", 1)]
    public void List_Search_FindsDocumentsContainingAllWords(string words, int expected)
    {
        using var store = DocumentStore.Open(db);
        store.SaveBatch([
            StoreFixtures.Plain("Workers at the harbour repaired two cranes.", "Tides and trade"),
            StoreFixtures.Plain("The election was held in spring.", "Vote"),
        ]);
        Assert.Equal(expected, store.List(words).Count());
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("zz", false)]
    [InlineData("full", true)]
    public void Resolve_IdOrPrefix_FindsOnlyUniqueMatch(string prefix, bool found)
    {
        using var store = DocumentStore.Open(db);
        var doc = StoreFixtures.Plain("A bridge was opened.");
        store.Save(doc);
        var result = store.Resolve(prefix == "full" ? doc.Id.Value.ToUpperInvariant() : prefix);
        Assert.Equal(found, result.Success);
        if (found)
        {
            Assert.Equal(doc.Id, result.Value);
            Assert.Equal(doc.Id, store.Resolve(doc.Id.Value[..6]).Value);
        }
    }

    [Fact]
    public void Resolve_PrefixSharedByTwoDocuments_FailsAsAmbiguous()
    {
        using var store = DocumentStore.Open(db);
        var docs = Enumerable.Range(0, 40).Select(i => StoreFixtures.Plain($"Report number {i}.")).ToList();
        store.SaveBatch(docs);
        var shared = docs.GroupBy(d => d.Id.Value[0]).First(g => g.Count() > 1).Key.ToString();
        var result = store.Resolve(shared);
        Assert.False(result.Success);
        Assert.Contains("several", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MissingStoreWithoutCreate_FailsWithTac500()
    {
        var ex = Assert.Throws<StoreException>(() => DocumentStore.Open(db, create: false));
        Assert.Equal(("TAC500", db), (ex.Error.Code, ex.Error.File));
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void Open_FileThatIsNotAStore_FailsWithTac500()
    {
        File.WriteAllText(db, "this is not a database, only some words that fill the header and more....................");
        var ex = Assert.Throws<StoreException>(() => DocumentStore.Open(db));
        Assert.Equal("TAC500", ex.Error.Code);
    }

    [Fact]
    public void Vacuum_AfterDeletes_KeepsAnalysisAndSearchLinked()
    {
        var docs = Enumerable.Range(0, 30).Select(i => StoreFixtures.Plain($"Convoy {i} reached the valley.\n\nIt carried grain number{i}.", $"Convoy {i}")).ToList();
        using (var store = DocumentStore.Open(db))
        {
            store.SaveBatch(docs);
        }

        Scalar("DELETE FROM documents WHERE title LIKE 'Convoy 1%'");
        Scalar("VACUUM");

        using var reopened = DocumentStore.Open(db);
        var last = docs[^1];
        Assert.Equal(last.Id, Assert.Single(reopened.List("number29")).Id);
        Assert.Equal(last.Sentences.Count, reopened.Load(last.Id)!.Sentences.Count);
        Assert.Equal(0, Scalar("SELECT count(*) FROM events WHERE document NOT IN (SELECT seq FROM documents)"));
        Assert.Equal(19, reopened.Count());
    }

    [Fact]
    public void Load_MentionValueCutAfterFirstOfTwoMentions_FailsWithTac504NamingTheDocument()
    {
        var doc = StoreFixtures.Plain("The mayor met the harbour pilots.");
        doc.Mentions.Add(new Mention { Kind = MentionKind.Person, Span = new TextSpan(4, 9), Sentence = 0, Entity = 0, Name = "mayor" });
        doc.Mentions.Add(new Mention { Kind = MentionKind.Person, Span = new TextSpan(18, 32), Sentence = 0, Entity = 1, Name = "harbour pilots" });
        using var store = DocumentStore.Open(db);
        store.Save(doc);
        var first = new MentionRows().Pack([doc.Mentions[0]])!.Value.Length;
        Assert.Equal(1, Scalar($"UPDATE documents SET mention_rows = substr(mention_rows, 1, {first}) WHERE mention_count = 2; SELECT changes()"));

        var ex = Assert.Throws<StoreException>(() => store.Load(doc.Id));

        Assert.Equal("TAC504", ex.Error.Code);
        Assert.Contains(doc.Id.Value, ex.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoMentionValueWhereMentionCountIsOne_FailsWithTac504()
    {
        var doc = StoreFixtures.Plain("The mayor spoke.");
        doc.Mentions.Add(new Mention { Kind = MentionKind.Person, Span = new TextSpan(4, 9), Sentence = 0, Name = "mayor" });
        using var store = DocumentStore.Open(db);
        store.Save(doc);
        Assert.Equal(1, Scalar("UPDATE documents SET mention_rows = NULL; SELECT changes()"));

        var ex = Assert.Throws<StoreException>(() => store.Load(doc.Id));

        Assert.Equal("TAC504", ex.Error.Code);
    }

    /// <summary>Each stored value damaged the way a bad disk or a hand edit would; the row must be refused with the document named.</summary>
    public static TheoryData<string> DamagedValues() => new()
    {
        "UPDATE documents SET sentence_rows = '[[0, 1]]'",
        "UPDATE documents SET sentence_rows = '{not json'",
        "UPDATE documents SET entity_rows = '[[\"x\"]]'",
        "UPDATE documents SET attribution_rows = '[1, 2'",
        "UPDATE documents SET tokens = X'0102'",
        "UPDATE documents SET paragraphs = X'01'",
        "UPDATE documents SET warnings = '[{'",
        "UPDATE documents SET warnings = '[null]'",
        "UPDATE events SET type = 'NOT-A-TYPE' WHERE idx = 0",
        "UPDATE events SET location = '{\"lat\": \"north\"}' WHERE idx = 0",
    };

    [Theory]
    [MemberData(nameof(DamagedValues))]
    public void Load_DamagedStoredValue_FailsWithTac504NamingTheDocument(string damage)
    {
        var doc = StoreFixtures.Analysed();
        using var store = DocumentStore.Open(db);
        store.Save(doc);
        Assert.Equal(1, Scalar(damage + "; SELECT changes()"));

        var ex = Assert.Throws<StoreException>(() => store.Load(doc.Id));

        Assert.Equal(("TAC504", "store", $"document {doc.Id.Value}"), (ex.Error.Code, ex.Error.Stage, ex.Error.Record));
    }

    [Fact]
    public void Open_Always_UsesWriteAheadLog()
    {
        using (DocumentStore.Open(db))
        {
        }

        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public void Save_WhileTheStoreIsOpen_CommittedRowsInTheLogAreReadByAnotherConnection()
    {
        using var store = DocumentStore.Open(db);
        store.SaveBatch([.. Enumerable.Range(0, 3).Select(i => new Document($"The council met on day {i}.", new DocumentMetadata { Origin = $"day-{i}.txt" }) { Language = "en" })]);

        Assert.True(new FileInfo(db + "-wal").Length > 0);
        Assert.Equal(3, Scalar("SELECT count(*) FROM documents"));
    }

    [Fact]
    public void Load_DocumentOnACorruptedPage_FailsWithTac504NamingTheStoreAndDocumentAndTheOthersLoad()
    {
        var (small, large) = StoreFixtures.StoreAndCorruptALongDocumentsPage(db);
        using var store = DocumentStore.Open(db);

        var ex = Assert.Throws<StoreException>(() => store.Load(large.Id));

        Assert.Equal(("TAC504", "store", db, $"document {large.Id.Value}"), (ex.Error.Code, ex.Error.Stage, ex.Error.File, ex.Error.Record));
        Assert.Contains("malformed", ex.Error.Message, StringComparison.Ordinal);
        Assert.Equal(small.Text, store.Load(small.Id)!.Text);
        Assert.Equal(small.Id, Assert.Single(store.Documents(unreadable: _ => { })).Id);
    }

    [Fact]
    public void Open_StoreWhoseFirstPageIsOverwritten_FailsWithTac500NamingTheStore()
    {
        using (var store = DocumentStore.Open(db))
        {
            store.Save(StoreFixtures.Plain("The ferry sailed at dawn.", "Ferry"));
        }

        Scalar("PRAGMA wal_checkpoint(TRUNCATE)");
        using (var file = File.OpenWrite(db))
        {
            file.Write(new byte[100].AsSpan()); // the header: no longer a SQLite file (SQLITE_NOTADB)
        }

        var write = Assert.Throws<StoreException>(() => DocumentStore.Open(db));
        var read = Assert.Throws<StoreException>(() => DocumentStore.OpenReadOnly(db));

        Assert.Equal(("TAC500", db), (write.Error.Code, write.Error.File));
        Assert.Equal(("TAC500", db), (read.Error.Code, read.Error.File));
    }

    [Fact]
    public void Read_StatementRunOutsideThePendingTransaction_IsTheCallersFaultNotAnUnreadableRow()
    {
        var doc = StoreFixtures.Plain("The ferry sailed at dawn.", "Ferry");
        using (var store = DocumentStore.Open(db))
        {
            store.Save(doc);
        }

        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var reader = new DocumentRowReader(connection, db);
        using var transaction = connection.BeginTransaction();

        // the reader's statements are not enlisted in the transaction: a fault in the calling code, not damage in the store
        Assert.IsType<InvalidOperationException>(Record.Exception(() => reader.Read(doc.Id)));
    }

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys = ON; " + sql;
        return command.ExecuteScalar() is long n ? n : 0;
    }
}
