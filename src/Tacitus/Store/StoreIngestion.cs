using System.Diagnostics;
using Tacitus.Documents;
using Tacitus.Ingest;
using Tacitus.Pipeline;

namespace Tacitus.Store;

/// <summary>How an ingest run went.</summary>
internal sealed record IngestSummary(long Read, long Stored, long AlreadyStored, long Failed, long TextBytes, TimeSpan Elapsed)
{
    public double DocumentsPerSecond => Read / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>What the caller hears while a run goes on: each failed input, and each input finished (true when it did not fail).</summary>
internal sealed record IngestObserver(Action<TacitusError>? OnError = null, Action<bool>? OnDone = null);

/// <summary>
/// Reads, analyses and stores a stream of inputs: analysis on several workers (<see cref="OrderedWorkers"/>), one
/// writer that stores documents in input order, in batches (one transaction each). At most a bounded window of
/// documents is in memory.
/// Documents stored by an earlier run are recognised by their content hash before analysis and skipped. Each new
/// document is fused (stories, fused events) in the transaction that stores it; documents stored before the store had
/// fusion are fused first.
/// </summary>
internal sealed class StoreIngestion(DocumentStore store, AnalysisPipeline pipeline, int workers = 1, int batchSize = 256)
{
    private readonly record struct Analysed(IngestItem Item, bool Known);

    private readonly int workers = Math.Max(1, workers);
    private readonly int batchSize = Math.Max(1, batchSize);

    public IngestSummary Run(IEnumerable<IngestItem> items, IngestObserver? observer = null, CancellationToken cancellationToken = default)
    {
        observer ??= new IngestObserver();
        var clock = Stopwatch.StartNew();
        store.FuseBacklog(cancellationToken);
        using var probe = new StoredIdProbe(store.Path);
        long read = 0, stored = 0, already = 0, failed = 0, bytes = 0;
        var batch = new List<Document>(batchSize);
        foreach (var analysed in OrderedWorkers.Map(items, (item, token) => Analyse(item, probe, token), workers, cancellationToken))
        {
            read++;
            var item = analysed.Item;
            if (analysed.Known)
            {
                already++;
                bytes += System.Text.Encoding.UTF8.GetByteCount(item.Document!.Text);
                observer.OnDone?.Invoke(true);
                continue;
            }

            if ((item.Error ?? DocumentStore.Refuse(item.Document!)) is { } error)
            {
                failed++;
                observer.OnError?.Invoke(error);
                observer.OnDone?.Invoke(false);
                continue;
            }

            bytes += System.Text.Encoding.UTF8.GetByteCount(item.Document!.Text);
            batch.Add(item.Document!);
            if (batch.Count >= batchSize)
            {
                Flush(batch, observer, ref stored, ref already, ref failed);
            }
        }

        Flush(batch, observer, ref stored, ref already, ref failed);
        return new IngestSummary(read, stored, already, failed, bytes, clock.Elapsed);
    }

    private void Flush(List<Document> batch, IngestObserver observer, ref long stored, ref long already, ref long failed)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var result = store.SaveBatch(batch);
        stored += result.Stored;
        already += result.AlreadyStored;
        failed += result.Failed.Count;
        foreach (var error in result.Failed)
        {
            observer.OnError?.Invoke(error);
        }

        for (var i = 0; i < batch.Count; i++)
        {
            observer.OnDone?.Invoke(i >= result.Failed.Count);
        }

        batch.Clear();
    }

    /// <summary>A document stored by an earlier run is known by its content hash and not analysed again.</summary>
    private Analysed Analyse(IngestItem item, StoredIdProbe probe, CancellationToken token)
    {
        if (item.Document is not { } document)
        {
            return new Analysed(item, Known: false);
        }

        if (probe.Contains(document.Id))
        {
            return new Analysed(item, Known: true);
        }

        return pipeline.Analyse(document, token) is { } error
            ? new Analysed(IngestItem.Fail(error), Known: false)
            : new Analysed(item, Known: false);
    }
}
