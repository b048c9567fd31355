using System.Threading.Channels;

namespace Tacitus.Pipeline;

/// <summary>
/// Runs one piece of work over a stream on several workers and hands the results back in input order, as they
/// become ready. One reader takes inputs from the stream, the workers take them from a queue, and at most
/// <c>window</c> inputs are between the reader and the caller at any time (read, queued, in work, or done and
/// waiting for an earlier one): memory stays flat however long the stream. With one worker the work runs on the
/// caller's thread, one input at a time. <c>tacitus code --jsonl</c>, <c>ingest</c> and the store ingestion use it.
/// <para>
/// The reader and each worker run on a thread of their own for the whole run, never on the shared thread pool. The
/// analysis keeps per-thread pools (chunks, tagger and beam workspaces) that fill up to the vocabulary they
/// meet; on pool threads the work wandered from thread to thread as the pool grew and shrank, each new thread filled
/// pools of its own, and peak memory rose with the length of the run (docs/PERFORMANCE.md, s7-memory). With dedicated
/// threads there are exactly <c>workers</c> sets of pools, whatever the length of the stream.
/// </para>
/// </summary>
internal static class OrderedWorkers
{
    /// <summary>Inputs in flight per worker by default: enough that a slow document does not leave the others idle.</summary>
    public const int WindowPerWorker = 8;

    /// <summary>
    /// <paramref name="work"/> applied to every input, in input order. An exception from the work or from reading the
    /// stream ends the run and is rethrown to the caller (wrap the work to turn a failure into a result instead).
    /// Stopping the enumeration early stops the reader and the workers.
    /// </summary>
    public static IEnumerable<TOut> Map<TIn, TOut>(IEnumerable<TIn> inputs, Func<TIn, CancellationToken, TOut> work, int workers, CancellationToken cancellationToken = default) =>
        Map(inputs, work, workers, 0, cancellationToken);

    /// <summary>As above, with at most <paramref name="window"/> inputs in flight (0: <see cref="WindowPerWorker"/> per worker).</summary>
    public static IEnumerable<TOut> Map<TIn, TOut>(IEnumerable<TIn> inputs, Func<TIn, CancellationToken, TOut> work, int workers, int window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(work);
        workers = Math.Max(1, workers);
        return workers == 1 ? Sequential(inputs, work, cancellationToken) : Parallel(inputs, work, workers, window > 0 ? window : workers * WindowPerWorker, cancellationToken);
    }

    private static IEnumerable<TOut> Sequential<TIn, TOut>(IEnumerable<TIn> inputs, Func<TIn, CancellationToken, TOut> work, CancellationToken cancellationToken)
    {
        foreach (var input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return work(input, cancellationToken);
        }
    }

    private static IEnumerable<TOut> Parallel<TIn, TOut>(IEnumerable<TIn> inputs, Func<TIn, CancellationToken, TOut> work, int workers, int window, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(window);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;
        var queue = Channel.CreateBounded<(long Seq, TIn Input)>(new BoundedChannelOptions(window) { SingleWriter = true });
        var done = Channel.CreateBounded<(long Seq, TOut Output)>(new BoundedChannelOptions(window) { SingleReader = true });
        var reader = Dedicated(() => ReadAll(inputs, slots, queue.Writer, token), token);
        var running = new Task[workers];
        for (var w = 0; w < workers; w++)
        {
            running[w] = Dedicated(() => WorkAll(queue.Reader, done.Writer, work, token), token);
        }

        var finished = Task.WhenAll(running).ContinueWith(t => done.Writer.TryComplete(t.Exception?.GetBaseException()), TaskScheduler.Default);
        var pending = new Dictionary<long, TOut>();
        long next = 0;
        try
        {
            while (Wait(done.Reader.WaitToReadAsync(token)))
            {
                while (done.Reader.TryRead(out var result))
                {
                    pending.Add(result.Seq, result.Output);
                }

                while (pending.Remove(next, out var output))
                {
                    next++;
                    yield return output;
                    slots.Release();
                }
            }

            // the workers are done: a failure of the reader (the input stream threw) surfaces here
            reader.GetAwaiter().GetResult();
            finished.GetAwaiter().GetResult();
        }
        finally
        {
            stop.Cancel();
            try
            {
                Task.WaitAll([reader, finished, .. running]);
            }
            catch (AggregateException)
            {
                // already rethrown above, or cancelled because the caller stopped early
            }
        }
    }

    /// <summary>Runs <paramref name="body"/> on a thread of its own (a long-running task), start to end.</summary>
    private static Task Dedicated(Action body, CancellationToken token) =>
        Task.Factory.StartNew(body, token, TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);

    private static void ReadAll<TIn>(IEnumerable<TIn> inputs, SemaphoreSlim slots, ChannelWriter<(long, TIn)> queue, CancellationToken token)
    {
        Exception? failure = null;
        try
        {
            long seq = 0;
            foreach (var input in inputs)
            {
                slots.Wait(token);
                Wait(queue.WriteAsync((seq++, input), token));
            }
        }
        catch (Exception ex)
        {
            failure = ex;
            throw;
        }
        finally
        {
            queue.TryComplete(failure);
        }
    }

    // Synchronous on purpose: an await would resume on whichever pool thread is free, and the work with it.
    // A failure closes the results at once: the caller, waiting for an item that will never come, would otherwise hold
    // every slot, so the reader and the other workers could not finish and the run would hang.
    private static void WorkAll<TIn, TOut>(ChannelReader<(long Seq, TIn Input)> queue, ChannelWriter<(long, TOut)> done, Func<TIn, CancellationToken, TOut> work, CancellationToken token)
    {
        try
        {
            while (Wait(queue.WaitToReadAsync(token)))
            {
                while (queue.TryRead(out var next))
                {
                    Wait(done.WriteAsync((next.Seq, work(next.Input, token)), token));
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            done.TryComplete(ex);
            throw;
        }
    }

    private static void Wait(ValueTask pending)
    {
        if (!pending.IsCompletedSuccessfully)
        {
            pending.AsTask().GetAwaiter().GetResult();
        }
    }

    private static bool Wait(ValueTask<bool> pending) =>
        pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
}
