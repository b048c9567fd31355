using Tacitus.Documents;
using Tacitus.Syntax.Learning;

namespace Tacitus.Syntax.Parsing;

/// <summary>
/// A greedy arc-hybrid dependency parser with labelled transitions (SHIFT, LEFT-label, RIGHT-label) scored by an
/// averaged perceptron (<see cref="ParserFeatures"/>). It reads the words and the tagger's tags of a sentence and
/// gives each word a head (sentence index, -1 for the root) and a Universal Dependencies relation. Thread-safe:
/// the model is read-only; callers give their own <see cref="ParserBuffers"/>.
/// </summary>
internal sealed class DependencyParser
{
    public const string RootLabel = "root";

    public DependencyParser(LabelSet relations, AveragedPerceptron model)
    {
        Relations = relations;
        Model = model;
        RootIndex = relations.IndexOf(RootLabel);
        if (model.Classes != Classes(relations.Count))
        {
            throw new InvalidDataException($"the parser model has {model.Classes} classes for {relations.Count} relations");
        }
    }

    public LabelSet Relations { get; }

    public AveragedPerceptron Model { get; }

    /// <summary>Index of "root" among <see cref="Relations"/> (-1 if training had none).</summary>
    public int RootIndex { get; }

    public static int Classes(int relations) => 1 + (2 * relations);

    /// <summary>Parses one sentence: <paramref name="tags"/> are tagger tag indices; fills heads (-1 = root) and relation indices.</summary>
    public void Parse(string text, ReadOnlySpan<TextSpan> words, ReadOnlySpan<int> tags, Span<int> heads, Span<int> relations, ParserBuffers buffers)
    {
        ArgumentNullException.ThrowIfNull(buffers);
        var n = words.Length;
        if (n == 0)
        {
            return;
        }

        var state = buffers.State;
        state.Reset(n);
        var (wordKeys, tagKeys) = buffers.Keys(n);
        for (var i = 0; i < n; i++)
        {
            wordKeys[i] = FeatureKey.AddLower(0, words[i].Of(text));
            tagKeys[i] = (ulong)tags[i] + 1;
        }

        var features = buffers.Features;
        var scores = buffers.ScoresFor(Model.Classes);
        var allowed = buffers.AllowedFor(Model.Classes);
        while (!state.IsTerminal)
        {
            var count = ParserFeatures.Extract(state, wordKeys, tagKeys, features);
            Allow(state, allowed);
            var best = Model.Predict(features.AsSpan(0, count), scores, allowed);
            Apply(state, best);
        }

        for (var i = 0; i < n; i++)
        {
            heads[i] = state.Heads[i] == n ? -1 : state.Heads[i];
            relations[i] = state.Labels[i];
        }
    }

    /// <summary>Which transitions the state allows: the root only by LEFT-root of the last stacked word, "root" nowhere else.</summary>
    internal void Allow(ParserState state, Span<bool> allowed)
    {
        var labels = Relations.Count;
        allowed[0] = state.CanShift;
        var left = state.CanLeft;
        var right = state.CanRight;
        var toRoot = state.Buffer == state.Count;
        for (var l = 0; l < labels; l++)
        {
            var isRoot = l == RootIndex;
            allowed[1 + l] = left && (toRoot ? isRoot || RootIndex < 0 : !isRoot);
            allowed[1 + labels + l] = right && !isRoot;
        }
    }

    internal void Apply(ParserState state, int transition)
    {
        var labels = Relations.Count;
        if (transition == 0)
        {
            state.Shift();
        }
        else if (transition <= labels)
        {
            state.Left(transition - 1);
        }
        else
        {
            state.Right(transition - 1 - labels);
        }
    }

    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Relations.Write(writer);
        Model.Write(writer);
    }

    public static DependencyParser Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var relations = LabelSet.Read(reader);
        return new DependencyParser(relations, AveragedPerceptron.Read(reader));
    }
}

/// <summary>Per-thread scratch space of the parser: its state, feature and score arrays.</summary>
internal sealed class ParserBuffers
{
    private float[] scores = [];
    private bool[] allowed = [];
    private ulong[] words = new ulong[64];
    private ulong[] tags = new ulong[64];

    public ParserState State { get; } = new();

    public ulong[] Features { get; } = new ulong[ParserFeatures.Max];

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

    public (ulong[] Words, ulong[] Tags) Keys(int count)
    {
        if (words.Length < count)
        {
            words = new ulong[Math.Max(count, words.Length * 2)];
            tags = new ulong[words.Length];
        }

        return (words, tags);
    }
}
