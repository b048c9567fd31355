namespace Tacitus.Eval.Scoring;

/// <summary>
/// B-cubed precision and recall of a clustering against gold labels (Bagga and Baldwin, 1998): for each item, the
/// share of its cluster that has its label (precision) and the share of its label that is in its cluster (recall),
/// averaged over items.
/// </summary>
internal static class BCubed
{
    public static (double Precision, double Recall, double F1) Score<TItem>(IReadOnlyDictionary<TItem, string> gold, IReadOnlyDictionary<TItem, long> clusters)
        where TItem : notnull
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(clusters);
        var items = gold.Keys.Where(clusters.ContainsKey).ToList();
        if (items.Count == 0)
        {
            return (0, 0, 0);
        }

        var byCluster = items.GroupBy(i => clusters[i]).ToDictionary(g => g.Key, g => g.ToList());
        var byLabel = items.GroupBy(i => gold[i]).ToDictionary(g => g.Key, g => g.Count());
        double precision = 0, recall = 0;
        foreach (var item in items)
        {
            var cluster = byCluster[clusters[item]];
            var same = cluster.Count(other => gold[other] == gold[item]);
            precision += same / (double)cluster.Count;
            recall += same / (double)byLabel[gold[item]];
        }

        precision /= items.Count;
        recall /= items.Count;
        return (precision, recall, precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0);
    }
}
