using Tacitus.Documents;
using Tacitus.Syntax.Entities;
using Tacitus.Syntax.Learning;

namespace Tacitus.Syntax.Parsing;

/// <summary>
/// A greedy transition-based dependency parser in two parts, each an averaged perceptron, over the non-monotonic
/// arc-eager system (the shipped model) or arc-hybrid (<see cref="TransitionSystem"/>; the only one a beam searches).
/// The transition model chooses SHIFT, REDUCE (arc-eager), or LEFT or RIGHT with a coarse relation group (<see cref="RelationGroups"/>: subject, core, nominal,
/// function words, punct, ...; <see cref="ParserFeatures"/>); when an arc is made, the relation model picks the
/// relation inside its group (<see cref="RelationFeatures"/>), once per word. Scoring some twenty-five transitions at
/// every step and a few relations per arc costs far less than scoring every labelled transition (about a hundred) at
/// every step, and the groups keep the part of the relations' structure that decides attachment. It reads the words
/// and the tagger's tags of a sentence and gives each word a head (sentence index, -1 for the root) and a Universal
/// Dependencies relation. Thread-safe: the models are read-only; callers give their own <see cref="ParserBuffers"/>.
/// </summary>
internal sealed class DependencyParser
{
    public const string RootLabel = "root";

    public const int Shift = 0;

    /// <summary>The widest beam a model may keep or a search may ask for.</summary>
    public const int MaxBeam = 64;

    private const uint Magic = 0x32505354; // "TSP2"
    private const int FormatVersion = 2;

    /// <summary>Format 2 with the word cluster table the features read (<see cref="Clusters"/>).</summary>
    private const int ClusterFormatVersion = 3;

    /// <summary>Format 2 with the beam width the model was trained for (<see cref="Beam"/>), then format 3's clusters if any.</summary>
    private const int BeamFormatVersion = 4;

    /// <summary>Format 4 with the transition system (<see cref="TransitionSystem"/>) after the beam; written only for a system other than arc-hybrid.</summary>
    private const int SystemFormatVersion = 5;

    private readonly bool[][] groupMembers;
    private readonly int[] soleMember;

    /// <param name="relations">The relations, "root" among them.</param>
    /// <param name="groups">The relation groups, "root" among them as a group of its own.</param>
    /// <param name="groupOf">Per relation, its group's index in <paramref name="groups"/>.</param>
    /// <param name="transitions">The transition model: SHIFT, LEFT per group, RIGHT per group.</param>
    /// <param name="labels">The relation model: one class per relation.</param>
    /// <param name="clusters">Word clusters the features read (<see cref="ParserFeatures"/>), or none.</param>
    /// <param name="system">The transition system the transition model scores.</param>
    public DependencyParser(LabelSet relations, LabelSet groups, int[] groupOf, AveragedPerceptron transitions, AveragedPerceptron labels, WordClusters? clusters = null, TransitionSystem system = TransitionSystem.ArcHybrid)
    {
        Clusters = clusters;
        TransitionSystem = system;
        Eager = system == TransitionSystem.NonMonotonicArcEager;
        Relations = relations;
        Groups = groups;
        GroupOf = groupOf;
        Model = transitions;
        Labels = labels;
        RootIndex = relations.IndexOf(RootLabel);
        RootGroup = groups.IndexOf(RootLabel);
        if (groupOf.Length != relations.Count || groupOf.Any(g => g < 0 || g >= groups.Count))
        {
            throw new InvalidDataException($"the parser's {relations.Count} relations do not each have one of its {groups.Count} groups");
        }

        if (transitions.Classes != Classes(groups.Count, system))
        {
            throw new InvalidDataException($"the parser's transition model has {transitions.Classes} classes for {groups.Count} relation groups");
        }

        if (labels.Classes != Math.Max(1, relations.Count))
        {
            throw new InvalidDataException($"the parser's relation model has {labels.Classes} classes for {relations.Count} relations");
        }

        groupMembers = new bool[groups.Count][];
        soleMember = new int[groups.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            groupMembers[g] = new bool[labels.Classes];
            var count = 0;
            for (var r = 0; r < relations.Count; r++)
            {
                if (groupOf[r] == g && r != RootIndex)
                {
                    groupMembers[g][r] = true;
                    soleMember[g] = r;
                    count++;
                }
            }

            soleMember[g] = g == RootGroup ? Math.Max(0, RootIndex) : count == 1 ? soleMember[g] : -1;
        }
    }

    public LabelSet Relations { get; }

    /// <summary>The transition system of the transition model (arc-hybrid unless the model file says otherwise).</summary>
    public TransitionSystem TransitionSystem { get; }

    /// <summary>Whether <see cref="TransitionSystem"/> is the non-monotonic arc-eager one (its moves, costs and features).</summary>
    internal bool Eager { get; }

    /// <summary>The arc-eager REDUCE transition (unshift for a headless s0), after the attaching ones; -1 in arc-hybrid.</summary>
    internal int Reduce => Eager ? 1 + (2 * Groups.Count) : -1;

    /// <summary>How many configurations the search keeps per step: 1 parses greedily, more search a beam (<see cref="ParserBeam"/>).</summary>
    public int Beam { get; init; } = 1;

    /// <summary>
    /// With a beam, successors whose total is more than this below the best successor's are dropped at each step, so
    /// the beam narrows where the model is sure (infinity, the default: the full width). Not kept in the model file.
    /// </summary>
    public float BeamMargin { get; init; } = float.PositiveInfinity;

    /// <summary>The word clusters the features read, kept in the model file (none in models of format 2).</summary>
    public WordClusters? Clusters { get; }

    /// <summary>The relation groups the attaching transitions choose among.</summary>
    public LabelSet Groups { get; }

    /// <summary>Per relation index, its group's index in <see cref="Groups"/>.</summary>
    public IReadOnlyList<int> GroupOf { get; }

    /// <summary>The transition model: SHIFT (class 0), LEFT with group g (1 + g), RIGHT with group g (1 + groups + g), and in arc-eager REDUCE (1 + 2 groups).</summary>
    public AveragedPerceptron Model { get; }

    /// <summary>The relation model, one class per relation of <see cref="Relations"/>.</summary>
    public AveragedPerceptron Labels { get; }

    /// <summary>Index of "root" among <see cref="Relations"/> (-1 if training had none).</summary>
    public int RootIndex { get; }

    /// <summary>Index of the group "root" among <see cref="Groups"/> (-1 if training had none).</summary>
    public int RootGroup { get; }

    public static int Classes(int groups, TransitionSystem system = TransitionSystem.ArcHybrid) =>
        1 + (2 * groups) + (system == TransitionSystem.NonMonotonicArcEager ? 1 : 0);

    /// <summary>Parses one sentence: <paramref name="tags"/> are tagger tag indices; fills heads (-1 = root) and relation indices.</summary>
    public void Parse(string text, ReadOnlySpan<TextSpan> words, ReadOnlySpan<int> tags, Span<int> heads, Span<int> relations, ParserBuffers buffers)
    {
        ArgumentNullException.ThrowIfNull(buffers);
        var n = words.Length;
        if (n == 0)
        {
            return;
        }

        var sentence = buffers.Words;
        sentence.Fill(text, words, tags, Clusters);
        if (Beam > 1 && !Eager)
        {
            var beam = buffers.Beam;
            beam.Start(n, Beam);
            while (!beam.IsTerminal)
            {
                beam.Advance(this, sentence, Beam, buffers, BeamMargin);
            }

            Read(beam.StateOf(0), heads, relations);
            return;
        }

        var state = buffers.State;
        state.Reset(n);
        var features = buffers.Features;
        var scores = buffers.ScoresFor(Model.Classes);
        var allowed = buffers.AllowedFor(Model.Classes);
        var labelScores = buffers.LabelScoresFor(Labels.Classes);
        while (!state.IsTerminal)
        {
            int best;
            if (state.Depth == 0)
            {
                best = Shift; // the only move from an empty stack: nothing to score
            }
            else
            {
                var count = Eager ? ParserFeatures.ExtractEager(state, sentence, features) : ParserFeatures.Extract(state, sentence, features);
                Allow(state, allowed);
                best = Model.Predict(features.AsSpan(0, count), scores, allowed);
            }

            var label = best == Shift || best == Reduce ? 0 : Label(state, sentence, best, features, labelScores);
            Apply(state, best, label);
        }

        Read(state, heads, relations);
    }

    /// <summary>The heads (-1 for the root) and relations of a complete configuration.</summary>
    private static void Read(ParserState state, Span<int> heads, Span<int> relations)
    {
        var n = state.Count;
        for (var i = 0; i < n; i++)
        {
            heads[i] = state.Heads[i] == n ? -1 : state.Heads[i];
            relations[i] = state.Labels[i];
        }
    }

    /// <summary>
    /// The same models searched with a beam of <paramref name="width"/> (1: greedy), whatever width they were trained
    /// for, narrowed by <paramref name="margin"/> (<see cref="BeamMargin"/>).
    /// </summary>
    public DependencyParser WithBeam(int width, float margin = float.PositiveInfinity)
    {
        if (Eager && width > 1)
        {
            throw new BeamRefusedException(width);
        }

        return new(Relations, Groups, [.. GroupOf], Model, Labels, Clusters, TransitionSystem) { Beam = Math.Max(1, width), BeamMargin = margin };
    }

    /// <summary>Whether transition <paramref name="transition"/> (not SHIFT) is a LEFT one.</summary>
    internal bool IsLeft(int transition) => transition <= Groups.Count;

    /// <summary>The relation group of an attaching transition.</summary>
    internal int GroupOfTransition(int transition) => IsLeft(transition) ? transition - 1 : transition - 1 - Groups.Count;

    /// <summary>The dependent and head of the arc an attaching transition makes from <paramref name="state"/>.</summary>
    internal (int Dependent, int Head) Arc(ParserState state, int transition) =>
        IsLeft(transition) ? (state.Stack(0), state.Buffer) : Eager ? (state.Buffer, state.Stack(0)) : (state.Stack(0), state.Stack(1));

    /// <summary>
    /// The relation of the arc <paramref name="transition"/> makes: the group's only relation when it has one ("root",
    /// "punct", "conj"), else the relation model's best relation of the group.
    /// </summary>
    internal int Label(ParserState state, ParserWords sentence, int transition, ulong[] features, float[] scores)
    {
        var group = GroupOfTransition(transition);
        if (soleMember[group] >= 0)
        {
            return soleMember[group];
        }

        var (dependent, head) = Arc(state, transition);
        var count = RelationFeatures.Extract(state, sentence, dependent, head, group, features);
        return Math.Max(0, Labels.Predict(features.AsSpan(0, count), scores, groupMembers[group]));
    }

    /// <summary>The relation model's best relation of <paramref name="group"/> for the features given (training).</summary>
    internal int PredictInGroup(ReadOnlySpan<ulong> features, int group, float[] scores) =>
        soleMember[group] >= 0 ? soleMember[group] : Math.Max(0, Labels.Predict(features, scores, groupMembers[group]));

    /// <summary>Whether <paramref name="group"/> has more than one relation, so the relation model decides.</summary>
    internal bool NeedsRelationModel(int group) => soleMember[group] < 0;

    /// <summary>Which transitions the state allows: the root only by LEFT-root of the last stacked word, the group "root" nowhere else.</summary>
    internal void Allow(ParserState state, Span<bool> allowed)
    {
        var groups = Groups.Count;
        allowed[Shift] = state.CanShift;
        var left = state.CanLeft;
        var right = state.CanRight;
        if (Eager)
        {
            // an unshifted word is shifted again only from an empty stack; RIGHT takes b0 (never the root) under s0;
            // REDUCE pops a headed s0 or unshifts a headless one that was never unshifted and is not alone
            var b0 = state.Buffer;
            allowed[Shift] = state.CanShift && (state.Depth == 0 || !state.Unshifted[b0]);
            right = state.Depth > 0 && b0 < state.Count;
            var s0 = state.Stack(0);
            allowed[Reduce] = s0 >= 0 && (state.Heads[s0] != ParserState.None || (state.Depth > 1 && !state.Unshifted[s0]));
        }

        var toRoot = state.Buffer == state.Count;
        for (var g = 0; g < groups; g++)
        {
            var isRoot = g == RootGroup;
            allowed[1 + g] = left && (toRoot ? isRoot || RootGroup < 0 : !isRoot);
            allowed[1 + groups + g] = right && !isRoot;
        }
    }

    internal void Apply(ParserState state, int transition, int label)
    {
        if (transition == Shift)
        {
            state.Shift();
        }
        else if (Eager)
        {
            if (transition == Reduce)
            {
                state.Reduce();
            }
            else if (IsLeft(transition))
            {
                state.LeftEager(label);
            }
            else
            {
                state.RightEager(label);
            }
        }
        else if (IsLeft(transition))
        {
            state.Left(label);
        }
        else
        {
            state.Right(label);
        }
    }

    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Magic);
        writer.Write(Eager ? SystemFormatVersion : Beam > 1 ? BeamFormatVersion : Clusters is null ? FormatVersion : ClusterFormatVersion);
        Relations.Write(writer);
        Groups.Write(writer);
        foreach (var g in GroupOf)
        {
            writer.Write(g);
        }

        Model.Write(writer);
        Labels.Write(writer);
        if (Beam > 1 || Eager)
        {
            writer.Write(Beam);
            writer.Write(Clusters is not null);
        }

        if (Eager)
        {
            writer.Write((int)TransitionSystem);
        }

        Clusters?.Write(writer);
    }

    public static DependencyParser Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var magic = reader.ReadUInt32();
        var version = reader.ReadInt32();
        if (magic != Magic || version is not (FormatVersion or ClusterFormatVersion or BeamFormatVersion or SystemFormatVersion))
        {
            throw new InvalidDataException("not a Tacitus parser model of format 2 to 5 (relation groups); retrain it with 'tacitus train parser'");
        }

        var relations = LabelSet.Read(reader);
        var groups = LabelSet.Read(reader);
        var groupOf = new int[relations.Count];
        for (var r = 0; r < groupOf.Length; r++)
        {
            groupOf[r] = reader.ReadInt32();
        }

        var transitions = AveragedPerceptron.Read(reader);
        var labels = AveragedPerceptron.Read(reader);
        var beam = 1;
        var hasClusters = version == ClusterFormatVersion;
        var system = TransitionSystem.ArcHybrid;
        if (version is BeamFormatVersion or SystemFormatVersion)
        {
            beam = reader.ReadInt32();
            hasClusters = reader.ReadBoolean();
            if (beam is < 1 or > MaxBeam)
            {
                throw new InvalidDataException($"the parser model's beam of {beam} is not between 1 and {MaxBeam}");
            }
        }

        if (version == SystemFormatVersion)
        {
            system = (TransitionSystem)reader.ReadInt32();
            if (system is not (TransitionSystem.ArcHybrid or TransitionSystem.NonMonotonicArcEager) || (system == TransitionSystem.NonMonotonicArcEager && beam > 1))
            {
                throw new InvalidDataException($"the parser model's transition system ({(int)system}, beam {beam}) is not one this version reads");
            }
        }

        var clusters = hasClusters ? WordClusters.Read(reader) : null;
        return new DependencyParser(relations, groups, groupOf, transitions, labels, clusters, system) { Beam = beam };
    }
}

/// <summary>Per-thread scratch space of the parser: its state, the sentence's word values, feature and score arrays.</summary>
internal sealed class ParserBuffers
{
    private float[] scores = [];
    private bool[] allowed = [];
    private float[] labelScores = [];
    private ParserBeam? beam;

    public ParserState State { get; } = new();

    public ParserWords Words { get; } = new();

    /// <summary>The beam's configurations, for a parser that searches a beam.</summary>
    public ParserBeam Beam => beam ??= new ParserBeam();

    public ulong[] Features { get; } = new ulong[Math.Max(ParserFeatures.Max, RelationFeatures.Max)];

    public float[] LabelScoresFor(int classes)
    {
        if (labelScores.Length != classes)
        {
            labelScores = new float[classes];
        }

        return labelScores;
    }

    public float[] ScoresFor(int classes)
    {
        if (scores.Length != classes)
        {
            scores = new float[classes];
        }

        return scores;
    }

    public bool[] AllowedFor(int classes)
    {
        if (allowed.Length != classes)
        {
            allowed = new bool[classes];
        }

        return allowed;
    }
}
