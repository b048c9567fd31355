using System.Diagnostics;
using Tacitus.Documents;
using Tacitus.Ingest;
using Tacitus.Pipeline;

namespace Tacitus.Store;

/// <summary>How an ingest run went (<see cref="Reanalysed"/>: documents stored before whose analysis was replaced).</summary>
internal sealed record IngestSummary(long Read, long Stored, long AlreadyStored, long Failed, long TextBytes, TimeSpan Elapsed, long Reanalysed = 0)
{
    public double DocumentsPerSecond => Read / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>What the caller hears while a run goes on: each failed input, and each input finished (true when it did not fail).</summary>
internal sealed record IngestObserver(Action<TacitusError>? OnError = null, Action<bool>? OnDone = null);

/// <summary>
/// Reads, analyses and stores a stream of inputs: analysis on several workers (<see cref="OrderedWorkers"/>), one
/// writer that stores documents in input order, in batches (one transaction each). At most a bounded window of
/// documents is in memory. Each new document is fused (stories, fused events) in the transaction that stores it;
/// documents stored before the store had fusion are fused first.
/// Documents stored by an earlier run are recognised by their content hash before analysis and skipped (their
/// outlet, URL and origin are recorded as a sighting), unless <paramref name="replace"/> asks for stale ones to be
/// analysed again: then their analysis is replaced in place.
/// </summary>
internal sealed class StoreIngestion(DocumentStore store, AnalysisPipeline pipeline, int workers = 1, int batchSize = StoreIngestion.DefaultBatchSize, ReplaceMode replace = ReplaceMode.Never)
{
    /// <summary>Documents stored per transaction unless the caller says otherwise.</summary>
    public const int DefaultBatchSize = 256;

    private readonly record struct Analysed(IngestItem Item, bool Known);

    private readonly int workers = Math.Max(1, workers);
    private readonly int batchSize = Math.Max(1, batchSize);

    public IngestSummary Run(IEnumerable<IngestItem> items, IngestObserver? observer = null, CancellationToken cancellationToken = default)
    {
        observer ??= new IngestObserver();
        var clock = Stopwatch.StartNew();
        var counts = new Counts();
        store.FuseBacklog(LeftOut, cancellationToken);
        using var probe = new StoredIdProbe(store.Path);
        long read = 0, bytes = 0;
        var batch = new List<StoreWrite>(batchSize);
        foreach (var analysed in OrderedWorkers.Map(items, (item, token) => Analyse(item, probe, token), workers, cancellationToken))
        {
            read++;
            var item = analysed.Item;
            if (!analysed.Known && (item.Error ?? DocumentStore.Refuse(item.Document!)) is { } error)
            {
                counts.Failed++;
                observer.OnError?.Invoke(error);
                observer.OnDone?.Invoke(false);
                continue;
            }

            bytes += System.Text.Encoding.UTF8.GetByteCount(item.Document!.Text);
            batch.Add(new StoreWrite(item.Document!, Analysed: !analysed.Known));
            if (batch.Count >= batchSize)
            {
                Flush(batch, observer, counts, LeftOut);
            }
        }

        Flush(batch, observer, counts, LeftOut);
        store.FuseBacklog(LeftOut, cancellationToken); // what re-analysed documents left unfused after them
        return new IngestSummary(read, counts.Stored, counts.Already, counts.Failed, bytes, clock.Elapsed, counts.Reanalysed);

        // a stored document fusion could not read (TAC504) fails like an input: named, counted, the rest goes on
        void LeftOut(TacitusError error)
        {
            counts.Failed++;
            observer.OnError?.Invoke(error);
        }
    }

    /// <summary>Stores the batch; a stored document the save's backlog left out goes to <paramref name="leftOut"/>, not to the batch's own failures.</summary>
    private void Flush(List<StoreWrite> batch, IngestObserver observer, Counts counts, Action<TacitusError> leftOut)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var result = store.Save(batch, replace);
        counts.Stored += result.Stored;
        counts.Already += result.AlreadyStored;
        counts.Reanalysed += result.Reanalysed;
        counts.Failed += result.Failed.Count;
        foreach (var error in result.Failed)
        {
            observer.OnError?.Invoke(error);
        }

        foreach (var error in result.LeftOut)
        {
            leftOut(error);
        }

        for (var i = 0; i < batch.Count; i++)
        {
            observer.OnDone?.Invoke(i >= result.Failed.Count);
        }

        batch.Clear();
    }

    /// <summary>
    /// Runs on the workers. A document stored by an earlier run is known by its content hash and not analysed again
    /// (only its sighting is stored), unless <c>replace</c> asks for it and its records are stale. Anything that escapes
    /// the work on a document other than the run's own cancellation fails that document with TAC900 naming the stage,
    /// on one worker or several, and the run goes on.
    /// </summary>
    private Analysed Analyse(IngestItem item, StoredIdProbe probe, CancellationToken token)
    {
        if (item.Document is not { } document)
        {
            return new Analysed(item, Known: false);
        }

        var stage = "store";
        try
        {
            if (probe.Find(document.Id) is { Stored: true, LeftOut: false } found
                && (replace == ReplaceMode.Never || (replace == ReplaceMode.Stale && !DocumentStore.IsStale(found.Provenance, pipeline.Provenance))))
            {
                return new Analysed(item, Known: true);
            }

            stage = AnalysisErrors.Stage;
            if (pipeline.Analyse(document, token) is { } error)
            {
                return new Analysed(IngestItem.Fail(error), Known: false);
            }

            document.ReleaseTokenLayers(); // held until the batch commits; the store keeps none of the working layers
            return new Analysed(item, Known: false);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex) when (DocumentRowReader.Damaged(ex))
        {
            // the probe met a damaged page of the store: the store's error, which ends the run (as a damaged page read
            // outside a document does), not a fault in Tacitus repeated for every document
            throw new StoreException(new TacitusError("TAC500", "store", $"the store file is damaged: {ex.Message}", store.Path), ex);
        }
        catch (Exception ex) when (!token.IsCancellationRequested)
        {
            return new Analysed(IngestItem.Fail(AnalysisErrors.UnexpectedFailure(stage, document, ex, pipeline.TraceInternalErrors)), Known: false);
        }
    }

    private sealed class Counts
    {
        public long Stored { get; set; }

        public long Already { get; set; }

        public long Reanalysed { get; set; }

        public long Failed { get; set; }
    }
}
