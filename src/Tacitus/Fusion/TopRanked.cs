namespace Tacitus.Fusion;

/// <summary>
/// The first <c>count</c> items in an order, without sorting them all: what sorting and taking the first would give
/// when the order is total (no two items compare equal), at the cost of one pass and a short sorted list.
/// </summary>
internal static class TopRanked
{
    /// <summary>The <paramref name="count"/> items that come first by <paramref name="order"/>, in that order.</summary>
    public static List<T> Of<T>(IEnumerable<T> items, int count, Comparison<T> order)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(order);
        var top = new List<T>(Math.Max(0, count) + 1);
        if (count <= 0)
        {
            return top;
        }

        foreach (var item in items)
        {
            if (top.Count == count && order(item, top[^1]) >= 0)
            {
                continue;
            }

            int lo = 0, hi = top.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (order(item, top[mid]) < 0)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            top.Insert(lo, item);
            if (top.Count > count)
            {
                top.RemoveAt(count);
            }
        }

        return top;
    }
}
