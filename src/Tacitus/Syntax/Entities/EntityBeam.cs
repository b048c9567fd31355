using System.Diagnostics;
using Tacitus.Syntax.Learning;

namespace Tacitus.Syntax.Entities;

/// <summary>
/// Beam search over the recogniser's BILOU classes for one sentence, and the structured perceptron's update that
/// goes with it (Collins and Roark 2004, early update). Each beam item holds a class and the one before it: the
/// features that read earlier classes (<see cref="EntityFeatures.ExtractHistory"/>) see no further back, so two items
/// that agree on both are merged, the better kept (the beam is a pruned second-order Viterbi). The keys that do not
/// read classes are scored once per token for every item. Only valid BILOU sequences are built
/// (<see cref="BilouTags.Allowed"/>). Ties go to the item made first (lower parent, then lower class), so decoding
/// and training are deterministic. Holds buffers: one instance per thread (<see cref="ForThread"/> keeps one, so
/// decoding a document allocates nothing).
/// </summary>
internal sealed class EntityBeam
{
    [ThreadStatic]
    private static EntityBeam? current;

    private readonly int width;
    private readonly ulong[] keys = new ulong[EntityFeatures.MaxFeatures];
    private readonly ulong[] history = new ulong[EntityFeatures.HistoryFeatures];
    private readonly ulong[] other = new ulong[EntityFeatures.HistoryFeatures];
    private readonly float[] fixedScores = new float[BilouTags.Count];

    // a sentence's static keys, token after token (token i's from keyStarts[i] to keyStarts[i + 1]), their rows, and
    // the tokens' static scores (BilouTags.Count each), when a read-back perceptron scores them all before the search
    private ulong[] sentenceKeys = new ulong[EntityFeatures.MaxFeatures * 8];
    private ulong[] sentenceRows = new ulong[EntityFeatures.MaxFeatures * 8];
    private int[] keyStarts = new int[65];
    private float[] staticScores = new float[64 * BilouTags.Count];
    private readonly float[] historyScores = new float[BilouTags.Count];
    private readonly float[] jointScores = new float[2 * BilouTags.Count];

    // the classes before a token whose partial sums WordHistories computes together, their two keys each, and their sums
    private readonly int[] groupClasses = new int[Before];
    private readonly ulong[] groupKeys = new ulong[2 * Before];
    private readonly float[] groupScores = new float[Before * BilouTags.Count];
    private readonly ulong[] wordKeys = new ulong[2];

    // per class before the token (+1, so the sentence start is 0), the sum of the keys that also read the token's word
    // and shape (stamped with the token, so it is computed once per class at each token); and the class-only rows of
    // the last two read-only perceptrons decoded on this thread (a two-pass model alternates between two per document)
    private readonly float[] partial = new float[Before * BilouTags.Count];
    private readonly int[] partialAt = new int[Before];
    private readonly ModelRows[] models = [new(), new()];
    private int lastModel;
    private Item[] items = [];
    private int[] counts = [];
    private int[] path = [];

    public EntityBeam(int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        this.width = width;
    }

    public int Width => width;

    /// <summary>This thread's beam of <paramref name="width"/> items, made on first use and kept.</summary>
    public static EntityBeam ForThread(int width)
    {
        if (current is null || current.width != width)
        {
            current = new EntityBeam(width);
        }

        return current;
    }

    /// <summary>Writes the best class sequence of a prepared sentence into <paramref name="tags"/>.</summary>
    public void Decode(AveragedPerceptron perceptron, EntityFeatures features, EntitySentence sentence, Span<int> tags)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var last = Search(perceptron, features, sentence, default, StaticScores.Keys, null, default, default);
        Backtrack(last, 0, tags);
    }

    /// <summary>
    /// As <see cref="Decode"/>, and returns how sure the model is of its least sure choice inside the names: along the
    /// best sequence, at each token of a name, its class's score less the best other class's (one allowed after the
    /// sequence's class before), both given the sequence's own two classes before; the smallest over the name tokens
    /// (positive infinity when the sentence holds no name). Not the best sequence's lead over the final beam's
    /// runner-up: items sharing their last two classes are merged, so that runner-up differs only in the last one or
    /// two tokens and its lead measures the sentence's ending. Local to each token, so it may be negative where a
    /// later token overruled the locally best class. Self-training reads it to keep sentences whose names the model is
    /// sure of (<see cref="SelfTraining"/>).
    /// </summary>
    public float DecodeWithMargin(AveragedPerceptron perceptron, EntityFeatures features, EntitySentence sentence, Span<int> tags)
    {
        ArgumentNullException.ThrowIfNull(perceptron);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(sentence);
        var last = Search(perceptron, features, sentence, default, StaticScores.Keys, null, default, default);
        Backtrack(last, 0, tags);
        var margin = float.PositiveInfinity;
        for (var i = 0; i <= last; i++)
        {
            if (tags[i] == BilouTags.Outside)
            {
                continue;
            }

            int previous = i > 0 ? tags[i - 1] : -1, previous2 = i > 1 ? tags[i - 2] : -1;
            var n = features.ExtractStatic(sentence, i, keys);
            perceptron.Score(keys.AsSpan(0, n), fixedScores);
            var h = features.ExtractHistory(sentence, i, previous, previous2, history);
            perceptron.AddScores(history.AsSpan(0, h), fixedScores);
            var allowed = BilouTags.AllowedAfter(previous, i == last);
            var other = float.NegativeInfinity;
            for (var k = 0; k < BilouTags.Count; k++)
            {
                if (k != tags[i] && allowed[k] && fixedScores[k] > other)
                {
                    other = fixedScores[k];
                }
            }

            margin = Math.Min(margin, fixedScores[tags[i]] - other);
        }

        return margin;
    }

    /// <summary>
    /// The first pass of a two-pass model: decodes a prepared sentence as <see cref="Decode"/> does with
    /// <paramref name="perceptron"/>, scoring each token's static keys with <paramref name="joint"/> (the first
    /// perceptron joined with the second, <see cref="AveragedPerceptron.Join"/>), and keeps the second half of those
    /// scores, the second perceptron's sums of the token's static keys, in <paramref name="kept"/> (one row of
    /// <see cref="BilouTags.Count"/> per token) for <see cref="DecodeFromKept"/>.
    /// </summary>
    public void DecodeKeeping(AveragedPerceptron perceptron, AveragedPerceptron joint, EntityFeatures features, EntitySentence sentence, Span<int> tags, Span<float> kept)
    {
        ArgumentNullException.ThrowIfNull(joint);
        ArgumentNullException.ThrowIfNull(sentence);
        if (joint.Classes != 2 * BilouTags.Count || kept.Length < sentence.Count * BilouTags.Count)
        {
            throw new ArgumentException($"a joint perceptron of {2 * BilouTags.Count} classes and {BilouTags.Count} kept scores per token are needed");
        }

        var last = Search(perceptron, features, sentence, default, StaticScores.Joint, joint, kept, default);
        Backtrack(last, 0, tags);
    }

    /// <summary>
    /// The second pass of a two-pass model over a sentence that holds the document's view (<see cref="DocumentVotes.Fill"/>;
    /// only the lower-case and shape hashes need be there, <see cref="EntitySentence.Restore"/>): each token's static
    /// score is its row of <paramref name="kept"/> plus the rows of its document keys (<see cref="EntityFeatures.ExtractDocument"/>),
    /// added in the order <see cref="EntityFeatures.ExtractStatic"/> writes them, so the classes are the same as
    /// <see cref="Decode"/> gives on the prepared sentence.
    /// </summary>
    public void DecodeFromKept(AveragedPerceptron perceptron, EntityFeatures features, EntitySentence sentence, ReadOnlySpan<float> kept, Span<int> tags)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        if (kept.Length < sentence.Count * BilouTags.Count)
        {
            throw new ArgumentException($"{BilouTags.Count} kept scores per token are needed", nameof(kept));
        }

        var last = Search(perceptron, features, sentence, default, StaticScores.Kept, null, default, kept);
        Backtrack(last, 0, tags);
    }

    /// <summary>
    /// Learns from one prepared sentence and its gold classes: searches with the gold sequence in view and, at the
    /// first step where no item of the beam is the gold prefix (or at the end, when the best sequence is not the
    /// gold one), moves the weights towards the gold prefix and away from the best item's. Counts one instance per
    /// token searched. Returns the number of tokens whose class the best item got wrong (0 when no update was made).
    /// </summary>
    public int Learn(AveragedPerceptron perceptron, EntityFeatures features, EntitySentence sentence, ReadOnlySpan<int> gold)
    {
        ArgumentNullException.ThrowIfNull(perceptron);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(sentence);
        var last = Search(perceptron, features, sentence, gold, StaticScores.Keys, null, default, default);
        for (var i = 0; i <= last; i++)
        {
            perceptron.Tick();
        }

        if (last == sentence.Count - 1 && items[last * width].Gold)
        {
            return 0;
        }

        if (path.Length < sentence.Count)
        {
            path = new int[Math.Max(64, sentence.Count * 2)];
        }

        var guess = path.AsSpan(0, last + 1);
        Backtrack(last, 0, guess);
        var wrong = 0;
        for (var i = 0; i <= last; i++)
        {
            var truth = gold[i];
            if (guess[i] != truth)
            {
                wrong++;
                var n = features.ExtractStatic(sentence, i, keys);
                perceptron.Update(keys.AsSpan(0, n), truth, guess[i]);
            }

            int goldPrevious = i > 0 ? gold[i - 1] : -1, goldPrevious2 = i > 1 ? gold[i - 2] : -1;
            int guessPrevious = i > 0 ? guess[i - 1] : -1, guessPrevious2 = i > 1 ? guess[i - 2] : -1;
            if (guess[i] == truth && goldPrevious == guessPrevious && goldPrevious2 == guessPrevious2)
            {
                continue;
            }

            var h = features.ExtractHistory(sentence, i, goldPrevious, goldPrevious2, history);
            perceptron.Adjust(history.AsSpan(0, h), truth, 1f);
            h = features.ExtractHistory(sentence, i, guessPrevious, guessPrevious2, other);
            perceptron.Adjust(other.AsSpan(0, h), guess[i], -1f);
        }

        return wrong;
    }

    /// <summary>
    /// Fills the beam token by token; returns the last token searched: the sentence's last, or, with
    /// <paramref name="gold"/>, the first where the gold prefix fell out of the beam.
    /// </summary>
    private int Search(AveragedPerceptron perceptron, EntityFeatures features, EntitySentence sentence, ReadOnlySpan<int> gold, StaticScores source, AveragedPerceptron? joint, Span<float> keepInto, ReadOnlySpan<float> keptFrom)
    {
        var count = sentence.Count;
        if (counts.Length < count)
        {
            counts = new int[Math.Max(64, count * 2)];
            items = new Item[counts.Length * width];
        }

        var rows = Rows(perceptron, features);
        Array.Fill(partialAt, -1);
        var located = source == StaticScores.Keys && perceptron.Locates;
        if (located)
        {
            StaticAll(perceptron, features, sentence);
        }

        var c = BilouTags.Count;
        for (var i = 0; i < count; i++)
        {
            if (!located)
            {
                Static(perceptron, features, sentence, i, source, joint, keepInto, keptFrom);
            }

            var own = located ? staticScores.AsSpan(i * c, c) : fixedScores.AsSpan();
            var parents = i == 0 ? 1 : counts[i - 1];
            if (rows is not null)
            {
                WordHistories(perceptron, features, sentence, i, parents, rows);
            }

            var made = 0;
            var at = i * width;
            for (var p = 0; p < parents; p++)
            {
                var parent = i == 0 ? new Item(-1, -1, -1, 0f, true) : items[((i - 1) * width) + p];
                History(perceptron, features, sentence, i, parent.Tag, parent.Previous, rows);
                var allowed = BilouTags.AllowedAfter(parent.Tag, i == count - 1);
                for (var k = 0; k < c; k++)
                {
                    if (!allowed[k])
                    {
                        continue;
                    }

                    var score = parent.Score + own[k] + historyScores[k];
                    // a full beam whose last item scores at least as well keeps the candidate out (Insert would say so too;
                    // asked here, most candidates are turned away without being built)
                    if (!(made == width && score <= items[at + made - 1].Score))
                    {
                        made = Insert(at, made, k, parent.Tag, p, score, parent.Gold && !gold.IsEmpty && gold[i] == k);
                    }
                }
            }

            counts[i] = made;
            if (!gold.IsEmpty && !AnyGold(at, made))
            {
                return i;
            }
        }

        return count - 1;
    }

    /// <summary>
    /// Computes, for every class before token <paramref name="i"/> among the beam's <paramref name="parents"/> not yet
    /// computed at this token, the partial sum <see cref="History"/> reads (the class-only row from the tables, then
    /// the rows of <see cref="EntityFeatures.ExtractWordHistory"/>'s two keys, in that order), all classes' keys looked
    /// up together (<see cref="AveragedPerceptron.AddScoresByGroup"/>): the same sums as computing them one class at a
    /// time, without waiting for each class's rows in turn.
    /// </summary>
    private void WordHistories(AveragedPerceptron perceptron, EntityFeatures features, EntitySentence sentence, int i, int parents, ModelRows rows)
    {
        var c = BilouTags.Count;
        var groups = 0;
        for (var p = 0; p < parents; p++)
        {
            var previous = i == 0 ? -1 : items[((i - 1) * width) + p].Tag;
            if (partialAt[previous + 1] == i)
            {
                continue;
            }

            partialAt[previous + 1] = i;
            groupClasses[groups] = previous;
            rows.PreviousRows.AsSpan((previous + 1) * c, c).CopyTo(groupScores.AsSpan(groups * c, c));
            features.ExtractWordHistory(sentence, i, previous, groupKeys.AsSpan(groups * 2, 2));
            groups++;
        }

        if (groups == 0)
        {
            return;
        }

        perceptron.AddScoresByGroup(groupKeys.AsSpan(0, groups * 2), 2, groupScores.AsSpan(0, groups * c));
        for (var g = 0; g < groups; g++)
        {
            groupScores.AsSpan(g * c, c).CopyTo(partial.AsSpan((groupClasses[g] + 1) * c, c));
        }
    }

    /// <summary>
    /// Fills <see cref="staticScores"/> with the scores of every token's keys that do not read earlier classes, the
    /// rows of the whole sentence located in one sweep (<see cref="AveragedPerceptron.Locate"/>) so that fetching one
    /// token's rows overlaps fetching the next's; each token's sum is added in <see cref="EntityFeatures.ExtractStatic"/>'s
    /// order, as <see cref="Static"/> adds it.
    /// </summary>
    private void StaticAll(AveragedPerceptron perceptron, EntityFeatures features, EntitySentence sentence)
    {
        var count = sentence.Count;
        var c = BilouTags.Count;
        if (keyStarts.Length < count + 1)
        {
            keyStarts = new int[Math.Max(keyStarts.Length * 2, count + 1)];
            staticScores = new float[keyStarts.Length * c];
        }

        var total = 0;
        for (var i = 0; i < count; i++)
        {
            if (sentenceKeys.Length - total < EntityFeatures.MaxFeatures)
            {
                Array.Resize(ref sentenceKeys, sentenceKeys.Length * 2);
            }

            keyStarts[i] = total;
            total += features.ExtractStatic(sentence, i, sentenceKeys.AsSpan(total, EntityFeatures.MaxFeatures));
        }

        keyStarts[count] = total;
        if (sentenceRows.Length < total)
        {
            sentenceRows = new ulong[sentenceKeys.Length];
        }

        perceptron.Locate(sentenceKeys.AsSpan(0, total), sentenceRows);
        for (var i = 0; i < count; i++)
        {
            perceptron.ScoreLocated(sentenceRows.AsSpan(keyStarts[i], keyStarts[i + 1] - keyStarts[i]), staticScores.AsSpan(i * c, c));
        }
    }

    /// <summary>Fills <see cref="fixedScores"/> with the scores of token <paramref name="i"/>'s keys that do not read earlier classes.</summary>
    private void Static(AveragedPerceptron perceptron, EntityFeatures features, EntitySentence sentence, int i, StaticScores source, AveragedPerceptron? joint, Span<float> keepInto, ReadOnlySpan<float> keptFrom)
    {
        var c = BilouTags.Count;
        if (source == StaticScores.Kept)
        {
            keptFrom.Slice(i * c, c).CopyTo(fixedScores);
            var d = features.ExtractDocument(sentence, i, keys);
            perceptron.AddScores(keys.AsSpan(0, d), fixedScores);
            return;
        }

        var n = features.ExtractStatic(sentence, i, keys);
        if (source == StaticScores.Keys)
        {
            perceptron.Score(keys.AsSpan(0, n), fixedScores);
            return;
        }

        // the joint rows give the first perceptron's scores, then the second's (AveragedPerceptron.Join)
        joint!.Score(keys.AsSpan(0, n), jointScores);
        jointScores.AsSpan(0, c).CopyTo(fixedScores);
        jointScores.AsSpan(c, c).CopyTo(keepInto.Slice(i * c, c));
    }

    /// <summary>Classes before a token, the sentence start included.</summary>
    private static readonly int Before = 1 + BilouTags.Count;

    /// <summary>
    /// Fills <see cref="historyScores"/> with the history keys' rows of token <paramref name="i"/> after
    /// <paramref name="previous"/> and <paramref name="previous2"/>, added one by one in <see cref="EntityFeatures.ExtractHistory"/>'s
    /// order, so the sums are the same whether a row comes from the tables (<paramref name="rows"/>) or is scored.
    /// </summary>
    private void History(AveragedPerceptron perceptron, EntityFeatures features, EntitySentence sentence, int i, int previous, int previous2, ModelRows? rows)
    {
        var c = BilouTags.Count;
        var sum = partial.AsSpan((previous + 1) * c, c);
        if (partialAt[previous + 1] != i)
        {
            // with the tables, WordHistories already computed every parent's partial sum at this token: only learning gets here
            Debug.Assert(rows is null, "WordHistories computes the partial sums when the rows are read from the tables");
            perceptron.Score([features.PreviousKey(previous)], sum);
            features.ExtractWordHistory(sentence, i, previous, wordKeys);
            perceptron.AddScores(wordKeys, sum);
            partialAt[previous + 1] = i;
        }

        sum.CopyTo(historyScores);
        if (rows is not null)
        {
            var last = rows.Previous2Rows.AsSpan((((previous + 1) * Before) + previous2 + 1) * c, c);
            for (var k = 0; k < c; k++)
            {
                historyScores[k] += last[k];
            }
        }
        else
        {
            perceptron.AddScores([features.Previous2Key(previous, previous2)], historyScores);
        }
    }

    /// <summary>
    /// The class-only rows of <paramref name="perceptron"/> (with its features), or null while it learns. They are
    /// computed on the first sentence a perceptron decodes on this thread and kept for the last two perceptrons, so a
    /// two-pass model, which decodes a document with its first perceptron and then with its second, computes them once
    /// per thread instead of twice per document (342 one-key scorings each time).
    /// </summary>
    private ModelRows? Rows(AveragedPerceptron perceptron, EntityFeatures features)
    {
        if (perceptron.IsTraining)
        {
            return null;
        }

        for (var k = 0; k < models.Length; k++)
        {
            if (models[k].Holds(perceptron, features))
            {
                lastModel = k;
                return models[k];
            }
        }

        lastModel = (lastModel + 1) % models.Length;
        models[lastModel].Fill(perceptron, features);
        return models[lastModel];
    }

    /// <summary>
    /// Puts a candidate (class <paramref name="tag"/> after <paramref name="previous"/>, extending item
    /// <paramref name="parent"/> of the step before) into the step's items (sorted, best first, at most <see cref="Width"/>): merged with an item of
    /// the same class and previous class, or ranked; returns the new count. Items move by plain loops: the beam holds
    /// a few items, and <see cref="Array.Copy(Array, int, Array, int, int)"/>'s checks cost more than the moves (a fifth
    /// of the recogniser's time in a profile).
    /// </summary>
    private int Insert(int at, int made, int tag, int previous, int parent, float score, bool gold)
    {
        // a full beam whose last item scores at least as well keeps out the candidate either way: an item it would
        // replace (same class and previous class) scores at least as well as the last one
        if (made == width && score <= items[at + made - 1].Score)
        {
            return made;
        }

        for (var k = 0; k < made; k++)
        {
            ref var same = ref items[at + k];
            if (same.Tag == tag && same.Previous == previous)
            {
                if (score <= same.Score)
                {
                    return made;
                }

                // the better history replaces it: take it out, then rank the candidate
                for (var j = at + k; j < at + made - 1; j++)
                {
                    items[j] = items[j + 1];
                }

                made--;
                break;
            }
        }

        var place = made;
        while (place > 0 && items[at + place - 1].Score < score)
        {
            place--;
        }

        if (place >= width)
        {
            return made;
        }

        var keep = Math.Min(made, width - 1);
        for (var j = at + keep; j > at + place; j--)
        {
            items[j] = items[j - 1];
        }

        items[at + place] = new Item(tag, previous, parent, score, gold);
        return keep + 1;
    }

    private bool AnyGold(int at, int made)
    {
        for (var k = 0; k < made; k++)
        {
            if (items[at + k].Gold)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Writes the classes of item <paramref name="k"/> at token <paramref name="last"/> and of its ancestors.</summary>
    private void Backtrack(int last, int k, Span<int> tags)
    {
        for (var i = last; i >= 0; i--)
        {
            var item = items[(i * width) + k];
            tags[i] = item.Tag;
            k = item.Parent;
        }
    }

    /// <summary>
    /// What a read-only perceptron gives whatever the sentence: the rows of the class-only keys per class before the
    /// token (Previous; Previous2 by the two classes before).
    /// </summary>
    private sealed class ModelRows
    {
        private AveragedPerceptron? of;
        private EntityFeatures? features;

        public float[] PreviousRows { get; } = new float[Before * BilouTags.Count];

        public float[] Previous2Rows { get; } = new float[Before * Before * BilouTags.Count];

        public bool Holds(AveragedPerceptron perceptron, EntityFeatures with) => ReferenceEquals(of, perceptron) && ReferenceEquals(features, with);

        public void Fill(AveragedPerceptron perceptron, EntityFeatures with)
        {
            var c = BilouTags.Count;
            for (var previous = -1; previous < Before - 1; previous++)
            {
                perceptron.Score([with.PreviousKey(previous)], PreviousRows.AsSpan((previous + 1) * c, c));
                for (var previous2 = -1; previous2 < Before - 1; previous2++)
                {
                    perceptron.Score([with.Previous2Key(previous, previous2)], Previous2Rows.AsSpan((((previous + 1) * Before) + previous2 + 1) * c, c));
                }
            }

            of = perceptron;
            features = with;
        }
    }

    /// <summary>Where a token's static scores come from (<see cref="Static"/>).</summary>
    private enum StaticScores
    {
        /// <summary>Its static keys, scored with the perceptron that decodes.</summary>
        Keys,

        /// <summary>Its static keys, scored with a joint perceptron whose second half is kept.</summary>
        Joint,

        /// <summary>The kept static sums, with the document keys added.</summary>
        Kept,
    }

    /// <summary>One beam item: its class, the class before it, its parent's index in the previous step, its score, and whether it extends the gold prefix.</summary>
    private readonly record struct Item(int Tag, int Previous, int Parent, float Score, bool Gold);
}
