namespace Tacitus.Bench;

/// <summary>
/// Nanoseconds one or more passes of <c>bench --stage syntax</c> spent in each model (processor time of the thread,
/// see <see cref="ThreadClock"/>), the wall nanoseconds of the whole, and the bytes allocated.
/// </summary>
internal readonly record struct SyntaxPassTimes(long Tagger, long Parser, long Layer, long Entities, long Wall, long Allocated)
{
    /// <summary>Tagger, parser, layer records and entities together.</summary>
    public long Together => Tagger + Parser + Layer + Entities;

    public static SyntaxPassTimes operator +(SyntaxPassTimes a, SyntaxPassTimes b) =>
        new(a.Tagger + b.Tagger, a.Parser + b.Parser, a.Layer + b.Layer, a.Entities + b.Entities, a.Wall + b.Wall, a.Allocated + b.Allocated);
}
