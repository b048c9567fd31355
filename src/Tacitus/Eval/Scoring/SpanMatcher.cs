using Tacitus.Documents;

namespace Tacitus.Eval.Scoring;

public enum SpanMatchMode
{
    /// <summary>Same start and end.</summary>
    Exact,

    /// <summary>Any shared character (TempEval "relaxed", MUC-style overlap).</summary>
    Overlap,
}

/// <summary>A one-to-one pairing of gold and system spans, with what was left over on each side.</summary>
internal sealed record SpanAlignment(IReadOnlyList<(int Gold, int System)> Pairs, IReadOnlyList<int> MissedGold, IReadOnlyList<int> SpuriousSystem)
{
    public PrfCounts Counts => new(Pairs.Count, SpuriousSystem.Count, MissedGold.Count);
}

/// <summary>
/// Pairs gold spans with system spans, each used at most once. Exact pairs are taken first; in overlap mode the
/// rest are then paired greedily by the largest shared length (ties: earliest gold span, then earliest system span).
/// </summary>
internal static class SpanMatcher
{
    public static SpanAlignment Align(IReadOnlyList<TextSpan> gold, IReadOnlyList<TextSpan> system, SpanMatchMode mode)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(system);
        var goldUsed = new bool[gold.Count];
        var systemUsed = new bool[system.Count];
        var pairs = new List<(int, int)>();

        var exact = new Dictionary<TextSpan, Queue<int>>();
        for (var s = 0; s < system.Count; s++)
        {
            if (!exact.TryGetValue(system[s], out var queue))
            {
                exact[system[s]] = queue = new Queue<int>();
            }

            queue.Enqueue(s);
        }

        for (var g = 0; g < gold.Count; g++)
        {
            if (exact.TryGetValue(gold[g], out var queue) && queue.Count > 0)
            {
                var s = queue.Dequeue();
                goldUsed[g] = systemUsed[s] = true;
                pairs.Add((g, s));
            }
        }

        if (mode == SpanMatchMode.Overlap)
        {
            var candidates = new List<(int Shared, int Gold, int System)>();
            for (var g = 0; g < gold.Count; g++)
            {
                if (goldUsed[g])
                {
                    continue;
                }

                for (var s = 0; s < system.Count; s++)
                {
                    if (!systemUsed[s] && gold[g].Overlaps(system[s]))
                    {
                        var shared = Math.Min(gold[g].End, system[s].End) - Math.Max(gold[g].Start, system[s].Start);
                        candidates.Add((shared, g, s));
                    }
                }
            }

            candidates.Sort((a, b) => a.Shared != b.Shared ? b.Shared.CompareTo(a.Shared) : a.Gold != b.Gold ? a.Gold.CompareTo(b.Gold) : a.System.CompareTo(b.System));
            foreach (var (_, g, s) in candidates)
            {
                if (!goldUsed[g] && !systemUsed[s])
                {
                    goldUsed[g] = systemUsed[s] = true;
                    pairs.Add((g, s));
                }
            }
        }

        pairs.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        var missed = Enumerable.Range(0, gold.Count).Where(g => !goldUsed[g]).ToList();
        var spurious = Enumerable.Range(0, system.Count).Where(s => !systemUsed[s]).ToList();
        return new SpanAlignment(pairs, missed, spurious);
    }
}
