using Tacitus.Syntax.Learning;

namespace Tacitus.Syntax.Parsing;

/// <summary>
/// The features of the parser's relation model, scored once per arc when a LEFT or RIGHT transition has chosen the
/// arc's relation group (<see cref="RelationGroups"/>): the words and tags of the dependent and the head, their
/// direction and distance, the dependent's neighbours and its finished subtree (in the arc-hybrid system a word is
/// attached only once all its children are: their relations, its outermost children, its valency) and the relations
/// the head already has on that side. Every key includes the group, so each row of weights holds only the relations of
/// one group and scoring touches a handful of classes.
/// </summary>
internal static class RelationFeatures
{
    public const int Max = 32;
    private const ulong Missing = 0x4D495353UL;

    public static int Extract(ParserState state, ParserWords sentence, int dependent, int head, int group, Span<ulong> into)
    {
        var n = state.Count;
        var words = sentence.Words;
        var tags = sentence.Tags;
        ulong W(int i) => i < 0 || i >= n ? Missing : words[i];
        ulong T(int i) => i < 0 || i >= n ? Missing : tags[i];
        ulong L(int i) => i < 0 ? Missing : (ulong)state.Labels[i] + 1;

        var d = dependent;
        var h = head;
        var g = (ulong)group + 1;
        ulong dw = words[d], dt = tags[d], dwt = sentence.Joined[d];
        ulong hw = W(h), ht = T(h), hwt = h < n ? sentence.Joined[h] : Missing;
        var left = d < h;
        var distance = Math.Abs(h - d);
        var way = (left ? 8UL : 0UL) | (ulong)(distance switch { 1 => 1, 2 => 2, 3 => 3, <= 6 => 4, _ => 5 });
        var dl = state.LeftMost[d];
        var dr = state.RightMost[d];
        var dtht = FeatureKey.Join(dt, ht);
        var headSide = h >= n ? 0UL : left ? state.LeftLabels[h] : state.RightLabels[h];
        var headOuter = h >= n ? ParserState.None : left ? state.LeftMost[h] : state.RightMost[h];

        var k = 0;
        into[k++] = Key(0, g, 0);
        into[k++] = Key(1, g, dw);
        into[k++] = Key(2, g, dt);
        into[k++] = Key(3, g, dwt);
        into[k++] = Key(4, g, hw);
        into[k++] = Key(5, g, ht);
        into[k++] = Key(6, g, hwt);
        into[k++] = Key(7, g, dtht);
        into[k++] = Key(8, g, FeatureKey.Join(dwt, ht));
        into[k++] = Key(9, g, FeatureKey.Join(dt, hwt));
        into[k++] = Key(10, g, FeatureKey.Join(dw, hw));
        into[k++] = Key(11, g, FeatureKey.Join(dtht, way));
        into[k++] = Key(12, g, FeatureKey.Join(dw, way));
        into[k++] = Key(13, g, FeatureKey.Join(dtht, T(d - 1)));
        into[k++] = Key(14, g, FeatureKey.Join(dtht, T(d + 1)));
        into[k++] = Key(15, g, FeatureKey.Join(dtht, W(dl)));
        into[k++] = Key(16, g, FeatureKey.Join(dt, L(dl)));
        into[k++] = Key(17, g, FeatureKey.Join(dt, L(dr)));
        into[k++] = Key(18, g, FeatureKey.Join(dt, state.LeftLabels[d]));
        into[k++] = Key(19, g, FeatureKey.Join(dt, state.RightLabels[d]));
        into[k++] = Key(20, g, FeatureKey.Join(FeatureKey.Join(dtht, way), headSide));
        into[k++] = Key(21, g, FeatureKey.Join(FeatureKey.Join(dt, (ulong)Math.Min(state.LeftValency[d], 4)), (ulong)Math.Min(state.RightValency[d], 4)));
        into[k++] = Key(22, g, FeatureKey.Join(FeatureKey.Join(dw, ht), way));
        into[k++] = Key(23, g, FeatureKey.Join(FeatureKey.Join(hw, dt), way));
        into[k++] = Key(24, g, FeatureKey.Join(dtht, L(headOuter)));
        into[k++] = Key(25, g, FeatureKey.Join(dw, L(dl)));
        into[k++] = Key(26, g, FeatureKey.Join(hw, W(dl)));
        into[k++] = Key(27, g, FeatureKey.Join(dwt, W(d + 1)));
        into[k++] = Key(28, g, FeatureKey.Join(FeatureKey.Join(ht, T(h + 1)), way));
        return k;
    }

    private static ulong Key(int template, ulong group, ulong value) => FeatureKey.Quick(template, group, value);
}
