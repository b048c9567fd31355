namespace Tacitus.Store;

/// <summary>The parts of storing a document that <see cref="StoreClock"/> times.</summary>
internal enum StorePhase
{
    /// <summary>The document's own rows: text, tokens, sentences, mentions, entities, attributions, events, sighting.</summary>
    Rows,

    /// <summary>Putting the document into a story.</summary>
    Stories,

    /// <summary>Fusing its event records into fused events.</summary>
    Events,

    /// <summary>Committing the batch's transaction.</summary>
    Commit,
}

/// <summary>
/// Adds up the time the store spends in each <see cref="StorePhase"/>, read from a clock the caller gives (the bench
/// gives the thread's processor time, so a crowded machine does not inflate the figures). Used by one writer thread.
/// </summary>
internal sealed class StoreClock(Func<long> nanoseconds)
{
    private readonly long[] totals = new long[Enum.GetValues<StorePhase>().Length];

    /// <summary>The clock's reading now, to pass to <see cref="Stop"/>.</summary>
    public long Start() => nanoseconds();

    /// <summary>Adds the time since <paramref name="start"/> to <paramref name="phase"/>; returns the reading, to start the next phase from.</summary>
    public long Stop(StorePhase phase, long start)
    {
        var now = nanoseconds();
        totals[(int)phase] += now - start;
        return now;
    }

    /// <summary>Seconds spent in the phase so far.</summary>
    public double Seconds(StorePhase phase) => totals[(int)phase] / 1e9;

    public void Reset() => Array.Clear(totals);
}
