namespace Tacitus.Syntax;

/// <summary>
/// Adds up, for one thread, the time the token layer spends in each of its phases (tagging, parsing, lemmas and the
/// layer's records), as measured by a clock the caller chooses (wall ticks, or the thread's processor time, which a
/// crowded machine does not inflate). <c>tacitus bench --stage syntax</c> hands one to <see cref="SyntaxAnnotator"/>;
/// an analysis runs without.
/// </summary>
internal sealed class SyntaxPhaseClock(Func<long> now)
{
    private long mark;

    /// <summary>Clock units spent tagging.</summary>
    public long Tagger { get; private set; }

    /// <summary>Clock units spent parsing.</summary>
    public long Parser { get; private set; }

    /// <summary>Clock units spent on lemmas and the layer's per-token records.</summary>
    public long Layer { get; private set; }

    public void Start() => mark = now();

    public void TaggerDone() => Tagger += Lap();

    public void ParserDone() => Parser += Lap();

    public void LayerDone() => Layer += Lap();

    public void Reset() => Tagger = Parser = Layer = 0;

    private long Lap()
    {
        var t = now();
        var spent = t - mark;
        mark = t;
        return spent;
    }
}
