using System.Diagnostics;
using System.Threading.Channels;
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
/// Reads, analyses and stores a stream of inputs: analysis on several workers, one writer that stores documents
/// in input order, in batches (one transaction each). At most a bounded window of documents is in memory.
/// Documents stored by an earlier run are recognised by their content hash before analysis and skipped. Each new
/// document is fused (stories, fused events) in the transaction that stores it; documents stored before the store had
/// fusion are fused first.
/// </summary>
internal sealed class StoreIngestion(DocumentStore store, AnalysisPipeline pipeline, int workers = 1, int batchSize = 256)
{
    private readonly record struct Analysed(long Seq, IngestItem Item, bool Known);

    private readonly int workers = Math.Max(1, workers);
    private readonly int batchSize = Math.Max(1, batchSize);

    public IngestSummary Run(IEnumerable<IngestItem> items, IngestObserver? observer = null, CancellationToken cancellationToken = default)
    {
        observer ??= new IngestObserver();
        var clock = Stopwatch.StartNew();
        store.FuseBacklog(cancellationToken);
        var window = new SemaphoreSlim(workers * 8);
        var inputs = Channel.CreateUnbounded<(long Seq, IngestItem Item)>(new UnboundedChannelOptions { SingleWriter = true });
        var results = Channel.CreateUnbounded<Analysed>(new UnboundedChannelOptions { SingleReader = true });
        using var probe = new StoredIdProbe(store.Path);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;

        var readerTask = Task.Run(() => ReadAll(items, window, inputs.Writer, token), token);
        var workerTasks = Enumerable.Range(0, workers).Select(_ => Task.Run(() => AnalyseAll(inputs.Reader, results.Writer, probe, token), token)).ToArray();
        var finished = Task.WhenAll(workerTasks).ContinueWith(t => results.Writer.TryComplete(t.Exception?.GetBaseException()), TaskScheduler.Default);

        long read = 0, stored = 0, already = 0, failed = 0, bytes = 0, next = 0;
        var pending = new Dictionary<long, Analysed>();
        var batch = new List<Document>(batchSize);
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
            }

            Flush(batch, observer, ref stored, ref already, ref failed);
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
            if (item.Document is { } stored && probe.Contains(stored.Id))
            {
                await results.WriteAsync(new Analysed(seq, item, Known: true), token).ConfigureAwait(false);
                continue;
            }

            if (item.Document is { } document)
            {
                if (pipeline.Analyse(document, token) is { } error)
                {
                    outcome = IngestItem.Fail(error);
                }
            }

            await results.WriteAsync(new Analysed(seq, outcome, Known: false), token).ConfigureAwait(false);
        }
    }
}
