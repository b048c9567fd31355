using System.Globalization;
using Microsoft.Data.Sqlite;
using Tacitus.Documents;
using Tacitus.Fusion;

namespace Tacitus.Store;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, documents keyed by their content hash, every analysis row
/// beside them, a full-text index over title and text. One writer per store; a document (and each batch of
/// documents) is written in one transaction, so a crash leaves either all of it or none of it.
/// </summary>
internal sealed class DocumentStore : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly Lazy<DocumentRowWriter> writer;
    private readonly DocumentRowReader reader;
    private readonly SqliteCommand contains;
    private readonly EventFusion? fusion;
    private StoreClock? clock;

    /// <summary>The story window this store fuses with, and the store's record of it when opened (<see cref="StoryWindowRecord"/>).</summary>
    private readonly long storyWindow;
    private readonly long? windowAtOpen;

    private DocumentStore(SqliteConnection connection, string path, StoryOptions? stories, bool fuse, StoryWindowChoice window)
    {
        this.connection = connection;
        Path = path;
        writer = new Lazy<DocumentRowWriter>(() => new DocumentRowWriter(connection), LazyThreadSafetyMode.None);
        if (fuse && SchemaVersion >= FusionSchemaVersion)
        {
            (var options, windowAtOpen) = StoryWindowRecord.Choose(connection, path, stories ?? StoryOptions.Default, window.Documents, window.FusesAllAgain);
            storyWindow = options.CloseAfterDocuments;
            fusion = new EventFusion(connection, options);
        }

        fusion?.JudgeUnjudged();
        reader = new DocumentRowReader(connection, path);
        contains = connection.CreateCommand();
        contains.CommandText = "SELECT 1 FROM documents WHERE id = $id";
        contains.Parameters.AddWithValue("$id", string.Empty);
        Queries = new StoreQueries(connection);
    }

    /// <summary>The schema version fusion writes (stories with their centroids, each document's contribution, fused events with their status); an older store, opened at its own version, stores without fusing.</summary>
    public const int FusionSchemaVersion = 15;

    public string Path { get; }

    /// <summary>
    /// Pages (4 KB) the write-ahead log holds before the writer copies it into the database (SQLite's default is 1,000;
    /// one ingest batch of 256 news documents writes about 3,000, so the default checkpointed after every batch and copied
    /// the pages every batch rewrites, indexes and full-text segments, each time). Crash safety is unchanged: a kill or
    /// crash of the process loses nothing committed (the log is in the operating system's hands and is replayed on the
    /// next open), and the store is consistent whatever the interval. What it changes is power loss or an operating
    /// system crash: with synchronous NORMAL the log is synced at checkpoints, so up to this many pages of the latest
    /// committed batches (a few batches) may roll back, leaving the store consistent at an earlier batch; ingest run
    /// again stores them (documents are keyed by content). The log file grows to about 40 MB while a store is written.
    /// </summary>
    public const int WalCheckpointPages = 10_000;

    /// <summary>When set, the time spent storing rows, fusing and committing is added up here (the bench sets it).</summary>
    public StoreClock? Clock
    {
        get => clock;
        set
        {
            clock = value;
            if (fusion is not null)
            {
                fusion.Clock = value;
            }
        }
    }

    /// <summary>How many times fusion was taken back to the store's first document because its documents were placed without their contributions (<see cref="EventFusion.Reclustered"/>).</summary>
    public int FusionReclustered => fusion?.Reclustered ?? 0;

    /// <summary>Typed, paged read queries (events with filters, actors, document pages) for the API.</summary>
    public StoreQueries Queries { get; }

    /// <summary>The store's schema version (after opening: the latest).</summary>
    public int SchemaVersion => StoreSchemaMigrator.CurrentVersion(connection);

    /// <summary>Opens (or creates) the store at <paramref name="path"/> and brings its schema up to date.</summary>
    /// <exception cref="StoreException">TAC500 when the file is missing (and <paramref name="create"/> is false) or not a store; TAC502 when it is newer than this program.</exception>
    /// <param name="stories">How documents are grouped into stories as they are stored (default <see cref="StoryOptions.Default"/>); its window is used only by a store that has none recorded.</param>
    /// <param name="fuse">False to store without grouping into stories and fusing events (the bench's baseline).</param>
    /// <param name="window">The story window the user asked for, settled against the one the store records (<see cref="StoryWindowRecord"/>); default: the recorded one.</param>
    /// <exception cref="StoreException">TAC506 when <paramref name="window"/> names another window than the store was fused with.</exception>
    public static DocumentStore Open(string path, bool create = true, int? schemaVersion = null, StoryOptions? stories = null, bool fuse = true, StoryWindowChoice window = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!create && !File.Exists(path))
        {
            throw new StoreException(new TacitusError("TAC500", "store", "no store here (run 'tacitus ingest' first, or give --db)", path));
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Pooling = false,
        };
        return Connect(builder, path, connection =>
        {
            // WAL with synchronous NORMAL: a commit is atomic and survives the process being killed; a checkpoint (copying the
            // log into the database, the log synced first) runs once the log holds WalCheckpointPages pages (see there).
            Execute(connection, $"PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = {WalCheckpointPages}; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -8000;");
            StoreSchemaMigrator.Migrate(connection, path, schemaVersion);
            if ((schemaVersion ?? StoreMigrations.Latest) >= WriterIndexesSince)
            {
                IndexUnindexedTail(connection);
            }
        }, stories, fuse, window);
    }

    /// <summary>
    /// Opens an existing store for reading only, on a pooled connection (cheap to open once per request): no
    /// migration, nothing written. The store must have been opened for writing once (it is then up to date).
    /// </summary>
    /// <exception cref="StoreException">TAC500 when the file is missing or not a store; TAC502 when its schema is not this program's.</exception>
    public static DocumentStore OpenReadOnly(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new StoreException(new TacitusError("TAC500", "store", "no store here (run 'tacitus ingest' first, or give --db)", path));
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = true };
        return Connect(builder, path, connection =>
        {
            var version = StoreSchemaMigrator.CurrentVersion(connection);
            if (version != StoreMigrations.Latest)
            {
                throw new StoreException(new TacitusError("TAC502", "store",
                    $"the store has schema version {version}, this tacitus reads version {StoreMigrations.Latest}; open it once with 'tacitus ingest' or 'tacitus serve'", path));
            }
        });
    }

    /// <summary>Opens the connection and readies it; a SQLite failure becomes TAC500, and the connection is closed on any failure.</summary>
    private static DocumentStore Connect(SqliteConnectionStringBuilder builder, string path, Action<SqliteConnection> prepare, StoryOptions? stories = null, bool fuse = false, StoryWindowChoice window = default)
    {
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            prepare(connection);
            return new DocumentStore(connection, path, stories, fuse, window);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new StoreException(new TacitusError("TAC500", "store", $"cannot open the store: {ex.Message}", path), ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public bool Contains(DocumentId id)
    {
        contains.Parameters[0].Value = id.Value;
        return contains.ExecuteScalar() is not null;
    }

    public StoreResult Save(Document document) => SaveBatch([document]);

    /// <summary>
    /// Stores the documents in one transaction; documents already stored are left as they are (each arrival is
    /// recorded as a sighting). If the batch fails, nothing of it is kept and each document is tried again on its
    /// own, so one bad document fails alone.
    /// </summary>
    public StoreResult SaveBatch(IReadOnlyList<Document> documents) => Save([.. documents.Select(d => new StoreWrite(d))], ReplaceMode.Never);

    /// <summary>
    /// Stores a batch in one transaction: new documents with their analysis, a sighting for every one, and for those
    /// stored already the analysis replaced as <paramref name="replace"/> says (in place: same id, same sightings).
    /// A replaced analysis takes fusion back to before its document, and documents after it may be left unfused: a
    /// caller that replaces runs <see cref="FuseBacklog"/> when its batches are done.
    /// </summary>
    public StoreResult Save(IReadOnlyList<StoreWrite> writes, ReplaceMode replace)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var refused = new List<TacitusError>();
        var batch = new List<StoreWrite>(writes.Count);
        foreach (var write in writes)
        {
            if (Refuse(write.Document) is { } error)
            {
                refused.Add(error);
            }
            else
            {
                batch.Add(write);
            }
        }

        var result = batch.Count == 0 ? StoreResult.Empty : WriteAll(batch, replace);
        return refused.Count == 0 ? result : result.Add(new StoreResult(0, 0, refused));
    }

    /// <summary>Why the store will not take this document (TAC503: no text), or null when it will.</summary>
    public static TacitusError? Refuse(Document document) =>
        string.IsNullOrWhiteSpace(document.Text) ? new TacitusError("TAC503", "store", "empty document: nothing to store", document.Metadata.Origin) : null;

    /// <summary>
    /// Writes the batch in one transaction. Fusion keeps the store's order: the documents fused are always the first ones
    /// in store order (a re-analysed document takes fusion back to just before it, <see cref="EventFusion.Rewind"/>, and is
    /// fused again there), so a document is fused here only when every one before it is; the others wait, unfused, for
    /// <see cref="FuseBacklog"/>, which the caller runs when its batches are done (a plain save runs it first; the
    /// stored documents it leaves out are the result's <see cref="StoreResult.LeftOut"/>, not failures of this batch).
    /// </summary>
    private StoreResult WriteAll(List<StoreWrite> batch, ReplaceMode replace)
    {
        var now = DateTime.UtcNow;
        List<TacitusError>? leftOut = null; // other documents' errors: kept apart from this batch's, also when it is retried
        try
        {
            int stored = 0, reanalysed = 0;
            if (replace == ReplaceMode.Never && fusion?.FirstUnfused() is not null)
            {
                FuseBacklog(unreadable: error => (leftOut ??= []).Add(error));
            }

            using (var transaction = connection.BeginTransaction())
            {
                writer.Value.Enlist(transaction);
                fusion?.Enlist(transaction);
                // looked up in the transaction: another writer may have fused or stored documents since
                var unfused = fusion?.FirstUnfused();
                foreach (var write in batch)
                {
                    var start = clock?.Start() ?? 0;
                    var (outcome, seq) = writer.Value.Write(write.Document, now, write.Analysed, replace);
                    clock?.Stop(StorePhase.Rows, start);
                    switch (outcome)
                    {
                        case StoreOutcome.Stored:
                            stored++;
                            if (unfused is null)
                            {
                                fusion?.Add(seq, write.Document);
                            }

                            break;
                        case StoreOutcome.Reanalysed:
                            reanalysed++;
                            if (fusion is not null)
                            {
                                if (unfused is null || seq < unfused)
                                {
                                    unfused = fusion.Rewind(seq);
                                }

                                if (seq == unfused)
                                {
                                    fusion.Add(seq, write.Document);
                                    unfused = fusion.NextDocument(seq);
                                }
                            }

                            break;
                        default: break;
                    }
                }

                if (stored + reanalysed > 0)
                {
                    // the index's segment is the batch's rows: written here, not by whichever of fusion's statements comes first
                    var flushing = clock?.Start() ?? 0;
                    writer.Value.FlushIndex();
                    clock?.Stop(StorePhase.Rows, flushing);
                    KeepWindow(transaction);
                }

                fusion?.Settle();
                var committing = clock?.Start() ?? 0;
                transaction.Commit();
                clock?.Stop(StorePhase.Commit, committing);
            }

            fusion?.Enlist(null);

            return new StoreResult(stored, batch.Count - stored, [], reanalysed) { LeftOut = leftOut ?? [] };
        }
        catch (SqliteException ex) when (batch.Count > 1)
        {
            _ = ex; // the batch was rolled back; each document is retried alone and reports its own error
            fusion?.Forget();
            var result = StoreResult.Empty with { LeftOut = leftOut ?? [] };
            foreach (var write in batch)
            {
                result = result.Add(WriteAll([write], replace));
            }

            return result;
        }
        catch (SqliteException ex)
        {
            fusion?.Forget();
            var document = batch[0].Document;
            return new StoreResult(0, 0, [new TacitusError("TAC501", "store", $"could not store document {document.Id}: {ex.Message}", document.Metadata.Origin)]) { LeftOut = leftOut ?? [] };
        }
        catch
        {
            // any other failure (TAC504, cancellation) rolled the transaction back too: fusion must not keep statements on it nor state it did not write
            fusion?.Forget();
            throw;
        }
    }

    /// <summary>Finds the one stored document whose id is or starts with <paramref name="idOrPrefix"/>.</summary>
    public ParseResult<DocumentId> Resolve(string idOrPrefix)
    {
        var prefix = (idOrPrefix ?? string.Empty).Trim().ToLowerInvariant();
        if (prefix.Length == 0 || prefix.Length > 32 || !prefix.All(char.IsAsciiHexDigit))
        {
            return ParseResult<DocumentId>.Fail($"'{idOrPrefix}' is not a document id or id prefix (hex digits)");
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM documents WHERE id >= $p AND id < $p || 'g' ORDER BY id LIMIT 2";
        command.Parameters.AddWithValue("$p", prefix);
        using var r = command.ExecuteReader();
        var found = new List<string>(2);
        while (r.Read())
        {
            found.Add(r.GetString(0));
        }

        return found.Count switch
        {
            0 => ParseResult<DocumentId>.Fail($"no stored document has an id starting with '{prefix}'"),
            1 => DocumentId.Parse(found[0]),
            _ => ParseResult<DocumentId>.Fail($"'{prefix}' is the start of several document ids; give more digits"),
        };
    }

    /// <summary>Rebuilds a stored document with its sentences, tokens and analysis; null when it is not stored.</summary>
    public Document? Load(DocumentId id) => reader.Read(id);

    /// <summary>A stored document's text and metadata without its analysis, to analyse it again; null when it is not stored.</summary>
    public Document? LoadForAnalysis(DocumentId id) => reader.ReadForAnalysis(id);

    /// <summary>
    /// The documents to analyse again, in store order: those matching <paramref name="where"/> (an SQLite expression over
    /// the documents table's columns, read on a read-only connection so it cannot change the store) whose records were
    /// produced by another pipeline, knowledge, patterns or dictionaries than <paramref name="current"/>, or all of them.
    /// </summary>
    /// <exception cref="StoreException">TAC504 when the expression is not valid.</exception>
    public List<DocumentId> SelectForAnalysis(string? where, AnalysisProvenance current, bool all)
    {
        ArgumentNullException.ThrowIfNull(current);
        using var readOnly = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        readOnly.Open();
        using var command = readOnly.CreateCommand();
        var filters = new List<string>(2);
        if (where is not null && where.Contains(';', StringComparison.Ordinal))
        {
            throw new StoreException(new TacitusError("TAC504", "store", $"--where '{where}' must be one condition (no ';')", Path));
        }

        if (!string.IsNullOrWhiteSpace(where))
        {
            filters.Add($"({where})");
        }

        if (!all)
        {
            filters.Add(StaleCondition);
            command.Parameters.AddWithValue("$pipeline", current.Pipeline);
            command.Parameters.AddWithValue("$knowledge", current.Knowledge);
            command.Parameters.AddWithValue("$patterns", current.Patterns);
            command.Parameters.AddWithValue("$dictionaries", current.Dictionaries);
        }

        command.CommandText = $"SELECT id FROM documents{(filters.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", filters))} ORDER BY seq";
        var ids = new List<DocumentId>();
        try
        {
            using var r = command.ExecuteReader();
            while (r.Read())
            {
                ids.Add(DocumentId.Parse(r.GetString(0)).Value);
            }
        }
        catch (SqliteException ex)
        {
            throw new StoreException(new TacitusError("TAC504", "store", $"--where '{where}' is not a condition on the documents table: {ex.Message}", Path), ex);
        }

        return ids;
    }

    /// <summary>True when the stored records were produced by another pipeline than <paramref name="current"/> (or nobody knows by what).</summary>
    public static bool IsStale(AnalysisProvenance? stored, AnalysisProvenance? current) => current is not null && stored != current;

    /// <summary>A listed document that <c>reanalyse</c> would select: records another pipeline made, or left out of fusion (<see cref="FuseBacklog"/>).</summary>
    public static bool IsStale(StoredDocumentSummary document, AnalysisProvenance? current)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.LeftOutOfFusion || IsStale(document.Provenance, current);
    }

    /// <summary>Records made by another pipeline, or a document fusion left out because its stored values did not decode (<see cref="FuseBacklog"/>).</summary>
    private const string StaleCondition = "(pipeline IS NOT $pipeline OR knowledge IS NOT $knowledge OR patterns IS NOT $patterns OR dictionaries IS NOT $dictionaries OR seq IN (SELECT document FROM fusion_skipped))";

    /// <summary>Stored documents in the order they were stored, or by relevance to <paramref name="search"/> (words, all required).</summary>
    public IEnumerable<StoredDocumentSummary> List(string? search = null, int? limit = null, int offset = 0)
    {
        const string Columns = "d.id, d.title, d.outlet, d.published, d.origin, d.language, d.sentence_count, d.boilerplate_count, d.mention_count, d.attribution_count, d.event_count, " +
            "d.pipeline, d.knowledge, d.patterns, d.dictionaries, (SELECT count(*) FROM sightings s WHERE s.document = d.seq), " +
            "EXISTS (SELECT 1 FROM fusion_skipped k WHERE k.document = d.seq)";
        using var command = connection.CreateCommand();
        var query = FullTextQuery.From(search);
        command.CommandText = query is null
            ? $"SELECT {Columns} FROM documents d ORDER BY d.seq LIMIT $limit OFFSET $offset"
            : $"SELECT {Columns} FROM documents_fts f JOIN documents d ON d.seq = f.rowid WHERE documents_fts MATCH $q ORDER BY f.rank, d.seq LIMIT $limit OFFSET $offset";
        command.Parameters.AddWithValue("$limit", limit ?? -1);
        command.Parameters.AddWithValue("$offset", Math.Max(0, offset));
        if (query is not null)
        {
            command.Parameters.AddWithValue("$q", query);
        }

        using var r = command.ExecuteReader();
        while (r.Read())
        {
            yield return new StoredDocumentSummary(
                DocumentId.Parse(r.GetString(0)).Value,
                r.IsDBNull(1) ? null : r.GetString(1),
                r.IsDBNull(2) ? null : r.GetString(2),
                r.IsDBNull(3) ? null : DateOnly.ParseExact(r.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                r.IsDBNull(4) ? null : r.GetString(4),
                r.GetString(5),
                r.GetInt32(6), r.GetInt32(7), r.GetInt32(8), r.GetInt32(9), r.GetInt32(10),
                DocumentRowReader.Provenance(r, 11),
                r.GetInt32(15),
                r.GetBoolean(16));
        }
    }

    /// <summary>Every stored document, rebuilt, in the order they were stored (streamed: one in memory at a time).</summary>
    /// <param name="withEventsOnly">Only documents with at least one event record.</param>
    /// <param name="unreadable">
    /// Told of each document whose stored values do not decode (TAC504), which is then skipped so the rest still come;
    /// when null the first such document stops the enumeration with its <see cref="StoreException"/>.
    /// </param>
    public IEnumerable<Document> Documents(bool withEventsOnly = false, Action<StoreException>? unreadable = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = withEventsOnly ? "SELECT id FROM documents WHERE event_count > 0 ORDER BY seq" : "SELECT id FROM documents ORDER BY seq";
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            Document? document;
            try
            {
                document = reader.Read(DocumentId.Parse(r.GetString(0)).Value);
            }
            catch (StoreException ex) when (unreadable is not null && ex.Error.Code == "TAC504")
            {
                unreadable(ex);
                continue;
            }

            if (document is not null)
            {
                yield return document;
            }
        }
    }

    /// <summary>Every stored event record with its document, in store order; <paramref name="unreadable"/> as for <see cref="Documents"/>.</summary>
    public IEnumerable<StoredEvent> Events(Action<StoreException>? unreadable = null)
    {
        foreach (var document in Documents(withEventsOnly: true, unreadable))
        {
            for (var i = 0; i < document.Events.Count; i++)
            {
                yield return new StoredEvent(document, i);
            }
        }
    }

    /// <summary>
    /// Fuses the stored documents that are in no story yet (stored before the store had fusion or by an older tacitus,
    /// left by a re-analysis or by a run stopped half way), in store order, <see cref="BacklogBatch"/> to a transaction.
    /// When one of them is before a fused document, fusion is first taken back to just before it
    /// (<see cref="EventFusion.Rewind"/>), so the store ends as fusing every document in store order leaves it. A run
    /// stopped part way keeps the batches it finished; the next one goes on from there. Returns how many it fused.
    /// <para>
    /// A document whose stored values do not decode (TAC504) is left out of fusion and the rest fused: the store records
    /// it in the transaction of its batch (<see cref="EventFusion.Skip"/>), so no later run reads it again or stops on it,
    /// until a re-analysis or a new ingest of the same text replaces its records (<see cref="SelectForAnalysis"/> counts it
    /// due, <see cref="DocumentRowWriter.Write"/> replaces it). <paramref name="unreadable"/> is told of each, once its
    /// batch is committed; when null, the first one stops the run with its <see cref="StoreException"/>.
    /// </para>
    /// </summary>
    public int FuseBacklog(Action<TacitusError>? unreadable = null, CancellationToken cancellationToken = default)
    {
        if (fusion is null)
        {
            return 0;
        }

        long? first;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT min(seq) FROM documents WHERE seq NOT IN (SELECT document FROM story_documents) AND seq NOT IN (SELECT document FROM fusion_skipped)";
            first = command.ExecuteScalar() is long seq ? seq : null;
        }

        if (first is not long from)
        {
            return 0;
        }

        if (fusion.FirstUnfused() != from)
        {
            from = Fuse(fusion, f => f.Rewind(from));
        }

        var backlog = new List<(long Seq, string Id)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT seq, id FROM documents WHERE seq >= $from ORDER BY seq";
            command.Parameters.AddWithValue("$from", from);
            using var r = command.ExecuteReader();
            while (r.Read())
            {
                backlog.Add((r.GetInt64(0), r.GetString(1)));
            }
        }

        var fused = 0;
        foreach (var chunk in backlog.Chunk(BacklogBatch))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var documents = chunk.Select(c => Backlogged(c.Seq, DocumentId.Parse(c.Id).Value, unreadable is not null)).ToList(); // read before the transaction: the reader's statements run outside it
            Fuse(fusion, f =>
            {
                foreach (var (seq, document, error) in documents)
                {
                    if (error is not null)
                    {
                        f.Skip(seq, error);
                    }
                    else if (document is not null)
                    {
                        f.Add(seq, document);
                    }
                }

                return 0L;
            });
            foreach (var (_, document, error) in documents)
            {
                if (error is not null)
                {
                    unreadable!(error);
                }
                else if (document is not null)
                {
                    fused++;
                }
            }
        }

        return fused;
    }

    /// <summary>A backlogged document as stored, or (when <paramref name="leaveOut"/>) the TAC504 its stored values meet, with what fusion does about it.</summary>
    private (long Seq, Document? Document, TacitusError? Error) Backlogged(long seq, DocumentId id, bool leaveOut)
    {
        try
        {
            return (seq, reader.Read(id), null);
        }
        catch (StoreException ex) when (leaveOut && ex.Error.Code == "TAC504")
        {
            var error = ex.Error;
            return (seq, null, error with { Message = $"{error.Message}; left out of stories and fused events until 'tacitus reanalyse' or an ingest of the same text replaces its records" });
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on fusion in a transaction of its own and commits what it settled; when anything
    /// fails the transaction is rolled back and fusion lets go of it and of its state (<see cref="EventFusion.Forget"/>).
    /// </summary>
    private long Fuse(EventFusion fusing, Func<EventFusion, long> work)
    {
        try
        {
            using var transaction = connection.BeginTransaction();
            fusing.Enlist(transaction);
            var result = work(fusing);
            KeepWindow(transaction);
            fusing.Settle();
            transaction.Commit();
            fusing.Enlist(null);
            return result;
        }
        catch
        {
            fusing.Forget();
            throw;
        }
    }

    /// <summary>Checks and writes the story window's record in a transaction that fuses (<see cref="StoryWindowRecord.Keep"/>).</summary>
    private void KeepWindow(SqliteTransaction transaction)
    {
        if (fusion is not null)
        {
            StoryWindowRecord.Keep(connection, transaction, Path, storyWindow, windowAtOpen);
        }
    }

    /// <summary>
    /// Takes fusion back to before the store's first document, every document then unfused, in one transaction that also
    /// records the window this store now fuses with. A re-analysis of every document calls it before its first batch, so
    /// the whole store is fused again with that window even when the first documents fail analysis (they are fused again
    /// from their stored analysis by <see cref="FuseBacklog"/>), and a run stopped at any point leaves a record that
    /// matches what is fused: the documents not yet fused again wait for the next run's backlog.
    /// </summary>
    public void UnfuseAll()
    {
        if (fusion is null)
        {
            return;
        }

        long first;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT min(seq) FROM documents";
            if (command.ExecuteScalar() is not long seq)
            {
                return;
            }

            first = seq;
        }

        Fuse(fusion, f => f.Rewind(first));
    }

    /// <summary>Documents fused per transaction by <see cref="FuseBacklog"/>.</summary>
    public const int BacklogBatch = 64;

    /// <summary>The stories and fused events of this store (issue 10), on the store's connection; dispose it before the store.</summary>
    public FusionStore Fusion() => new(connection);

    public long Count()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM documents";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The schema version from which the writer, not a trigger, adds a new document to the full-text index.</summary>
    private const int WriterIndexesSince = 21;

    /// <summary>
    /// Adds to the full-text index the documents above the highest one it holds. Since migration 21 the writer indexes
    /// each new document itself; a writer of an older build that was already running when this one migrated the store
    /// goes on adding documents without indexing them (its insert trigger is gone). Such a writer appends at the end,
    /// so its documents are the tail; a read first, so that an open takes no write lock when there is nothing to do.
    /// </summary>
    private static void IndexUnindexedTail(SqliteConnection connection)
    {
        const string Tail = "FROM documents WHERE seq > coalesce((SELECT max(id) FROM documents_fts_docsize), 0)";
        using var probe = connection.CreateCommand();
        probe.CommandText = $"SELECT EXISTS (SELECT 1 {Tail})";
        if (probe.ExecuteScalar() is long found && found != 0)
        {
            Execute(connection, $"INSERT INTO documents_fts(rowid, title, text) SELECT seq, title, text {Tail}");
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        contains.Dispose();
        fusion?.Dispose();
        if (writer.IsValueCreated)
        {
            writer.Value.Dispose();
        }

        reader.Dispose();
        connection.Dispose();
    }
}
