namespace Tacitus.Syntax.Entities;

/// <summary>
/// Learns <see cref="WordClusters"/> from unlabelled sentences, in two steps:
/// <list type="number">
/// <item><b>Exchange clustering</b> (Kneser and Ney 1993; Martin, Liermann and Ney 1998), the flat cousin of Brown
/// clustering with the same objective: the likelihood of a class bigram model. Each word seen <see cref="MinCount"/>
/// times or more (as written) starts in class <c>rank mod</c> <see cref="Classes"/> (by count); then, pass after pass,
/// every word moves to the class that raises the likelihood most. Rarer words share one class that does not move, the
/// sentence edge another.</item>
/// <item><b>A tree over the classes</b>, so words get paths whose prefixes are coarser classes, as Brown's merge
/// history gives: the classes, each described by the (square-rooted, unit-length) bigram counts of the classes before
/// and after it, are split top-down with spherical 2-means until each stands alone; every split adds a bit to the
/// path (0 for the side holding the lower class number).</item>
/// </list>
/// One thread, fixed orders (words by count, then as written), no randomness: the same sentences give the same
/// clusters.
/// </summary>
internal sealed class ClusterTrainer
{
    public int MinCount { get; init; } = 3;

    public int Classes { get; init; } = 256;

    public int Iterations { get; init; } = 8;

    /// <summary>The tree's depth is capped here; classes deeper than this share their path's first bits.</summary>
    public int Depth { get; init; } = 16;

    /// <summary>Clusters the words of <paramref name="sentences"/>; rows ordered by path, then count (highest first), then word.</summary>
    public List<(string Path, string Word, int Count)> Train(IEnumerable<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var (words, counts, corpus) = Read(sentences);
        var kept = Enumerable.Range(0, words.Count).Where(w => counts[w] >= MinCount)
            .OrderByDescending(w => counts[w]).ThenBy(w => words[w], StringComparer.Ordinal).ToArray();
        var classes = Exchange(words.Count, counts, corpus, kept);
        var paths = ClassPaths(classes.Bigrams, classes.Count);
        return [.. kept
            .Select(w => (paths[classes.Of[w]], words[w], counts[w]))
            .OrderBy(r => r.Item1, StringComparer.Ordinal)
            .ThenByDescending(r => r.Item3)
            .ThenBy(r => r.Item2, StringComparer.Ordinal)];
    }

    private static (List<string> Words, List<int> Counts, List<int[]> Corpus) Read(IEnumerable<IReadOnlyList<string>> sentences)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new List<string>();
        var counts = new List<int>();
        var corpus = new List<int[]>();
        foreach (var sentence in sentences)
        {
            var line = new int[sentence.Count];
            for (var i = 0; i < line.Length; i++)
            {
                if (!ids.TryGetValue(sentence[i], out var id))
                {
                    id = words.Count;
                    ids[sentence[i]] = id;
                    words.Add(sentence[i]);
                    counts.Add(0);
                }

                counts[id]++;
                line[i] = id;
            }

            corpus.Add(line);
        }

        return (words, counts, corpus);
    }

    /// <summary>The exchange passes: each kept word's class, and the class bigram counts (classes × classes, row = first word).</summary>
    private (int[] Of, long[] Bigrams, int Count) Exchange(int wordCount, List<int> counts, List<int[]> corpus, int[] kept)
    {
        var c = Classes;
        var rare = c;      // words seen too rarely: one class that does not move
        var edge = c + 1;  // the sentence edge, before the first word and after the last
        var k = c + 2;
        var of = new int[wordCount + 1];
        Array.Fill(of, rare);
        for (var r = 0; r < kept.Length; r++)
        {
            of[kept[r]] = r % c;
        }

        var edgeWord = wordCount;
        of[edgeWord] = edge;

        // word bigram counts (the edge as a word), as sorted pairs; then per kept word its successors and predecessors
        var pairs = new List<long>();
        long tokens = 0;
        foreach (var line in corpus)
        {
            var previous = edgeWord;
            foreach (var w in line)
            {
                pairs.Add(((long)previous << 32) | (uint)w);
                previous = w;
                tokens++;
            }

            pairs.Add(((long)previous << 32) | (uint)edgeWord);
        }

        pairs.Sort();
        var after = new List<(int Word, int Count)>[wordCount + 1];
        var before = new List<(int Word, int Count)>[wordCount + 1];
        var bigrams = new long[k * k];
        var unigrams = new long[k];
        var at = 0;
        while (at < pairs.Count)
        {
            var key = pairs[at];
            var run = 1;
            while (at + run < pairs.Count && pairs[at + run] == key)
            {
                run++;
            }

            at += run;
            var first = (int)(key >> 32);
            var second = (int)(key & 0xFFFFFFFF);
            (after[first] ??= []).Add((second, run));
            (before[second] ??= []).Add((first, run));
            bigrams[(of[first] * k) + of[second]] += run;
        }

        for (var w = 0; w <= wordCount; w++)
        {
            unigrams[of[w]] += w == edgeWord ? corpus.Count : counts[w];
        }

        var f = XLogX(tokens + (2L * corpus.Count));
        var right = new long[k];
        var left = new long[k];
        var touchedRight = new List<int>();
        var touchedLeft = new List<int>();
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            var moves = 0;
            foreach (var w in kept)
            {
                var from = of[w];
                var n = counts[w];
                long self = 0;
                touchedRight.Clear();
                touchedLeft.Clear();
                foreach (var (v, count) in after[w] ?? [])
                {
                    if (v == w)
                    {
                        self = count;
                        continue;
                    }

                    if (right[of[v]] == 0)
                    {
                        touchedRight.Add(of[v]);
                    }

                    right[of[v]] += count;
                }

                foreach (var (v, count) in before[w] ?? [])
                {
                    if (v == w)
                    {
                        continue;
                    }

                    if (left[of[v]] == 0)
                    {
                        touchedLeft.Add(of[v]);
                    }

                    left[of[v]] += count;
                }

                Move(from, -1);
                var best = from;
                var bestGain = Gain(from);
                for (var b = 0; b < c; b++)
                {
                    if (b == from)
                    {
                        continue;
                    }

                    var gain = Gain(b);
                    if (gain > bestGain + 1e-9)
                    {
                        bestGain = gain;
                        best = b;
                    }
                }

                Move(best, 1);
                of[w] = best;
                moves += best == from ? 0 : 1;
                foreach (var x in touchedRight)
                {
                    right[x] = 0;
                }

                foreach (var x in touchedLeft)
                {
                    left[x] = 0;
                }

                // the change of the log-likelihood (up to constants) when w joins class b
                double Gain(int b)
                {
                    var gain = 0.0;
                    foreach (var x in touchedRight)
                    {
                        if (x != b)
                        {
                            var cell = bigrams[(b * k) + x];
                            gain += f[cell + right[x]] - f[cell];
                        }
                    }

                    foreach (var x in touchedLeft)
                    {
                        if (x != b)
                        {
                            var cell = bigrams[(x * k) + b];
                            gain += f[cell + left[x]] - f[cell];
                        }
                    }

                    var diagonal = bigrams[(b * k) + b];
                    gain += f[diagonal + right[b] + left[b] + self] - f[diagonal];
                    gain -= 2 * (f[unigrams[b] + n] - f[unigrams[b]]);
                    return gain;
                }

                // adds (sign 1) or removes (-1) w's counts to or from class b
                void Move(int b, int sign)
                {
                    foreach (var x in touchedRight)
                    {
                        bigrams[(b * k) + x] += sign * right[x];
                    }

                    foreach (var x in touchedLeft)
                    {
                        bigrams[(x * k) + b] += sign * left[x];
                    }

                    bigrams[(b * k) + b] += sign * self;
                    unigrams[b] += sign * n;
                }
            }

            if (moves == 0)
            {
                break;
            }
        }

        return (of, bigrams, k);
    }

    /// <summary>x ln x for every count up to <paramref name="max"/>.</summary>
    private static double[] XLogX(long max)
    {
        var table = new double[max + 1];
        for (var x = 1; x <= max; x++)
        {
            table[x] = x * Math.Log(x);
        }

        return table;
    }

    /// <summary>The path of each movable class in the tree merged bottom-up from the classes' bigram profiles.</summary>
    private string[] ClassPaths(long[] bigrams, int k)
    {
        var c = Classes;
        var dims = 2 * k;
        var vectors = new double[c][];
        for (var a = 0; a < c; a++)
        {
            var v = new double[dims];
            for (var x = 0; x < k; x++)
            {
                v[x] = Math.Sqrt(bigrams[(a * k) + x]);
                v[k + x] = Math.Sqrt(bigrams[(x * k) + a]);
            }

            vectors[a] = Normalised(v);
        }

        var paths = new string[k];
        Array.Fill(paths, string.Empty);
        Split([.. Enumerable.Range(0, c)], string.Empty, vectors, paths);
        return paths;
    }

    /// <summary>Splits <paramref name="members"/> (class numbers, ascending) in two with spherical 2-means, recursively, down to single classes.</summary>
    private void Split(int[] members, string path, double[][] vectors, string[] paths)
    {
        if (members.Length == 1 || path.Length >= Depth || !TwoMeans(members, vectors, out var zero, out var one))
        {
            foreach (var m in members)
            {
                paths[m] = path;
            }

            return;
        }

        Split(zero, path + "0", vectors, paths);
        Split(one, path + "1", vectors, paths);
    }

    /// <summary>Spherical 2-means seeded with the two least alike members; the side holding the lowest class number is "0".</summary>
    private bool TwoMeans(int[] members, double[][] vectors, out int[] zero, out int[] one)
    {
        int seedA = members[0], seedB = members[1];
        var lowest = double.PositiveInfinity;
        foreach (var a in members)
        {
            foreach (var b in members)
            {
                if (a < b && Dot(vectors[a], vectors[b]) is var s && s < lowest)
                {
                    lowest = s;
                    (seedA, seedB) = (a, b);
                }
            }
        }

        var centreA = (double[])vectors[seedA].Clone();
        var centreB = (double[])vectors[seedB].Clone();
        var side = new bool[members.Length];
        for (var iteration = 0; iteration < 20; iteration++)
        {
            var changed = iteration == 0;
            for (var i = 0; i < members.Length; i++)
            {
                var toB = Dot(vectors[members[i]], centreB) > Dot(vectors[members[i]], centreA);
                changed |= toB != side[i];
                side[i] = toB;
            }

            if (!changed)
            {
                break;
            }

            Array.Clear(centreA);
            Array.Clear(centreB);
            for (var i = 0; i < members.Length; i++)
            {
                var target = side[i] ? centreB : centreA;
                var v = vectors[members[i]];
                for (var x = 0; x < v.Length; x++)
                {
                    target[x] += v[x];
                }
            }

            Normalised(centreA);
            Normalised(centreB);
        }

        var first = side[0];
        zero = [.. members.Where((_, i) => side[i] == first)];
        one = [.. members.Where((_, i) => side[i] != first)];
        return zero.Length > 0 && one.Length > 0;
    }

    private static double[] Normalised(double[] v)
    {
        var norm = Math.Sqrt(Dot(v, v));
        if (norm > 0)
        {
            for (var i = 0; i < v.Length; i++)
            {
                v[i] /= norm;
            }
        }

        return v;
    }

    private static double Dot(double[] x, double[] y)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }
}
