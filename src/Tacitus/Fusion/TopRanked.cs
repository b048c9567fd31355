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
        if (count > 0)
        {
            foreach (var item in items)
            {
                Offer(top, item, count, order);
            }
        }

        return top;
    }

    /// <summary>The same for a list, read by index (no enumerator is made).</summary>
    public static List<T> Of<T>(List<T> items, int count, Comparison<T> order)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(order);
        var top = new List<T>(Math.Max(0, count) + 1);
        if (count > 0)
        {
            for (var i = 0; i < items.Count; i++)
            {
                Offer(top, items[i], count, order);
            }
        }

        return top;
    }

    /// <summary>Puts the item in its place in <paramref name="top"/> when it comes before the last of a full list (which then drops out).</summary>
    public static void Offer<T>(List<T> top, T item, int count, Comparison<T> order)
    {
        if (top.Count == count && order(item, top[^1]) >= 0)
        {
            return;
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

        if (top.Count == count)
        {
            top.RemoveAt(count - 1);
        }

        top.Insert(lo, item);
    }
}
