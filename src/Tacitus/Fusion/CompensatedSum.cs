namespace Tacitus.Fusion;

/// <summary>
/// A running sum of doubles with the Kahan-Babuska-Neumaier correction, the way SQLite's <c>total()</c> sums: story
/// clustering sums dot products and norms this way so its figures are those the store's SQL gave before them.
/// </summary>
internal struct CompensatedSum
{
    private double sum;
    private double error;

    public readonly double Value => sum + error;

    public void Add(double r)
    {
        var t = sum + r;
        error += Math.Abs(sum) > Math.Abs(r) ? (sum - t) + r : (r - t) + sum;
        sum = t;
    }
}
