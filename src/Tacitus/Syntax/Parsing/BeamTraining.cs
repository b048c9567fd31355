namespace Tacitus.Syntax.Parsing;

/// <summary>
/// Global training of the parser's transition model over a beam (Zhang &amp; Nivre 2011) with the max-violation update
/// (Huang, Fayong &amp; Guo 2012): the sentence is searched with the beam (<see cref="ParserBeam"/>) beside the gold
/// sequence (the static arc-hybrid oracle: LEFT when s0's head is b0, RIGHT when it is s1 and s0 has no child left in
/// the buffer, else SHIFT); at the step where the beam's best prefix outscores the gold prefix by the most, the gold
/// prefix's transitions are rewarded and the best prefix's penalised, each with the features of its own
/// configurations. No update when the beam's best complete sequence is the gold one. The relation model learns on the
/// gold sequence's arcs, and every arc takes the relation model's relation, as at run time.
/// </summary>
internal sealed class BeamTraining
{
    private readonly DependencyParser parser;
    private readonly int width;
    private readonly ParserBuffers buffers = new();
    private readonly ParserState gold = new();
    private readonly ParserState replay = new();
    private readonly List<int> goldTransitions = [];
    private readonly List<int> goldLabels = [];
    private readonly List<int> path = [];
    private readonly ulong[] features = new ulong[ParserFeatures.Max];
    private readonly ulong[] labelFeatures = new ulong[RelationFeatures.Max];
    private float[] scores = [];
    private float[] labelScores = [];

    public BeamTraining(DependencyParser parser, int width)
    {
        this.parser = parser;
        this.width = Math.Max(1, width);
    }

    /// <summary>Gold arcs whose relation the relation model chose (counted over all sentences).</summary>
    public long Arcs { get; private set; }

    public long LabelMistakes { get; private set; }

    /// <summary>
    /// Searches one sentence (<paramref name="heads"/>: word index, n for the root; projective) and updates the models;
    /// true when the beam's best sequence was the gold one.
    /// </summary>
    public bool Train(ParserWords words, int[] heads, int[] labels, int[] groupOf)
    {
        var model = parser.Model;
        if (scores.Length != model.Classes)
        {
            scores = new float[model.Classes];
            labelScores = new float[parser.Labels.Classes];
        }

        var n = heads.Length;
        var beam = buffers.Beam;
        beam.Start(n, width);
        gold.Reset(n);
        goldTransitions.Clear();
        goldLabels.Clear();
        var goldScore = 0f;
        var goldStep = -1; // the gold prefix's entry in the beam's history while it is kept there
        var worst = float.NegativeInfinity;
        var worstAt = -1;
        var worstStep = -1;
        var steps = 0;
        while (!beam.IsTerminal)
        {
            model.Tick(); // one instance per step, counting forced SHIFTs (greedy training does not), so the average weighs each weight vector by the steps it searched
            beam.Advance(parser, words, width, buffers);
            var transition = Oracle(gold, heads, labels, groupOf);
            if (transition < 0)
            {
                return false; // no gold move (cannot happen on a projective tree): leave the sentence
            }

            // while the gold prefix is kept in the beam its score is its entry's; once it has dropped out it is scored here
            var kept = beam.Items;
            var found = -1;
            for (var i = 0; i < kept.Length && found < 0 && goldStep >= -1; i++)
            {
                if (beam.Parent(kept[i].Step) == goldStep && kept[i].Transition == transition)
                {
                    found = i;
                }
            }

            if (found >= 0)
            {
                goldScore = kept[found].Score;
            }
            else if (gold.Depth > 0)
            {
                var count = ParserFeatures.Extract(gold, words, features);
                model.Score(features.AsSpan(0, count), scores);
                goldScore += scores[transition];
            }

            var label = transition == DependencyParser.Shift ? 0 : GoldLabel(words, transition, heads, labels, groupOf);
            parser.Apply(gold, transition, label);
            goldTransitions.Add(transition);
            goldLabels.Add(label);
            steps++;

            goldStep = found < 0 ? -2 : kept[found].Step;
            var violation = kept[0].Score - goldScore;
            if (found != 0 && violation >= worst)
            {
                worst = violation;
                worstAt = steps;
                worstStep = kept[0].Step;
            }
        }

        if (beam.Items[0].Step == goldStep || worstAt < 0)
        {
            return true;
        }

        Reward(words, worstAt, worstStep);
        return false;
    }

    /// <summary>The gold prefix's first <paramref name="steps"/> transitions gain, the beam's best prefix ending at history entry <paramref name="last"/> loses.</summary>
    private void Reward(ParserWords words, int steps, int last)
    {
        path.Clear();
        for (var step = last; step >= 0; step = buffers.Beam.Parent(step))
        {
            path.Add(step);
        }

        path.Reverse();
        var n = gold.Count;
        replay.Reset(n);
        for (var t = 0; t < steps; t++)
        {
            Replay(words, goldTransitions[t], goldLabels[t], 1f);
        }

        replay.Reset(n);
        foreach (var step in path)
        {
            Replay(words, buffers.Beam.TransitionOf(step), buffers.Beam.LabelOf(step), -1f);
        }
    }

    private void Replay(ParserWords words, int transition, int label, float amount)
    {
        if (replay.Depth > 0)
        {
            var count = ParserFeatures.Extract(replay, words, features);
            parser.Model.Adjust(features.AsSpan(0, count), transition, amount);
        }

        parser.Apply(replay, transition, label);
    }

    /// <summary>The relation of the gold arc <paramref name="transition"/> makes from the gold configuration: the relation model's, which learns the gold one.</summary>
    private int GoldLabel(ParserWords words, int transition, int[] heads, int[] labels, int[] groupOf)
    {
        var (predicted, goldRelation) = ParserTrainer.LearnRelation(parser, gold, words, transition, heads, labels, groupOf, labelFeatures, labelScores);
        if (goldRelation >= 0)
        {
            Arcs++;
            LabelMistakes += predicted != goldRelation ? 1 : 0;
        }

        return predicted;
    }

    /// <summary>The static oracle's transition from <paramref name="state"/>, or -1 when the gold tree cannot be reached.</summary>
    internal int Oracle(ParserState state, int[] heads, int[] labels, int[] groupOf)
    {
        var groups = parser.Groups.Count;
        var s0 = state.Stack(0);
        var s1 = state.Stack(1);
        var b0 = state.Buffer;
        if (s0 >= 0)
        {
            var group = groupOf[labels[s0]];
            if (heads[s0] == b0 && state.CanLeft)
            {
                return 1 + group;
            }

            if (s1 >= 0 && heads[s0] == s1 && !HasChildFrom(heads, s0, b0))
            {
                return 1 + groups + group;
            }
        }

        return state.CanShift ? DependencyParser.Shift : -1;
    }

    private static bool HasChildFrom(int[] heads, int word, int from)
    {
        for (var d = from; d < heads.Length; d++)
        {
            if (heads[d] == word)
            {
                return true;
            }
        }

        return false;
    }
}
