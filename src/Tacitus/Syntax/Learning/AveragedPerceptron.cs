using System.Buffers.Binary;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Tacitus.Syntax.Learning;

/// <summary>
/// A multiclass averaged perceptron over hashed features (<see cref="FeatureKey"/>), the learner of the tagger,
/// parser and entity recogniser. Each feature that was ever updated owns a dense row of one weight per class, so
/// scoring is one table lookup and one vector add per feature. Training keeps, per weight, the running total and
/// the instance it last changed at, and <see cref="Average"/> replaces each weight by its mean over all instances
/// (Collins 2002; Honnibal's lazy averaging). Training is single-threaded and deterministic: the same instances in
/// the same order give the same bytes from <see cref="Write"/>. A model read back (<see cref="Read"/>) keeps a short
/// row sparse (its non-zero classes and weights only; trained rows are mostly zeros, so this is many times smaller than
/// dense rows) and a long row dense, added to the scores a vector at a time (<see cref="PackedRow"/>).
/// </summary>
internal sealed class AveragedPerceptron
{
    private const uint Magic = 0x50434154; // "TACP"
    private const int FormatVersion = 1;

    private ulong[] keys;   // open addressing, power-of-two capacity, 0 = empty
    private int[] slotRows; // row of the key in the same slot
    private float[] weights; // rows * Classes (training); empty for a model read back
    private RowIndex? rowIndex;                      // read-back model: where each feature's row is
    private NativeTable<SparseEntry>? sparseEntries; // read-back model: the weights of short rows, class by class
    private NativeTable<float>? denseWeights;        // read-back model: long rows, one weight per class (padded)
    private int paddedClasses;
    private float[]? totals;
    private int[]? stamps;
    private int instances;

    private AveragedPerceptron(int classes, int capacity, bool training, bool dense = true)
    {
        if (classes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(classes), "a model needs at least one class");
        }

        Classes = classes;
        var slots = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity * 2));
        keys = new ulong[slots];
        slotRows = new int[slots];
        weights = dense ? new float[Math.Max(16, capacity) * classes] : [];
        if (training)
        {
            totals = new float[weights.Length];
            stamps = new int[weights.Length];
        }
    }

    public int Classes { get; }

    /// <summary>
    /// Averaged weights of smaller magnitude are left out when the model is written (<see cref="Write"/>): most
    /// features were updated once or twice late in training, and dropping them shrinks the file and the tables that
    /// scoring reads, at no cost the development sets can measure.
    /// </summary>
    public float PruneBelow { get; init; } = 1e-4f;

    /// <summary>Features that own a row of weights.</summary>
    public int Features { get; private set; }

    public bool IsTraining => totals is not null;

    public static AveragedPerceptron ForTraining(int classes, int expectedFeatures = 1 << 16, float pruneBelow = 1e-4f) =>
        new(classes, expectedFeatures, training: true) { PruneBelow = pruneBelow };

    /// <summary>Adds each feature's row to <paramref name="scores"/> (cleared first; length <see cref="Classes"/>).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        if (scores.Length != Classes)
        {
            throw new ArgumentException($"scores must have {Classes} slots", nameof(scores));
        }

        if (rowIndex is not null)
        {
            ScoreSparse(features, scores, onto: false);
            return;
        }

        scores.Clear();
        AddRows(features, scores);
    }

    /// <summary>
    /// Adds each feature's row, in order, onto the totals already in <paramref name="scores"/> (length
    /// <see cref="Classes"/>): the same sums as scoring the features one at a time and adding each result.
    /// </summary>
    public void AddScores(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        if (scores.Length != Classes)
        {
            throw new ArgumentException($"scores must have {Classes} slots", nameof(scores));
        }

        if (rowIndex is not null)
        {
            ScoreSparse(features, scores, onto: true);
            return;
        }

        AddRows(features, scores);
    }

    private void AddRows(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        foreach (var feature in features)
        {
            var row = Find(feature);
            if (row >= 0)
            {
                AddRow(row, scores);
            }
        }
    }

    /// <summary>The best-scoring class among those <paramref name="allowed"/> says may be chosen (all when empty).</summary>
    public int Predict(ReadOnlySpan<ulong> features, Span<float> scores, ReadOnlySpan<bool> allowed = default)
    {
        Score(features, scores);
        return Best(scores, allowed);
    }

    /// <summary>Index of the highest score, lowest index on ties (deterministic); -1 when nothing is allowed.</summary>
    public static int Best(ReadOnlySpan<float> scores, ReadOnlySpan<bool> allowed = default)
    {
        if (allowed.IsEmpty && Vector256.IsHardwareAccelerated && scores.Length >= Vector256<float>.Count)
        {
            var first = FirstOfHighest(scores);
            if (first >= 0)
            {
                return first;
            }
        }

        var best = -1;
        var bestScore = float.NegativeInfinity;
        for (var c = 0; c < scores.Length; c++)
        {
            if ((allowed.IsEmpty || allowed[c]) && (best < 0 || scores[c] > bestScore))
            {
                best = c;
                bestScore = scores[c];
            }
        }

        return best;
    }

    /// <summary>
    /// <see cref="Best"/> over all classes a vector at a time (the tagger's 108 classes are 14 vectors): the highest
    /// score, then the first class that has it, which is the class the loop picks (lowest index on ties; -0 and +0
    /// tie there too). -1 when a score is NaN, which the loop handles its own way.
    /// </summary>
    private static int FirstOfHighest(ReadOnlySpan<float> scores)
    {
        var width = Vector256<float>.Count;
        var n = scores.Length;
        ref var start = ref MemoryMarshal.GetReference(scores);
        var top = Vector256.LoadUnsafe(ref start);
        var ordered = Vector256.Equals(top, top);
        for (var c = width; c < n; c += width)
        {
            // the last vector may overlap the one before it: a score read twice changes no maximum
            var v = Vector256.LoadUnsafe(ref start, (nuint)Math.Min(c, n - width));
            top = Vector256.Max(top, v);
            ordered &= Vector256.Equals(v, v);
        }

        if (ordered.ExtractMostSignificantBits() != (1u << width) - 1)
        {
            return -1;
        }

        var highest = top.GetElement(0);
        for (var k = 1; k < width; k++)
        {
            highest = Math.Max(highest, top.GetElement(k));
        }

        var wanted = Vector256.Create(highest);
        for (var c = 0; c < n; c += width)
        {
            var at = Math.Min(c, n - width);
            var equal = Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)at), wanted).ExtractMostSignificantBits();
            if (equal != 0)
            {
                return at + BitOperations.TrailingZeroCount(equal);
            }
        }

        return -1;
    }

    /// <summary>Counts one training instance; call once per decision, whether or not it is updated.</summary>
    public void Tick()
    {
        RequireTraining();
        instances++;
    }

    /// <summary>Moves the features' weights towards <paramref name="truth"/> and away from <paramref name="guess"/>.</summary>
    public void Update(ReadOnlySpan<ulong> features, int truth, int guess, float amount = 1f)
    {
        RequireTraining();
        if (truth == guess)
        {
            return;
        }

        foreach (var feature in features)
        {
            var row = FindOrAdd(feature);
            Bump((row * Classes) + truth, amount);
            Bump((row * Classes) + guess, -amount);
        }
    }

    /// <summary>
    /// Adds <paramref name="amount"/> to one class's weight of each feature: one side of a structured update, where
    /// the gold sequence and the guessed one have different features at a position (their histories differ).
    /// </summary>
    public void Adjust(ReadOnlySpan<ulong> features, int @class, float amount)
    {
        RequireTraining();
        foreach (var feature in features)
        {
            Bump((FindOrAdd(feature) * Classes) + @class, amount);
        }
    }

    /// <summary>Ends training: every weight becomes its average over the instances seen; the model can then be written.</summary>
    public void Average()
    {
        RequireTraining();
        ReplaceWeightsByAverage();
        totals = null;
        stamps = null;
    }

    /// <summary>
    /// Starts a second phase of training from the first one's averaged weights: they become the current weights and
    /// the average starts again, so the model written at the end averages the second phase only (a parser's beam
    /// passes after its greedy ones).
    /// </summary>
    public void RestartFromAverage()
    {
        RequireTraining();
        ReplaceWeightsByAverage();
        Array.Clear(totals!);
        Array.Clear(stamps!);
        instances = 0;
    }

    /// <summary>Every weight in use becomes its mean over the <see cref="instances"/> seen (the running totals and stamps are left for the caller).</summary>
    private void ReplaceWeightsByAverage()
    {
        var n = Math.Max(1, instances);
        var used = Features * Classes;
        for (var i = 0; i < used; i++)
        {
            var total = totals![i] + ((instances - stamps![i]) * weights[i]);
            weights[i] = total / n;
        }
    }

    /// <summary>
    /// Writes the averaged model: rows in the order features were first seen, each with its non-zero weights (those
    /// of magnitude at least <paramref name="prune"/>, by default <see cref="PruneBelow"/>) as class and half-precision value. A row left empty is dropped.
    /// </summary>
    public void Write(BinaryWriter writer, float? prune = null)
    {
        var least = prune ?? PruneBelow;
        ArgumentNullException.ThrowIfNull(writer);
        if (IsTraining)
        {
            throw new InvalidOperationException("average the model before writing it");
        }

        if (rowIndex is not null)
        {
            throw new InvalidOperationException("a model read back is written as it was read: copy its file");
        }

        var keep = new List<int>();
        for (var row = 0; row < Features; row++)
        {
            if (RowCount(row, least) > 0)
            {
                keep.Add(row);
            }
        }

        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(Classes);
        writer.Write(keep.Count);
        var rowKeys = RowKeys();
        foreach (var row in keep)
        {
            writer.Write(rowKeys[row]);
            writer.Write((ushort)RowCount(row, least));
            var weightsOfRow = weights.AsSpan(row * Classes, Classes);
            for (var c = 0; c < Classes; c++)
            {
                if (MathF.Abs(weightsOfRow[c]) >= least)
                {
                    writer.Write((ushort)c);
                    writer.Write((Half)weightsOfRow[c]);
                }
            }
        }
    }

    /// <summary>
    /// Reads a model written by <see cref="Write"/>; a damaged file is an <see cref="InvalidDataException"/>. The file
    /// keeps its format; in memory each feature's key points at its row's weights (<see cref="RowIndex"/>,
    /// <see cref="PackedRow"/>): a short row's non-zero weights class by class, a long row (at least
    /// <see cref="PackedRow.DenseFrom"/> weights) as one weight per class, zeros included, added a vector at a time.
    /// </summary>
    public static AveragedPerceptron Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.ReadUInt32() != Magic || reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException("not a Tacitus perceptron model (or of another format version)");
        }

        var classes = reader.ReadInt32();
        var rows = reader.ReadInt32();
        if (classes is < 1 or > ushort.MaxValue || rows < 0)
        {
            throw new InvalidDataException($"bad model header: {classes} classes, {rows} rows");
        }

        using var rowsRead = new ReadBackRows(classes, rows);
        // each row is read in two calls (its key and count, then its weights) rather than one call per number: a model's
        // millions of weights read through BinaryReader one at a time were most of its loading, a cost of every run
        var stream = reader.BaseStream;
        Span<byte> head = stackalloc byte[RowHead];
        var body = new byte[classes * WeightBytes];
        for (var r = 0; r < rows; r++)
        {
            stream.ReadExactly(head);
            var key = BinaryPrimitives.ReadUInt64LittleEndian(head);
            int count = BinaryPrimitives.ReadUInt16LittleEndian(head[sizeof(ulong)..]);
            if (count > classes)
            {
                throw new InvalidDataException($"row {r} has {count} weights for {classes} classes");
            }

            var read = body.AsSpan(0, count * WeightBytes);
            stream.ReadExactly(read);
            // each weight is decoded straight into the row's place among the rows read: filled, or scattered into a dense row
            if (ReadBackRows.IsDense(count))
            {
                var dense = rowsRead.ReserveDense();
                for (var i = 0; i < count; i++)
                {
                    dense[ClassAt(read, i, classes, r)] = WeightAt(read, i);
                }
            }
            else
            {
                var sparse = rowsRead.ReserveSparse(count);
                for (var i = 0; i < count; i++)
                {
                    sparse[i] = new SparseEntry(ClassAt(read, i, classes, r), WeightAt(read, i));
                }
            }

            rowsRead.Commit(key, r);
        }

        return rowsRead.ToModel();
    }

    /// <summary>
    /// A read-only model that scores <paramref name="first"/>'s classes and then <paramref name="second"/>'s in one
    /// lookup per feature: its classes are the first's followed by the second's, and each feature's row holds both
    /// models' weights. Scoring features with it gives, in each half, the same sums bit for bit as scoring them with
    /// each model alone (each class still gets its weights in the order of the features; a weight one model has and
    /// the other has not adds nothing). Two models that read the same keys (the two passes of an entity model) then
    /// fetch one row per key instead of two.
    /// </summary>
    public static AveragedPerceptron Join(AveragedPerceptron first, AveragedPerceptron second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var keys = new HashSet<ulong>(first.AllKeys());
        keys.UnionWith(second.AllKeys());
        var classes = first.Classes + second.Classes;
        using var joined = new ReadBackRows(classes, keys.Count);
        Span<float> weightsOfFirst = new float[first.Classes];
        Span<float> weightsOfSecond = new float[second.Classes];
        Span<SparseEntry> row = new SparseEntry[classes];
        var r = 0;
        foreach (var key in keys)
        {
            first.Score([key], weightsOfFirst);
            second.Score([key], weightsOfSecond);
            var count = 0;
            for (var c = 0; c < classes; c++)
            {
                var weight = c < first.Classes ? weightsOfFirst[c] : weightsOfSecond[c - first.Classes];
                if (weight != 0f)
                {
                    row[count++] = new SparseEntry((ushort)c, weight);
                }
            }

            if (count > 0)
            {
                joined.Add(key, row[..count], r++);
            }
        }

        return joined.ToModel();
    }

    /// <summary>The keys of every feature that owns a row (a model read back: as its index holds them).</summary>
    private ulong[] AllKeys() => rowIndex is not null ? rowIndex.Keys() : RowKeys();

    /// <summary>A read-back model over tables gathered by <see cref="ReadBackRows"/>.</summary>
    internal static AveragedPerceptron ReadBack(int classes, int padded, RowIndex index, NativeTable<SparseEntry> entries, NativeTable<float> weights, int rows) =>
        new(classes, 0, training: false, dense: false)
        {
            sparseEntries = entries,
            denseWeights = weights,
            rowIndex = index,
            paddedClasses = padded,
            Features = rows,
        };

    // a row as written: its key and weight count, then per weight its class and half-precision value
    private const int RowHead = sizeof(ulong) + sizeof(ushort);
    private const int WeightBytes = sizeof(ushort) + 2;

    /// <summary>The class of weight <paramref name="i"/> of a row's bytes, checked against the model's classes.</summary>
    private static ushort ClassAt(ReadOnlySpan<byte> row, int i, int classes, int rowNumber)
    {
        var c = BinaryPrimitives.ReadUInt16LittleEndian(row[(i * WeightBytes)..]);
        return c < classes ? c : throw new InvalidDataException($"class {c} out of range in row {rowNumber}");
    }

    /// <summary>The value of weight <paramref name="i"/> of a row's bytes.</summary>
    private static float WeightAt(ReadOnlySpan<byte> row, int i) => (float)BinaryPrimitives.ReadHalfLittleEndian(row[((i * WeightBytes) + sizeof(ushort))..]);

    /// <summary>
    /// Scores a read-back model in three sweeps so that the memory reads of all features overlap instead of waiting on
    /// each other: prefetch every feature's home bucket, then find each row (and prefetch its weights), then add the
    /// rows in the order of the features. Each class's score gets its weights in the same order whatever the kind of
    /// row (a dense row adds +0 to the classes it has no weight for, which changes no sum), so the scores are the same
    /// bit for bit as adding every weight one by one.
    /// </summary>
    [SkipLocalsInit]
    private unsafe void ScoreSparse(ReadOnlySpan<ulong> features, Span<float> scores, bool onto)
    {
        var count = features.Length;
        Span<ulong> found = count <= 256 ? stackalloc ulong[count] : new ulong[count];
        FindRows(features, found);
        var padded = paddedClasses;
        Span<float> sums = padded <= 1024 ? stackalloc float[padded] : new float[padded];
        sums.Clear();
        if (onto)
        {
            scores.CopyTo(sums);
        }

        AddFound(found, sums);
        sums[..Classes].CopyTo(scores);
    }

    /// <summary>
    /// Whether features can be located ahead of scoring (<see cref="Locate"/>, <see cref="ScoreLocated"/>): a model read
    /// back; a model in training scores with <see cref="Score"/>.
    /// </summary>
    public bool Locates => rowIndex is not null;

    /// <summary>
    /// Finds the row of each feature (a model read back, <see cref="Locates"/>) into <paramref name="rows"/>, for
    /// <see cref="ScoreLocated"/>: a caller that knows many features ahead (every word of a sentence) finds them all
    /// in one sweep, so the memory reads of one word's rows overlap those of the next instead of each word waiting for
    /// its own. The rows found are only valid for this model.
    /// </summary>
    public void Locate(ReadOnlySpan<ulong> features, Span<ulong> rows)
    {
        if (rowIndex is null)
        {
            throw new InvalidOperationException("only a model read back locates its rows");
        }

        if (rows.Length < features.Length)
        {
            throw new ArgumentException("a row is needed for each feature", nameof(rows));
        }

        FindRows(features, rows);
    }

    /// <summary>
    /// Writes into <paramref name="scores"/> (length <see cref="Classes"/>) the sum of the rows located by
    /// <see cref="Locate"/>, in their order: bit for bit what <see cref="Score"/> gives on the features they were
    /// located for.
    /// </summary>
    [SkipLocalsInit]
    public void ScoreLocated(ReadOnlySpan<ulong> rows, Span<float> scores)
    {
        if (rowIndex is null)
        {
            throw new InvalidOperationException("only a model read back locates its rows");
        }

        if (scores.Length != Classes)
        {
            throw new ArgumentException($"scores must have {Classes} slots", nameof(scores));
        }

        var padded = paddedClasses;
        Span<float> sums = padded <= 1024 ? stackalloc float[padded] : new float[padded];
        sums.Clear();
        AddFound(rows, sums);
        sums[..Classes].CopyTo(scores);
    }

    /// <summary>
    /// Adds rows onto several totals at once: the features are taken <paramref name="perGroup"/> at a time, and each
    /// group's rows are added, in order, onto its own <see cref="Classes"/> totals in <paramref name="scores"/> (group
    /// g at g × Classes). The memory reads of every group's rows are started before any is added, so a caller with
    /// a few features for each of several totals (the entity beam's class-before keys, one group per class before)
    /// waits for them once instead of once per group. Each total is the same bit for bit as <see cref="AddScores"/>
    /// on its group alone.
    /// </summary>
    [SkipLocalsInit]
    public void AddScoresByGroup(ReadOnlySpan<ulong> features, int perGroup, Span<float> scores)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perGroup, 1);
        var groups = features.Length / perGroup;
        if (features.Length != groups * perGroup || scores.Length != groups * Classes)
        {
            throw new ArgumentException($"{perGroup} features and {Classes} scores per group are needed");
        }

        if (rowIndex is null)
        {
            for (var g = 0; g < groups; g++)
            {
                AddRows(features.Slice(g * perGroup, perGroup), scores.Slice(g * Classes, Classes));
            }

            return;
        }

        var count = features.Length;
        Span<ulong> found = count <= 256 ? stackalloc ulong[count] : new ulong[count];
        FindRows(features, found);
        var padded = paddedClasses;
        Span<float> sums = padded <= 1024 ? stackalloc float[padded] : new float[padded];
        sums.Clear(); // the lanes past Classes stay 0: no row has a weight there
        for (var g = 0; g < groups; g++)
        {
            var total = scores.Slice(g * Classes, Classes);
            total.CopyTo(sums);
            AddFound(found.Slice(g * perGroup, perGroup), sums);
            sums[..Classes].CopyTo(total);
        }
    }

    /// <summary>Features whose home buckets <see cref="FindRows"/> prefetches before finding the first, and then ahead of the one it finds.</summary>
    private const int PrefetchAhead = 48;

    /// <summary>Weights in one 64-byte cache line.</summary>
    private const int FloatsPerLine = 64 / sizeof(float);

    /// <summary>
    /// The payload of each feature's row (<see cref="PackedRow"/>) into <paramref name="found"/>, so that the memory
    /// reads overlap instead of waiting on each other: prefetch the home buckets of the first
    /// <see cref="PrefetchAhead"/> features (all of one word's), then find each row, prefetch its weights and the home
    /// bucket of the feature that many places further on (a long run, a whole sentence's, stays that far ahead).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private unsafe void FindRows(ReadOnlySpan<ulong> features, Span<ulong> found)
    {
        var index = rowIndex!;
        var buckets = index.Pointer;
        var mask = index.Mask;
        var entryBase = sparseEntries!.Pointer;
        var weightBase = denseWeights!.Pointer;
        var padded = paddedClasses;
        var count = features.Length;
        if (Sse.IsSupported)
        {
            foreach (var feature in features[..Math.Min(count, PrefetchAhead)])
            {
                Sse.Prefetch0(RowIndex.Home(buckets, mask, feature));
            }
        }

        for (var f = 0; f < count; f++)
        {
            var payload = RowIndex.Find(buckets, mask, features[f]);
            found[f] = payload;
            if (Sse.IsSupported)
            {
                if (f + PrefetchAhead < count)
                {
                    Sse.Prefetch0(RowIndex.Home(buckets, mask, features[f + PrefetchAhead]));
                }

                var start = PackedRow.Start(payload);
                if (PackedRow.IsDense(payload))
                {
                    // a dense row spans several cache lines (one weight per class): fetch each, not only the first
                    var row = weightBase + start;
                    for (var c = 0; c < padded; c += FloatsPerLine)
                    {
                        Sse.Prefetch0(row + c);
                    }

                    Sse.Prefetch0(row + padded - 1);
                }
                else
                {
                    Sse.Prefetch0(entryBase + start);
                }
            }
        }

        // the loop reads the native buckets through a raw pointer: keep the table (whose finalizer frees them) alive until it ends
        index.KeepAlive();
    }

    /// <summary>
    /// Adds the rows found (<see cref="FindRows"/>), in order, onto <paramref name="sums"/> (padded to whole vectors).
    /// Each class's total gets its weights in the same order whatever the kind of row (a dense row adds +0 to the
    /// classes it has no weight for, which changes no sum).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private unsafe void AddFound(ReadOnlySpan<ulong> found, Span<float> sums)
    {
        var entryTable = sparseEntries!;
        var weightTable = denseWeights!;
        var entryBase = entryTable.Pointer;
        var weightBase = weightTable.Pointer;
        var padded = paddedClasses;
        ref var sum = ref MemoryMarshal.GetReference(sums);
        foreach (var payload in found)
        {
            // the rows come from callers (ScoreLocated) and feed pointer arithmetic: a row outside its table is a bug,
            // caught in Debug builds and tests; Release compiles the check away
            Debug.Assert(InTable(payload, padded, entryTable.Length, weightTable.Length), "a located row lies outside its table");
            if (PackedRow.IsDense(payload))
            {
                var row = weightBase + PackedRow.Start(payload);
                var c = 0;
                if (Vector512.IsHardwareAccelerated)
                {
                    // the same lane-by-lane sums as the 256-bit loop below, in half the instructions (a tagger row is 112 weights)
                    for (; c + Vector512<float>.Count <= padded; c += Vector512<float>.Count)
                    {
                        ref var wide = ref Unsafe.Add(ref sum, c);
                        Vector512.StoreUnsafe(Vector512.LoadUnsafe(ref wide) + Vector512.Load(row + c), ref wide);
                    }
                }

                for (; c < padded; c += Vector256<float>.Count)
                {
                    ref var at = ref Unsafe.Add(ref sum, c);
                    Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref at) + Vector256.Load(row + c), ref at);
                }

                continue;
            }

            var e = entryBase + PackedRow.Start(payload);
            var length = PackedRow.Length(payload);
            for (var i = 0; i < length; i++)
            {
                Unsafe.Add(ref sum, e[i].Class) += e[i].Weight;
            }
        }

        GC.KeepAlive(entryTable);
        GC.KeepAlive(weightTable);
    }

    /// <summary>Whether a row (<see cref="PackedRow"/>) lies wholly inside its table: a dense row's padded weights, a sparse row's entries.</summary>
    private static bool InTable(ulong payload, int padded, int entries, int weights)
    {
        var start = (long)PackedRow.Start(payload);
        return start >= 0 && (PackedRow.IsDense(payload)
            ? start + padded <= weights
            : start + PackedRow.Length(payload) <= entries);
    }

    private int RowCount(int row, float prune)
    {
        var count = 0;
        foreach (var w in weights.AsSpan(row * Classes, Classes))
        {
            if (MathF.Abs(w) >= prune)
            {
                count++;
            }
        }

        return count;
    }

    private ulong[] RowKeys()
    {
        var result = new ulong[Features];
        for (var slot = 0; slot < keys.Length; slot++)
        {
            if (keys[slot] != 0)
            {
                result[slotRows[slot]] = keys[slot];
            }
        }

        return result;
    }

    private void AddRow(int row, Span<float> scores)
    {
        var source = weights.AsSpan(row * Classes, Classes);
        var i = 0;
        if (Vector.IsHardwareAccelerated && Classes >= Vector<float>.Count)
        {
            var target = MemoryMarshal.Cast<float, Vector<float>>(scores);
            var from = MemoryMarshal.Cast<float, Vector<float>>(source);
            for (var v = 0; v < target.Length; v++)
            {
                target[v] += from[v];
            }

            i = target.Length * Vector<float>.Count;
        }

        for (; i < Classes; i++)
        {
            scores[i] += source[i];
        }
    }

    private void Bump(int index, float delta)
    {
        totals![index] += (instances - stamps![index]) * weights[index];
        stamps[index] = instances;
        weights[index] += delta;
    }

    private int Find(ulong key)
    {
        var mask = keys.Length - 1;
        var slot = (int)(key & (ulong)mask);
        while (true)
        {
            var k = keys[slot];
            if (k == key)
            {
                return slotRows[slot];
            }

            if (k == 0)
            {
                return -1;
            }

            slot = (slot + 1) & mask;
        }
    }

    private int FindOrAdd(ulong key)
    {
        if (key == 0)
        {
            key = 1; // FeatureKey.Finish never gives 0; keep raw callers safe
        }

        var mask = keys.Length - 1;
        var slot = (int)(key & (ulong)mask);
        while (keys[slot] != 0)
        {
            if (keys[slot] == key)
            {
                return slotRows[slot];
            }

            slot = (slot + 1) & mask;
        }

        var row = Features++;
        keys[slot] = key;
        slotRows[slot] = row;
        if (weights.Length > 0 || IsTraining)
        {
            EnsureRows(Features);
        }

        if (Features * 2 > keys.Length)
        {
            Rehash(keys.Length * 2);
        }

        return row;
    }

    private void EnsureRows(int rows)
    {
        var needed = rows * Classes;
        if (needed <= weights.Length)
        {
            return;
        }

        var size = Math.Max(needed, weights.Length * 2);
        Array.Resize(ref weights, size);
        if (totals is not null)
        {
            Array.Resize(ref totals, size);
            Array.Resize(ref stamps, size);
        }
    }

    private void Rehash(int capacity)
    {
        var oldKeys = keys;
        var oldRows = slotRows;
        keys = new ulong[capacity];
        slotRows = new int[capacity];
        var mask = capacity - 1;
        for (var i = 0; i < oldKeys.Length; i++)
        {
            if (oldKeys[i] == 0)
            {
                continue;
            }

            var slot = (int)(oldKeys[i] & (ulong)mask);
            while (keys[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            keys[slot] = oldKeys[i];
            slotRows[slot] = oldRows[i];
        }
    }

    private void RequireTraining()
    {
        if (totals is null)
        {
            throw new InvalidOperationException("this model is not being trained");
        }
    }
}

/// <summary>
/// Gathers the rows of a read-back model (<see cref="AveragedPerceptron.Read"/>, <see cref="AveragedPerceptron.Join"/>):
/// a short row's weights class by class, a long row (at least <see cref="PackedRow.DenseFrom"/> weights) as one weight
/// per class, zeros included, padded to whole vectors. Both kinds are gathered in unmanaged memory that grows as
/// needed and is freed on dispose: a managed list would allocate (and copy on growth) tens of MB on the heap once per
/// process, all garbage at once.
/// </summary>
internal sealed unsafe class ReadBackRows : IDisposable
{
    // Rows are indexed this many rows after they are read, each row's home bucket prefetched when it is read: the
    // buckets are spread at random over tens of MB, and adding each row as it came waited on a cache miss per row (a
    // third of a model's loading). Rows still go in in the order read, so the index is the same.
    private const int IndexBehind = 16;

    private readonly RowIndex index;
    private readonly (ulong Key, ulong Payload, int Row)[] waiting = new (ulong, ulong, int)[IndexBehind];
    private int waitingCount;
    private int waitingFirst;
    private readonly GrowingBuffer<SparseEntry> entries;
    private readonly GrowingBuffer<float> weights;
    private readonly int classes;
    private readonly int padded;
    private int rows;
    private ulong pending;

    public ReadBackRows(int classes, int expectedRows)
    {
        this.classes = classes;
        padded = (classes + Vector256<float>.Count - 1) / Vector256<float>.Count * Vector256<float>.Count;
        index = new RowIndex(expectedRows);
        entries = new GrowingBuffer<SparseEntry>(Math.Max(16, expectedRows * 2));
        weights = new GrowingBuffer<float>(padded * 16);
    }

    /// <summary>Whether a row of <paramref name="count"/> weights is kept dense (one weight per class).</summary>
    public static bool IsDense(int count) => count >= PackedRow.DenseFrom;

    /// <summary>Adds the row of <paramref name="key"/> (0 reads as 1); <paramref name="row"/> numbers it in messages.</summary>
    public void Add(ulong key, ReadOnlySpan<SparseEntry> weightsOfRow, int row)
    {
        if (IsDense(weightsOfRow.Length))
        {
            var dense = ReserveDense();
            foreach (var entry in weightsOfRow)
            {
                dense[entry.Class] = entry.Weight;
            }
        }
        else
        {
            weightsOfRow.CopyTo(ReserveSparse(weightsOfRow.Length));
        }

        Commit(key, row);
    }

    /// <summary>
    /// Reserves the next row's <paramref name="count"/> weights (fewer than <see cref="PackedRow.DenseFrom"/>) for the
    /// caller to fill class by class, then <see cref="Commit"/>.
    /// </summary>
    public Span<SparseEntry> ReserveSparse(int count)
    {
        pending = PackedRow.Sparse(checked((int)entries.Count), count);
        return entries.Append(count);
    }

    /// <summary>Reserves the next row as one weight per class, all zero, for the caller to scatter into, then <see cref="Commit"/>.</summary>
    public Span<float> ReserveDense()
    {
        pending = PackedRow.Dense(checked((int)weights.Count));
        var dense = weights.Append(padded);
        dense.Clear();
        return dense[..classes];
    }

    /// <summary>
    /// Indexes the row last reserved as <paramref name="key"/>'s (0 reads as 1); <paramref name="row"/> numbers it in
    /// messages. The row goes into the index a few rows later (or at <see cref="ToModel"/>), in the order committed.
    /// </summary>
    public void Commit(ulong key, int row)
    {
        key = key == 0 ? 1 : key;
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(RowIndex.Home(index.Pointer, index.Mask, key));
        }

        if (waitingCount == IndexBehind)
        {
            IndexOldest();
        }

        waiting[(waitingFirst + waitingCount) % IndexBehind] = (key, pending, row);
        waitingCount++;
    }

    /// <summary>The model of the rows added; call once.</summary>
    public AveragedPerceptron ToModel()
    {
        while (waitingCount > 0)
        {
            IndexOldest();
        }

        return AveragedPerceptron.ReadBack(classes, padded, index, entries.ToTable(), weights.ToTable(), rows);
    }

    private void IndexOldest()
    {
        var (key, payload, row) = waiting[waitingFirst];
        waitingFirst = (waitingFirst + 1) % IndexBehind;
        waitingCount--;
        if (!index.Add(key, payload))
        {
            throw new InvalidDataException($"row {row} repeats a feature");
        }

        rows++;
    }

    public void Dispose()
    {
        entries.Dispose();
        weights.Dispose();
    }
}

/// <summary>One weight of a short row of a read-back model.</summary>
internal readonly record struct SparseEntry(ushort Class, float Weight);
