namespace Tacitus.Syntax.Parsing;

/// <summary>The transition system a parser model was trained for; kept in the model file (format 5 for any but the first).</summary>
internal enum TransitionSystem
{
    /// <summary>Arc-hybrid (Kuhlmann et al. 2011): SHIFT, LEFT and RIGHT per relation group; 2n moves per sentence.</summary>
    ArcHybrid = 0,

    /// <summary>
    /// Non-monotonic arc-eager (Honnibal, Goldberg &amp; Johnson 2013; Honnibal &amp; Johnson 2015): SHIFT, LEFT and
    /// RIGHT per group and REDUCE; LEFT may replace a head s0 got by RIGHT, and REDUCE of a headless s0 unshifts it
    /// back to the buffer, so an early decision can be mended later. Greedy only.
    /// </summary>
    NonMonotonicArcEager = 1,
}
