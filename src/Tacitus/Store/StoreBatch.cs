using Microsoft.Data.Sqlite;
using Tacitus.Documents;
using Tacitus.Fusion;

namespace Tacitus.Store;

/// <summary>
/// One store transaction, written document by document (<see cref="DocumentStore.Begin"/>): each document's rows, and
/// its fusion, are written when it is given, inside a savepoint of its own, so the caller need not keep the documents
/// until the commit. An ingest lets go of each analysed document at once: held for a whole batch they outlived two
/// collections, reached the collector's oldest generation and died there, and that garbage set the run's peak memory
/// (docs/PERFORMANCE.md, s9-memory). A document SQLite refuses is rolled back to its savepoint and fails alone (TAC501);
/// the others stay in the transaction. <see cref="Commit"/> settles fusion and commits; if the commit fails, every
/// document of the batch fails. Fusion's memory of a refused document is not undone (it never was: before, the whole
/// batch was fused again document by document).
/// </summary>
internal sealed class StoreBatch : IDisposable
{
    private const string Savepoint = "document";

    private readonly SqliteTransaction transaction;
    private readonly DocumentRowWriter writer;
    private readonly EventFusion? fusion;
    private readonly StoreClock? clock;
    private readonly ReplaceMode replace;
    private readonly DateTime now;
    private readonly List<TacitusError> failed = [];

    /// <summary>The documents written into the transaction, to name them if the commit fails.</summary>
    private readonly List<(DocumentId Id, string? Origin)> written = [];
    private int stored, reanalysed;
    private bool done;

    public StoreBatch(SqliteTransaction transaction, DocumentRowWriter writer, EventFusion? fusion, StoreClock? clock, ReplaceMode replace)
    {
        this.transaction = transaction;
        this.writer = writer;
        this.fusion = fusion;
        this.clock = clock;
        this.replace = replace;
        now = DateTime.UtcNow;
        writer.Enlist(transaction);
        fusion?.Enlist(transaction);
    }

    /// <summary>Documents given so far, stored or not.</summary>
    public int Count => written.Count + failed.Count;

    /// <summary>Writes one document (and fuses it); when SQLite refuses it, nothing of it stays and the batch goes on.</summary>
    public void Write(StoreWrite write)
    {
        ObjectDisposedException.ThrowIf(done, this);
        var document = write.Document;
        var start = clock?.Start() ?? 0;
        transaction.Save(Savepoint);
        try
        {
            var (outcome, seq) = writer.Write(document, now, write.Analysed, replace);
            clock?.Stop(StorePhase.Rows, start);
            switch (outcome)
            {
                case StoreOutcome.Stored:
                    stored++;
                    fusion?.Add(seq, document);
                    break;
                case StoreOutcome.Reanalysed:
                    reanalysed++;
                    fusion?.Replace(seq, document);
                    break;
                default: break;
            }

            transaction.Release(Savepoint);
            written.Add((document.Id, document.Metadata.Origin));
        }
        catch (SqliteException ex)
        {
            transaction.Rollback(Savepoint);
            transaction.Release(Savepoint);
            failed.Add(Refused(document.Id, document.Metadata.Origin, ex));
        }
    }

    /// <summary>Settles fusion and commits; what the batch stored, and the documents that failed.</summary>
    public StoreResult Commit()
    {
        ObjectDisposedException.ThrowIf(done, this);
        done = true;
        try
        {
            fusion?.Settle();
            var committing = clock?.Start() ?? 0;
            transaction.Commit();
            clock?.Stop(StorePhase.Commit, committing);
            return new StoreResult(stored, written.Count - stored, failed, reanalysed);
        }
        catch (SqliteException ex)
        {
            // the transaction is rolled back: nothing of the batch is stored
            return new StoreResult(0, 0, [.. failed, .. written.Select(w => Refused(w.Id, w.Origin, ex))]);
        }
        finally
        {
            fusion?.Enlist(null);
        }
    }

    public void Dispose()
    {
        if (!done)
        {
            done = true;
            fusion?.Enlist(null);
        }

        transaction.Dispose();
    }

    private static TacitusError Refused(DocumentId id, string? origin, SqliteException ex) =>
        new("TAC501", "store", $"could not store document {id}: {ex.Message}", origin);
}
