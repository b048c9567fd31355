using Tacitus.Syntax.Learning;

namespace Tacitus.Syntax.Parsing;

/// <summary>
/// The parser's features, after Zhang &amp; Nivre (2011): words and tags of the top three stack words and the first
/// three buffer words, pairs and triples of them, the distance between s0 and b0, valencies, and the tags and
/// labels of the outermost children of s0, s1 and b0, and the word of s0's first left child with s0's possible heads
/// (attachment of a noun by its preposition), and with word clusters (<see cref="ParserWords.HasClusters"/>) ten
/// templates of cluster paths. Words and tags come in as precomputed values (a hash of the
/// lower-case form, the tag index + 1, both joined: <see cref="ParserWords"/>) and are joined with
/// <see cref="FeatureKey.Join"/>, so a feature costs a few multiplications and no allocation. The labels are the
/// relations the parser's relation model gave the children when they were attached.
/// </summary>
internal static class ParserFeatures
{
    public const int Max = 104;
    private const ulong Missing = 0x4D495353UL;
    private const ulong RootWord = 0x524F4F54UL;

    public static int Extract(ParserState state, ParserWords sentence, Span<ulong> into)
    {
        var words = sentence.Words;
        var tags = sentence.Tags;
        var joined = sentence.Joined;
        var s0 = state.Stack(0);
        var s1 = state.Stack(1);
        var s2 = state.Stack(2);
        var b0 = state.Buffer;
        var b1 = state.BufferAt(1);
        var b2 = state.BufferAt(2);
        if (b1 == state.Count)
        {
            b1 = ParserState.None; // the root is only ever b0
        }

        if (b2 >= state.Count)
        {
            b2 = ParserState.None;
        }

        var n = state.Count;
        ulong W(int i) => i < 0 ? Missing : i == n ? RootWord : words[i];
        ulong T(int i) => i < 0 ? Missing : i == n ? RootWord : tags[i];
        ulong J(int i) => i < 0 ? Missing : i == n ? RootWord : joined[i];
        ulong L(int i) => i < 0 ? Missing : (ulong)state.Labels[i] + 1;
        int Child(int[] children, int i) => i < 0 ? ParserState.None : children[i];

        ulong s0w = W(s0), s0t = T(s0), s1w = W(s1), s1t = T(s1), s2t = T(s2);
        ulong s0wt = J(s0), s1wt = J(s1), b0wt = J(b0);
        ulong b0w = W(b0), b0t = T(b0), b1w = W(b1), b1t = T(b1), b2w = W(b2), b2t = T(b2);
        int s0l = Child(state.LeftMost, s0), s0r = Child(state.RightMost, s0), s0l2 = Child(state.LeftSecond, s0), s0r2 = Child(state.RightSecond, s0);
        int s1l = Child(state.LeftMost, s1), s1r = Child(state.RightMost, s1), b0l = Child(state.LeftMost, b0), b0l2 = Child(state.LeftSecond, b0);
        ulong s0lt = T(s0l), s0rt = T(s0r), s0l2t = T(s0l2), s0r2t = T(s0r2), s1lt = T(s1l), s1rt = T(s1r), b0lt = T(b0l), b0l2t = T(b0l2);
        var distance = s0 < 0 ? 0UL : (ulong)Math.Min(b0 - s0, 6);
        var distance1 = s1 < 0 ? 0UL : (ulong)Math.Min(s0 - s1, 6);
        var s0vl = s0 < 0 ? 0UL : (ulong)state.LeftValency[s0];
        var s0vr = s0 < 0 ? 0UL : (ulong)state.RightValency[s0];
        var b0vl = b0 < n ? (ulong)state.LeftValency[b0] : (ulong)Math.Min(state.LeftValency[b0], 3);
        var s1vr = s1 < 0 ? 0UL : (ulong)state.RightValency[s1];

        var k = 0;
        into[k++] = FeatureKey.Of(0);

        // single words
        into[k++] = FeatureKey.Quick(1, s0w);
        into[k++] = FeatureKey.Quick(2, s0t);
        into[k++] = FeatureKey.Quick(3, s0wt);
        into[k++] = FeatureKey.Quick(4, s1w);
        into[k++] = FeatureKey.Quick(5, s1t);
        into[k++] = FeatureKey.Quick(6, s1wt);
        into[k++] = FeatureKey.Quick(7, b0w);
        into[k++] = FeatureKey.Quick(8, b0t);
        into[k++] = FeatureKey.Quick(9, b0wt);
        into[k++] = FeatureKey.Quick(10, b1w);
        into[k++] = FeatureKey.Quick(11, b1t);
        into[k++] = FeatureKey.Quick(12, J(b1));
        into[k++] = FeatureKey.Quick(13, b2w);
        into[k++] = FeatureKey.Quick(14, b2t);
        into[k++] = FeatureKey.Quick(15, s2t);

        // pairs
        into[k++] = FeatureKey.Quick(20, s0wt, b0wt);
        into[k++] = FeatureKey.Quick(21, s0wt, b0w);
        into[k++] = FeatureKey.Quick(22, s0w, b0wt);
        into[k++] = FeatureKey.Quick(23, s0wt, b0t);
        into[k++] = FeatureKey.Quick(24, s0t, b0wt);
        into[k++] = FeatureKey.Quick(25, s0w, b0w);
        into[k++] = FeatureKey.Quick(26, s0t, b0t);
        into[k++] = FeatureKey.Quick(27, b0t, b1t);
        into[k++] = FeatureKey.Quick(28, s1wt, s0wt);
        into[k++] = FeatureKey.Quick(29, s1t, s0t);
        into[k++] = FeatureKey.Quick(30, s1w, s0w);
        into[k++] = FeatureKey.Quick(31, s1t, s0wt);
        into[k++] = FeatureKey.Quick(32, s1wt, s0t);
        into[k++] = FeatureKey.Quick(33, b0w, b1w);
        into[k++] = FeatureKey.Quick(34, s0t, b1t);

        // triples
        into[k++] = FeatureKey.Quick(40, FeatureKey.Join(b0t, b1t), b2t);
        into[k++] = FeatureKey.Quick(41, FeatureKey.Join(s0t, b0t), b1t);
        into[k++] = FeatureKey.Quick(42, FeatureKey.Join(s1t, s0t), b0t);
        into[k++] = FeatureKey.Quick(43, FeatureKey.Join(s2t, s1t), s0t);
        into[k++] = FeatureKey.Quick(44, FeatureKey.Join(s0t, s0lt), b0t);
        into[k++] = FeatureKey.Quick(45, FeatureKey.Join(s0t, s0rt), b0t);
        into[k++] = FeatureKey.Quick(46, FeatureKey.Join(s0t, b0t), b0lt);
        into[k++] = FeatureKey.Quick(47, FeatureKey.Join(s1t, s0t), s0lt);
        into[k++] = FeatureKey.Quick(48, FeatureKey.Join(s1t, s0t), s0rt);
        into[k++] = FeatureKey.Quick(49, FeatureKey.Join(s1t, s1rt), s0t);
        into[k++] = FeatureKey.Quick(50, FeatureKey.Join(s1t, s1lt), s0t);
        into[k++] = FeatureKey.Quick(51, FeatureKey.Join(s1t, s0t), b1t);

        // distance
        into[k++] = FeatureKey.Quick(60, s0w, distance);
        into[k++] = FeatureKey.Quick(61, s0t, distance);
        into[k++] = FeatureKey.Quick(62, b0w, distance);
        into[k++] = FeatureKey.Quick(63, b0t, distance);
        into[k++] = FeatureKey.Quick(64, FeatureKey.Join(s0t, b0t), distance);
        into[k++] = FeatureKey.Quick(65, FeatureKey.Join(s1t, s0t), distance1);
        into[k++] = FeatureKey.Quick(66, FeatureKey.Join(s1w, s0w), distance1);

        // valency
        into[k++] = FeatureKey.Quick(70, s0w, s0vr);
        into[k++] = FeatureKey.Quick(71, s0t, s0vr);
        into[k++] = FeatureKey.Quick(72, s0w, s0vl);
        into[k++] = FeatureKey.Quick(73, s0t, s0vl);
        into[k++] = FeatureKey.Quick(74, b0w, b0vl);
        into[k++] = FeatureKey.Quick(75, b0t, b0vl);
        into[k++] = FeatureKey.Quick(76, s1t, s1vr);

        // children
        into[k++] = FeatureKey.Quick(80, W(s0l));
        into[k++] = FeatureKey.Quick(81, s0lt);
        into[k++] = FeatureKey.Quick(82, L(s0l));
        into[k++] = FeatureKey.Quick(83, W(s0r));
        into[k++] = FeatureKey.Quick(84, s0rt);
        into[k++] = FeatureKey.Quick(85, L(s0r));
        into[k++] = FeatureKey.Quick(86, W(b0l));
        into[k++] = FeatureKey.Quick(87, b0lt);
        into[k++] = FeatureKey.Quick(88, L(b0l));
        into[k++] = FeatureKey.Quick(89, s0l2t, L(s0l2));
        into[k++] = FeatureKey.Quick(90, s0r2t, L(s0r2));
        into[k++] = FeatureKey.Quick(91, b0l2t, L(b0l2));
        into[k++] = FeatureKey.Quick(92, s1rt, L(s1r));
        into[k++] = FeatureKey.Quick(93, s1lt, L(s1l));
        into[k++] = FeatureKey.Quick(94, FeatureKey.Join(s0t, s0lt), s0l2t);
        into[k++] = FeatureKey.Quick(95, FeatureKey.Join(s0t, s0rt), s0r2t);
        into[k++] = FeatureKey.Quick(96, FeatureKey.Join(b0t, b0lt), b0l2t);
        into[k++] = FeatureKey.Quick(97, FeatureKey.Join(s0t, L(s0l)), L(s0r));

        // label sets
        into[k++] = FeatureKey.Quick(100, s0t, s0 < 0 ? 0UL : state.LeftLabels[s0]);
        into[k++] = FeatureKey.Quick(101, s0t, s0 < 0 ? 0UL : state.RightLabels[s0]);
        into[k++] = FeatureKey.Quick(102, b0t, state.LeftLabels[b0]);
        into[k++] = FeatureKey.Quick(103, s1t, s1 < 0 ? 0UL : state.RightLabels[s1]);

        // attachment words: s0's first left child (in UD the case marker or determiner of a noun) with the two heads
        // s0 may take, s1 (RIGHT) and b0 (LEFT)
        var s0lw = W(s0l);
        into[k++] = FeatureKey.Quick(110, s1w, s0lw);
        into[k++] = FeatureKey.Quick(111, FeatureKey.Join(s1t, s0lw), s0t);
        into[k++] = FeatureKey.Quick(112, FeatureKey.Join(s1w, s0lw), s0w);
        into[k++] = FeatureKey.Quick(113, b0w, s0lw);
        into[k++] = FeatureKey.Quick(114, FeatureKey.Join(s0lw, s1t), b0t);
        if (!sentence.HasClusters)
        {
            return k;
        }

        // word clusters (Koo, Carreras & Collins 2008): the coarse path stands in for a tag, the fine one for a word,
        // so pairs seen with one word generalise to the words used alike
        var coarse = sentence.CoarseClusters;
        var fine = sentence.FineClusters;
        ulong C(int i) => i < 0 ? Missing : i == n ? RootWord : coarse[i];
        ulong F(int i) => i < 0 ? Missing : i == n ? RootWord : fine[i];
        ulong s0c = C(s0), b0c = C(b0), s1c = C(s1);
        into[k++] = FeatureKey.Quick(120, s0c, b0c);
        into[k++] = FeatureKey.Quick(121, F(s0), b0t);
        into[k++] = FeatureKey.Quick(122, s0t, F(b0));
        into[k++] = FeatureKey.Quick(123, s1c, s0c);
        into[k++] = FeatureKey.Quick(124, FeatureKey.Join(s0c, b0c), b1t);
        into[k++] = FeatureKey.Quick(125, F(b0));
        into[k++] = FeatureKey.Quick(126, F(s0));
        into[k++] = FeatureKey.Quick(127, FeatureKey.Join(s1c, s0lw), s0c);
        into[k++] = FeatureKey.Quick(128, FeatureKey.Join(b0c, s0lw), s0c);
        into[k++] = FeatureKey.Quick(129, F(s1), s0t);
        return k;
    }

    /// <summary>
    /// The features of the non-monotonic arc-eager system (<see cref="TransitionSystem.NonMonotonicArcEager"/>): those
    /// of <see cref="Extract"/> and what only its moves depend on: whether s0 has a head yet and by which relation
    /// (REDUCE pops it or unshifts it, LEFT re-attaches it), its head's tag, and whether b0 was unshifted.
    /// </summary>
    public static int ExtractEager(ParserState state, ParserWords sentence, Span<ulong> into)
    {
        var k = Extract(state, sentence, into);
        var tags = sentence.Tags;
        var words = sentence.Words;
        var n = state.Count;
        var s0 = state.Stack(0);
        var b0 = state.Buffer;
        var head = s0 < 0 ? ParserState.None : state.Heads[s0];
        ulong s0t = s0 < 0 ? Missing : tags[s0], s0w = s0 < 0 ? Missing : words[s0];
        var b0t = b0 == n ? RootWord : tags[b0];
        var headTag = head < 0 ? Missing : head == n ? RootWord : tags[head];
        var label = s0 < 0 ? Missing : (ulong)(state.Labels[s0] + 1);
        var unshifted = b0 < n && state.Unshifted[b0] ? 1UL : 0UL;
        into[k++] = FeatureKey.Quick(130, s0t, label);
        into[k++] = FeatureKey.Quick(131, FeatureKey.Join(s0t, b0t), label);
        into[k++] = FeatureKey.Quick(132, s0w, label);
        into[k++] = FeatureKey.Quick(133, FeatureKey.Join(headTag, s0t), b0t);
        into[k++] = FeatureKey.Quick(134, b0t, unshifted);
        return k;
    }
}
