using Tacitus.Syntax.Entities;
using Tacitus.Syntax.Learning;
using Tacitus.Syntax.Training;

namespace Tacitus.Syntax.Parsing;

/// <summary>
/// Trains the <see cref="DependencyParser"/> with the dynamic oracle of its transition system (arc-hybrid: Goldberg &amp;
/// Nivre 2012, 2013; non-monotonic arc-eager: <see cref="EagerCosts"/>, where the cheapest move is learned, not only a
/// zero-cost one, since an unshift can win arcs back): at each step the transition model's best transition is compared with the best zero-cost one (a
/// transition's cost is the number of gold arcs it makes unreachable, plus a wrong relation group on the arc it
/// makes), and from the second pass on the parser follows its own prediction with probability <see cref="Explore"/>
/// so that it learns to recover from its mistakes. Each arc made with its gold head and group also trains the relation
/// model on the gold relation; the arc keeps the gold relation in the first pass and the model's own from then on, as
/// at run time. Sentences with crossing gold arcs are made projective by lifting the crossing arcs
/// (<see cref="Projectivize"/>; about 2.5% of the English treebanks' sentences), and the order of sentences is
/// shuffled with a fixed seed: the same data give the same model, byte for byte.
/// </summary>
internal sealed class ParserTrainer
{
    public int Iterations { get; init; } = 10;

    /// <summary>Averaged weights below this magnitude are left out of the written transition model (<see cref="AveragedPerceptron.PruneBelow"/>).</summary>
    public float Prune { get; init; } = 0.75f;

    /// <summary>The same for the relation model.</summary>
    public float LabelPrune { get; init; } = 0.5f;

    public int Seed { get; init; } = 11;

    public double Explore { get; init; } = 0.9;

    /// <summary>
    /// The beam of the last <see cref="BeamPasses"/> passes and of the parser trained (1: greedy training only): those
    /// passes search a beam and update the whole sequence at its largest violation (Huang et al. 2012).
    /// </summary>
    public int Beam { get; init; } = 1;

    /// <summary>How many of the <see cref="Iterations"/> passes, the last ones, train the beam (none when <see cref="Beam"/> is 1).</summary>
    public int BeamPasses { get; init; }

    /// <summary>
    /// The transition system trained (default arc-hybrid). The non-monotonic arc-eager one trains with its own dynamic
    /// oracle (<see cref="EagerCosts"/>) and greedily only.
    /// </summary>
    public TransitionSystem TransitionSystem { get; init; } = TransitionSystem.ArcHybrid;

    /// <summary>The relation groups of the attaching transitions (default: the shipped table).</summary>
    public RelationGroups? Groups { get; init; }

    /// <summary>Word clusters for the cluster features (<see cref="ParserFeatures"/>), kept in the model; none leaves them out.</summary>
    public WordClusters? Clusters { get; init; }

    /// <summary>How many times each sentence is seen per pass (default once): the training mix of the treebanks.</summary>
    public Func<TreebankSentence, int>? Repeats { get; init; }

    /// <summary>
    /// Trains on <paramref name="sentences"/> whose words carry tag indices from <paramref name="tags"/> (the tagger's
    /// tags, predicted or gold).
    /// </summary>
    public DependencyParser Train(IReadOnlyList<TreebankSentence> sentences, Func<TreebankSentence, int[]> tags, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(tags);
        var eager = TransitionSystem == TransitionSystem.NonMonotonicArcEager;
        if (eager && Beam > 1)
        {
            throw new ArgumentException("the non-monotonic arc-eager parser trains greedily only (beam 1)", nameof(sentences));
        }

        var table = Groups ?? RelationGroups.Shipped;
        var relations = new LabelSet();
        var groups = new LabelSet();
        var groupOf = new List<int>();
        int Relation(string relation)
        {
            var r = relations.Add(relation);
            if (r == groupOf.Count)
            {
                groupOf.Add(groups.Add(table.GroupOf(relation)));
            }

            return r;
        }

        Relation(DependencyParser.RootLabel);
        var usable = new List<(TreebankSentence Sentence, int[] Heads, int[] Labels, ParserWords Words)>();
        var order = new List<int>();
        var skipped = 0;
        var lifted = 0;
        foreach (var sentence in sentences)
        {
            var n = sentence.Count;
            var heads = new int[n];
            var labels = new int[n];
            var ok = true;
            for (var i = 0; i < n; i++)
            {
                var head = sentence.Gold[i].Head;
                ok &= head >= 0 && head <= n;
                heads[i] = head == 0 ? n : head - 1;
                labels[i] = Relation(head == 0 ? DependencyParser.RootLabel : sentence.Gold[i].Relation);
            }

            if (!ok || heads.Count(h => h == n) != 1 || !IsTree(heads))
            {
                skipped++;
                continue;
            }

            if (!IsProjective(heads))
            {
                Projectivize(heads);
                lifted++;
            }

            var words = new ParserWords();
            words.Fill(sentence.Text, sentence.Words, tags(sentence), Clusters);
            for (var r = Repeats?.Invoke(sentence) ?? 1; r > 0; r--)
            {
                order.Add(usable.Count);
            }

            usable.Add((sentence, heads, labels, words));
        }

        progress?.Invoke($"parser: {usable.Count} sentences ({lifted} made projective), {skipped} left out (malformed), {order.Count} per pass, {relations.Count} relations in {groups.Count} groups");
        var model = AveragedPerceptron.ForTraining(DependencyParser.Classes(groups.Count, TransitionSystem), 1 << 20, Prune);
        var labelModel = AveragedPerceptron.ForTraining(Math.Max(1, relations.Count), 1 << 18, LabelPrune);
        var groupIndex = groupOf.ToArray();
        var parser = new DependencyParser(relations, groups, groupIndex, model, labelModel, Clusters, TransitionSystem);
        var state = new ParserState();
        var features = new ulong[ParserFeatures.Max];
        var labelFeatures = new ulong[RelationFeatures.Max];
        var scores = new float[model.Classes];
        var allowed = new bool[model.Classes];
        var costs = new int[model.Classes];
        var labelScores = new float[labelModel.Classes];
        var random = new Random(Seed);
        var passOrder = order.ToArray();
        var firstBeamPass = Beam > 1 ? Iterations - Math.Clamp(BeamPasses, 0, Iterations) : Iterations;
        var search = new BeamTraining(parser, Beam);
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            random.Shuffle(passOrder);
            long decisions = 0, mistakes = 0, arcs = 0, labelMistakes = 0;
            if (iteration >= firstBeamPass)
            {
                if (iteration == firstBeamPass)
                {
                    model.RestartFromAverage();
                }

                var arcsBefore = search.Arcs;
                var labelMistakesBefore = search.LabelMistakes;
                foreach (var index in passOrder)
                {
                    var (_, heads, labels, words) = usable[index];
                    decisions++;
                    mistakes += search.Train(words, heads, labels, groupIndex) ? 0 : 1;
                }

                arcs = search.Arcs - arcsBefore;
                labelMistakes = search.LabelMistakes - labelMistakesBefore;
                progress?.Invoke($"parser iteration {iteration + 1}/{Iterations} (beam {Beam}): {100.0 * (decisions - mistakes) / Math.Max(1, decisions):F2}% of sentences' transitions right, {100.0 * (arcs - labelMistakes) / Math.Max(1, arcs):F2}% of relations in their group");
                continue;
            }

            foreach (var index in passOrder)
            {
                var (sentence, heads, labels, words) = usable[index];
                state.Reset(sentence.Count);
                while (!state.IsTerminal)
                {
                    if (state.Depth == 0)
                    {
                        parser.Apply(state, DependencyParser.Shift, 0); // the only move, as at run time: not a decision
                        continue;
                    }

                    var count = eager ? ParserFeatures.ExtractEager(state, words, features) : ParserFeatures.Extract(state, words, features);
                    parser.Allow(state, allowed);
                    var guess = model.Predict(features.AsSpan(0, count), scores, allowed);
                    var target = 0;
                    if (eager)
                    {
                        // the non-monotonic system's costs can be negative (an unshift that saves arcs): learn the cheapest
                        EagerCosts(state, heads, labels, groupIndex, groups.Count, allowed, costs);
                        target = int.MaxValue;
                        for (var c = 0; c < costs.Length; c++)
                        {
                            target = allowed[c] ? Math.Min(target, costs[c]) : target;
                        }
                    }
                    else
                    {
                        Costs(state, heads, labels, groupIndex, groups.Count, allowed, costs);
                    }

                    var best = -1;
                    for (var c = 0; c < costs.Length; c++)
                    {
                        if (allowed[c] && costs[c] == target && (best < 0 || scores[c] > scores[best]))
                        {
                            best = c;
                        }
                    }

                    if (best < 0)
                    {
                        break; // no zero-cost transition: cannot happen on projective trees; give up on the sentence
                    }

                    model.Tick();
                    decisions++;
                    if (costs[guess] > target)
                    {
                        mistakes++;
                        model.Update(features.AsSpan(0, count), best, guess);
                    }

                    var follow = iteration > 0 && costs[guess] > target && random.NextDouble() < Explore ? guess : best;
                    var label = 0;
                    if (follow != DependencyParser.Shift && follow != parser.Reduce)
                    {
                        var (predicted, gold) = LearnRelation(parser, state, words, follow, heads, labels, groupIndex, labelFeatures, labelScores);
                        label = predicted;
                        if (gold >= 0)
                        {
                            arcs++;
                            labelMistakes += predicted != gold ? 1 : 0;
                            label = iteration == 0 ? gold : predicted;
                        }
                    }

                    parser.Apply(state, follow, label);
                }
            }

            progress?.Invoke($"parser iteration {iteration + 1}/{Iterations}: {100.0 * (decisions - mistakes) / Math.Max(1, decisions):F2}% of transitions right, {100.0 * (arcs - labelMistakes) / Math.Max(1, arcs):F2}% of relations in their group");
        }

        model.Average();
        labelModel.Average();
        return new DependencyParser(relations, groups, groupIndex, model, labelModel, Clusters, TransitionSystem) { Beam = Beam };
    }

    /// <summary>
    /// The relation model's relation for the arc <paramref name="transition"/> (not SHIFT) makes from
    /// <paramref name="state"/>, and the gold relation when the arc has its gold head and group (else -1): on such an
    /// arc the relation model also learns the gold relation (one instance; an update when it chose another). Greedy
    /// and beam training share it.
    /// </summary>
    internal static (int Predicted, int Gold) LearnRelation(
        DependencyParser parser, ParserState state, ParserWords words, int transition, int[] heads, int[] labels, int[] groupOf, ulong[] labelFeatures, float[] labelScores)
    {
        var group = parser.GroupOfTransition(transition);
        if (!parser.NeedsRelationModel(group))
        {
            return (parser.PredictInGroup([], group, labelScores), -1);
        }

        var (dependent, head) = parser.Arc(state, transition);
        var count = RelationFeatures.Extract(state, words, dependent, head, group, labelFeatures);
        var relationFeatures = labelFeatures.AsSpan(0, count);
        var predicted = parser.PredictInGroup(relationFeatures, group, labelScores);
        if (heads[dependent] != head || groupOf[labels[dependent]] != group)
        {
            return (predicted, -1);
        }

        parser.Labels.Tick();
        if (predicted != labels[dependent])
        {
            parser.Labels.Update(relationFeatures, labels[dependent], predicted);
        }

        return (predicted, labels[dependent]);
    }

    /// <summary>The dynamic-oracle cost of every transition from <paramref name="state"/> (allowed ones only).</summary>
    internal static void Costs(ParserState state, int[] heads, int[] labels, int[] groupOf, int groupCount, bool[] allowed, int[] costs)
    {
        var s0 = state.Stack(0);
        var s1 = state.Stack(1);
        var b0 = state.Buffer;
        var n = state.Count;

        // children of s0 still in the buffer lose their head if s0 is popped
        var s0Children = 0;
        if (s0 >= 0)
        {
            for (var d = b0; d < n; d++)
            {
                s0Children += heads[d] == s0 ? 1 : 0;
            }
        }

        var shift = 0;
        if (allowed[0])
        {
            for (var k = 0; k < state.Depth; k++)
            {
                var d = state.Stack(k);
                shift += heads[d] == b0 ? 1 : 0;
            }

            var h = heads[b0];
            if (h < b0 && h != s0 && state.Heads[h] == ParserState.None)
            {
                shift++; // its head is deeper in the stack
            }
        }

        costs[0] = shift;
        var left = 0;
        var right = 0;
        var gold = -1;
        if (s0 >= 0)
        {
            var h = heads[s0];
            left = s0Children + (h != b0 && (h == s1 || h > b0) ? 1 : 0);
            right = s0Children + (h >= b0 ? 1 : 0);
            gold = groupOf[labels[s0]];
        }

        for (var g = 0; g < groupCount; g++)
        {
            costs[1 + g] = left + (s0 >= 0 && heads[s0] == b0 && gold != g ? 1 : 0);
            costs[1 + groupCount + g] = right + (s1 >= 0 && heads[s0] == s1 && gold != g ? 1 : 0);
        }
    }

    /// <summary>
    /// The dynamic-oracle cost of every allowed transition of the non-monotonic arc-eager system from
    /// <paramref name="state"/>, inspired by Honnibal &amp; Johnson (2015) (this project's own variant, written without
    /// their code at hand; conservative: in off-gold states its summed costs can exceed the errors that follow, a review
    /// measured it): the gold arcs a move
    /// makes unreachable, less those an unshift makes reachable again, plus a wrong relation group on a gold arc. A
    /// wrong arc counts as lost even when a later LEFT could still mend it, so the oracle never plans on a repair; LEFT
    /// mending a wrong head costs nothing, and REDUCE or SHIFT past the mend loses it. A word on the stack without a
    /// head is taken to keep only a head still in the buffer (reaching one below it needs an unshift, which then gains it
    /// back), so the costs are approximate where the system allows more than one way to a tree.
    /// </summary>
    internal static void EagerCosts(ParserState state, int[] heads, int[] labels, int[] groupOf, int groupCount, bool[] allowed, int[] costs)
    {
        var n = state.Count;
        var s0 = state.Stack(0);
        var b0 = state.Buffer;
        var reduce = 1 + (2 * groupCount);

        // where each word is: 1 on the stack, 2 in the buffer (the root always), 0 done
        Span<byte> place = n < 512 ? stackalloc byte[n + 1] : new byte[n + 1];
        place.Clear();
        for (var k = 0; k < state.Depth; k++)
        {
            place[state.Stack(k)] = 1;
        }

        for (var k = 0; ; k++)
        {
            var w = state.BufferAt(k);
            if (w < 0)
            {
                break;
            }

            place[w] = 2;
        }

        // gold dependents of b0 on the stack (lost once b0 is pushed above them), of s0 in the buffer (lost once s0
        // is popped) and of s0 on the stack below it (reachable again once s0 is unshifted)
        var b0OnStack = 0;
        var s0InBuffer = 0;
        var s0OnStack = 0;
        for (var d = 0; d < n; d++)
        {
            if (place[d] == 1 && heads[d] == b0)
            {
                b0OnStack++;
            }

            if (s0 >= 0 && heads[d] == s0 && d != s0)
            {
                s0InBuffer += place[d] == 2 ? 1 : 0;
                s0OnStack += place[d] == 1 ? 1 : 0;
            }
        }

        Array.Clear(costs);
        if (allowed[0])
        {
            costs[0] = b0OnStack + (place[heads[b0]] == 1 ? 1 : 0);
        }

        if (s0 < 0)
        {
            return;
        }

        var gold = groupOf[labels[s0]];
        var head = state.Heads[s0];
        var s0Gold = heads[s0];

        // whether s0's gold arc is still reachable: kept if it has it; else a head in the buffer (not the root for a
        // word that has a head already: only the last word on the stack goes to the root)
        var s0Reachable = head == s0Gold || (place[s0Gold] == 2 && (head == ParserState.None || s0Gold != n));
        var left = s0InBuffer + (s0Gold != b0 && s0Reachable ? 1 : 0);
        var bGold = b0 < n ? heads[b0] : -1;
        var right = b0OnStack + (bGold != s0 && bGold >= 0 && place[bGold] != 0 ? 1 : 0);
        var bGroup = b0 < n ? groupOf[labels[b0]] : -1;
        for (var g = 0; g < groupCount; g++)
        {
            costs[1 + g] = left + (s0Gold == b0 && gold != g ? 1 : 0);
            costs[1 + groupCount + g] = right + (bGold == s0 && bGroup != g ? 1 : 0);
        }

        if (allowed[reduce])
        {
            costs[reduce] = head != ParserState.None
                ? s0InBuffer + (head != s0Gold && place[s0Gold] == 2 && s0Gold != n ? 1 : 0)
                : (place[s0Gold] == 2 && s0Gold != n ? 1 : 0) - (place[s0Gold] == 1 ? 1 : 0) - s0OnStack;
        }
    }

    /// <summary>
    /// Makes a tree projective by lifting (Nivre &amp; Nilsson 2005): while some arc's head does not dominate every word
    /// between it and its dependent, the shortest such arc moves up to the head's head. The relation is kept; the
    /// parser learns from the lifted arc instead of losing the whole sentence. Heads: word index, <c>heads.Length</c>
    /// for the root; the tree must have no cycle (<see cref="IsTree"/>).
    /// </summary>
    internal static void Projectivize(int[] heads)
    {
        var n = heads.Length;
        for (var round = 0; round < n * n; round++)
        {
            var shortest = -1;
            for (var d = 0; d < n; d++)
            {
                if (heads[d] < n && !Dominates(heads, heads[d], d) && (shortest < 0 || Math.Abs(heads[d] - d) < Math.Abs(heads[shortest] - shortest)))
                {
                    shortest = d;
                }
            }

            if (shortest < 0)
            {
                return;
            }

            heads[shortest] = heads[heads[shortest]];
        }
    }

    /// <summary>Whether every word between <paramref name="head"/> and <paramref name="dependent"/> descends from <paramref name="head"/>.</summary>
    private static bool Dominates(int[] heads, int head, int dependent)
    {
        var n = heads.Length;
        for (var j = Math.Min(head, dependent) + 1; j < Math.Max(head, dependent); j++)
        {
            var k = j;
            while (k != head && k != n)
            {
                k = heads[k];
            }

            if (k != head)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether following heads from every word reaches the root (<c>heads.Length</c>) without a cycle.</summary>
    internal static bool IsTree(int[] heads)
    {
        var n = heads.Length;
        for (var i = 0; i < n; i++)
        {
            var k = i;
            for (var steps = 0; k != n; steps++)
            {
                if (steps > n)
                {
                    return false;
                }

                k = heads[k];
            }
        }

        return true;
    }

    /// <summary>Whether no two arcs cross (heads: word index, <c>heads.Length</c> for the root).</summary>
    internal static bool IsProjective(int[] heads)
    {
        for (var i = 0; i < heads.Length; i++)
        {
            int a = Math.Min(i, heads[i]), b = Math.Max(i, heads[i]);
            for (var j = a + 1; j < b; j++)
            {
                var h = heads[j];
                if (h < a || h > b)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
