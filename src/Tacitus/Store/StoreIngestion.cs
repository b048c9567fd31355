using System.Diagnostics;
using System.Threading.Channels;
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
/// Reads, analyses and stores a stream of inputs: analysis on several workers, one writer that stores documents
/// in input order, in batches (one transaction each). At most a bounded window of documents is in memory.
/// Documents stored by an earlier run are recognised by their content hash before analysis and skipped (their
/// outlet, URL and origin are recorded as a sighting), unless <paramref name="replace"/> asks for stale ones to be
/// analysed again: then their analysis is replaced in place.
/// </summary>
internal sealed class StoreIngestion(DocumentStore store, AnalysisPipeline pipeline, int workers = 1, int batchSize = 256, ReplaceMode replace = ReplaceMode.Never)
{
    private readonly record struct Analysed(long Seq, IngestItem Item, bool Known);

    private readonly int workers = Math.Max(1, workers);
    private readonly int batchSize = Math.Max(1, batchSize);

    public IngestSummary Run(IEnumerable<IngestItem> items, IngestObserver? observer = null, CancellationToken cancellationToken = default)
    {
        observer ??= new IngestObserver();
        var clock = Stopwatch.StartNew();
        var window = new SemaphoreSlim(workers * 8);
        var inputs = Channel.CreateUnbounded<(long Seq, IngestItem Item)>(new UnboundedChannelOptions { SingleWriter = true });
        var results = Channel.CreateUnbounded<Analysed>(new UnboundedChannelOptions { SingleReader = true });
        using var probe = new StoredIdProbe(store.Path);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;

        var readerTask = Task.Run(() => ReadAll(items, window, inputs.Writer, token), token);
        var workerTasks = Enumerable.Range(0, workers).Select(_ => Task.Run(() => AnalyseAll(inputs.Reader, results.Writer, probe, token), token)).ToArray();
        var finished = Task.WhenAll(workerTasks).ContinueWith(t => results.Writer.TryComplete(t.Exception?.GetBaseException()), TaskScheduler.Default);

        var counts = new Counts();
        long read = 0, bytes = 0, next = 0;
        var pending = new Dictionary<long, Analysed>();
        var batch = new List<StoreWrite>(batchSize);
        try
        {
            while (results.Reader.WaitToReadAsync(token).AsTask().GetAwaiter().GetResult())
            {
                while (results.Reader.TryRead(out var result))
                {
                    pending.Add(result.Seq, result);
                }

                while (pending.Remove(next, out var analysed))
                {
                    next++;
                    read++;
                    window.Release();
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
                        Flush(batch, observer, counts);
                    }
                }
            }

            Flush(batch, observer, counts);
            readerTask.GetAwaiter().GetResult();
            finished.GetAwaiter().GetResult();
        }
        finally
        {
            stop.Cancel();
            try
            {
                Task.WaitAll([readerTask, .. workerTasks]);
            }
            catch (AggregateException)
            {
                // already surfaced above, or cancelled because the run stopped early
            }
        }

        return new IngestSummary(read, counts.Stored, counts.Already, counts.Failed, bytes, clock.Elapsed, counts.Reanalysed);
    }

    private void Flush(List<StoreWrite> batch, IngestObserver observer, Counts counts)
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

        for (var i = 0; i < batch.Count; i++)
        {
            observer.OnDone?.Invoke(i >= result.Failed.Count);
        }

        batch.Clear();
    }

    private static async Task ReadAll(IEnumerable<IngestItem> items, SemaphoreSlim window, ChannelWriter<(long, IngestItem)> inputs, CancellationToken token)
    {
        Exception? failure = null;
        try
        {
            long seq = 0;
            foreach (var item in items)
            {
                await window.WaitAsync(token).ConfigureAwait(false);
                await inputs.WriteAsync((seq++, item), token).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            failure = ex;
            throw;
        }
        finally
        {
            inputs.TryComplete(failure);
        }
    }

    private async Task AnalyseAll(ChannelReader<(long Seq, IngestItem Item)> inputs, ChannelWriter<Analysed> results, StoredIdProbe probe, CancellationToken token)
    {
        await foreach (var (seq, item) in inputs.ReadAllAsync(token).ConfigureAwait(false))
        {
            var outcome = item;
            if (item.Document is { } stored && probe.Find(stored.Id) is { Stored: true } found
                && (replace == ReplaceMode.Never || (replace == ReplaceMode.Stale && !DocumentStore.IsStale(found.Provenance, pipeline.Provenance))))
            {
                await results.WriteAsync(new Analysed(seq, item, Known: true), token).ConfigureAwait(false);
                continue;
            }

            if (item.Document is { } document)
            {
                try
                {
                    pipeline.Process(document, token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    outcome = IngestItem.Fail(new TacitusError("TAC400", "analysis", $"analysis failed: {ex.GetType().Name}: {ex.Message}", document.Metadata.Origin));
                }
            }

            await results.WriteAsync(new Analysed(seq, outcome, Known: false), token).ConfigureAwait(false);
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
