using Tacitus.Pipeline;

namespace Tacitus.Tests.Pipeline;

public sealed class OrderedWorkersTests
{
    [Theory]
    [InlineData(1, 50)]
    [InlineData(2, 50)]
    [InlineData(4, 200)]
    public void Map_UnevenWork_ResultsInInputOrder(int workers, int count)
    {
        // later inputs finish first: the order must come from the input, not from who finishes
        var results = OrderedWorkers.Map(Enumerable.Range(0, count), (i, _) =>
        {
            Thread.Sleep((count - i) % 7);
            return i * 10;
        }, workers).ToList();

        Assert.Equal(Enumerable.Range(0, count).Select(i => i * 10), results);
    }

    [Theory]
    [InlineData(2, 4)]
    [InlineData(3, 6)]
    public void Map_LongStream_KeepsAtMostTheWindowInFlight(int workers, int window)
    {
        var read = 0;
        var consumed = 0;
        var most = 0;
        IEnumerable<int> Inputs()
        {
            for (var i = 0; i < 300; i++)
            {
                var inFlight = Interlocked.Increment(ref read) - Volatile.Read(ref consumed);
                InterlockedMax(ref most, inFlight);
                yield return i;
            }
        }

        foreach (var _ in OrderedWorkers.Map(Inputs(), (i, _) => i, workers, window, CancellationToken.None))
        {
            Thread.SpinWait(200);
            Interlocked.Increment(ref consumed);
        }

        Assert.Equal(300, consumed);
        Assert.InRange(most, 1, window + 1);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Map_WorkThrows_RethrowsToCaller(int workers)
    {
        var run = OrderedWorkers.Map(Enumerable.Range(0, 20), (i, _) => i == 7 ? throw new InvalidDataException("bad input 7") : i, workers);
        var ex = Assert.ThrowsAny<Exception>(() => run.ToList());
        Assert.Contains("bad input 7", (ex as AggregateException)?.InnerException?.Message ?? ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Map_WorkThrowsEarlyInALongStream_RethrowsWithoutHanging(int workers)
    {
        // far more items than the window: the items after the failure must not keep the run waiting
        var run = Task.Run(() => OrderedWorkers.Map(Enumerable.Range(0, 2_000), (i, _) => i == 7 ? throw new InvalidDataException("bad input 7") : i, workers).ToList());
        Assert.True(((IAsyncResult)run).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(30)), "the run hung after a worker failed");
        var ex = Assert.ThrowsAny<Exception>(() => run.GetAwaiter().GetResult());
        Assert.Contains("bad input 7", (ex as AggregateException)?.InnerException?.Message ?? ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_CallerStopsEarly_StopsReadingTheStream()
    {
        var read = 0;
        IEnumerable<int> Endless()
        {
            for (var i = 0; ; i++)
            {
                Interlocked.Increment(ref read);
                yield return i;
            }
        }

        var first = OrderedWorkers.Map(Endless(), (i, _) => i, 2, 8, CancellationToken.None).Take(5).ToList();
        var after = Volatile.Read(ref read);
        Thread.Sleep(50);

        Assert.Equal([0, 1, 2, 3, 4], first);
        Assert.Equal(after, Volatile.Read(ref read));
        Assert.InRange(after, 5, 5 + 8 + 1);
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    public void Map_LongStream_WorkStaysOnWorkersThreads(int workers, int window)
    {
        // per-thread pools (word keys, chunks) fill once per thread: the work must not wander over the thread pool, or
        // each new thread fills pools of its own and memory grows with the length of the run
        var threads = new HashSet<int>();
        var gate = new Lock();
        var run = OrderedWorkers.Map(Enumerable.Range(0, 400), (i, _) =>
        {
            lock (gate)
            {
                threads.Add(Environment.CurrentManagedThreadId);
            }

            Thread.Sleep(i % 3);
            return i;
        }, workers, window, CancellationToken.None);

        var count = 0;
        foreach (var _ in run)
        {
            // a slow caller: the workers often wait for room to hand a result over
            Thread.Sleep(count++ % 2);
        }

        Assert.Equal(400, count);
        Assert.Equal(workers, threads.Count);
        Assert.DoesNotContain(Environment.CurrentManagedThreadId, threads);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var now && now != seen)
        {
            seen = now;
        }
    }
}
