namespace Tacitus.Syntax.Parsing;

/// <summary>
/// Beam search over the parser's transitions (Zhang &amp; Clark 2008; Zhang &amp; Nivre 2011): each step expands every
/// configuration kept by every allowed transition, scores a successor by its parent's total plus the transition
/// model's score of the transition, and keeps the <c>width</c> best. Every arc-hybrid sequence of a sentence of n
/// words has 2n transitions, so all configurations end together and the best total wins. A configuration with an empty
/// stack has one move (SHIFT), which is not scored, as in greedy parsing. Relations are chosen per arc by the relation
/// model, as in greedy parsing. Each kept configuration remembers its parent step (<see cref="Parent"/>,
/// <see cref="TransitionOf"/>, <see cref="LabelOf"/>), so training can replay a sequence. Reused between sentences;
/// not thread-safe (one per <see cref="ParserBuffers"/>).
/// </summary>
internal sealed class ParserBeam
{
    private readonly List<int> parents = [];
    private readonly List<int> transitions = [];
    private readonly List<int> labels = [];
    private ParserState[] current = [];
    private ParserState[] next = [];
    private Item[] kept = [];
    private Item[] chosen = [];
    private Candidate[] candidates = new Candidate[8];
    private int live;

    /// <summary>The configurations kept after the last step, best first (<see cref="Live"/> of them).</summary>
    public ReadOnlySpan<Item> Items => kept.AsSpan(0, live);

    public int Live => live;

    /// <summary>The configuration of kept item <paramref name="i"/> (as ordered in <see cref="Items"/>).</summary>
    public ParserState StateOf(int i) => current[i];

    /// <summary>The history entry before <paramref name="step"/> (-1 at the start).</summary>
    public int Parent(int step) => parents[step];

    public int TransitionOf(int step) => transitions[step];

    public int LabelOf(int step) => labels[step];

    /// <summary>Starts a sentence of <paramref name="count"/> words with one empty configuration.</summary>
    public void Start(int count, int width)
    {
        if (current.Length < width)
        {
            Array.Resize(ref current, width);
            Array.Resize(ref next, width);
            for (var i = 0; i < width; i++)
            {
                current[i] ??= new ParserState();
                next[i] ??= new ParserState();
            }

            kept = new Item[width];
            chosen = new Item[width];
        }

        parents.Clear();
        transitions.Clear();
        labels.Clear();
        current[0].Reset(count);
        kept[0] = new Item(0, -1, 0);
        live = 1;
    }

    /// <summary>Whether the kept configurations are complete trees (they end together).</summary>
    public bool IsTerminal => current[0].IsTerminal;

    /// <summary>
    /// One step: expands every kept configuration and keeps the <paramref name="width"/> best successors (ties to the
    /// earlier parent, then the lower transition, so the search is deterministic and width 1 is greedy parsing), less
    /// those whose total is more than <paramref name="margin"/> below the best one's (none by default).
    /// </summary>
    public void Advance(DependencyParser parser, ParserWords sentence, int width, ParserBuffers buffers, float margin = float.PositiveInfinity)
    {
        var features = buffers.Features;
        var scores = buffers.ScoresFor(parser.Model.Classes);
        var allowed = buffers.AllowedFor(parser.Model.Classes);
        var picked = 0;
        for (var s = 0; s < live; s++)
        {
            var state = current[s];
            var total = kept[s].Score;
            if (state.Depth == 0)
            {
                Offer(new Candidate(s, DependencyParser.Shift, total), width, ref picked);
                continue;
            }

            var count = ParserFeatures.Extract(state, sentence, features);
            parser.Allow(state, allowed);
            parser.Model.Score(features.AsSpan(0, count), scores);
            for (var c = 0; c < scores.Length; c++)
            {
                if (allowed[c])
                {
                    Offer(new Candidate(s, c, total + scores[c]), width, ref picked);
                }
            }
        }

        // a successor far behind the best is dropped: where the model is sure, the beam narrows (to one
        // configuration, moved in place below) and costs about what greedy parsing does
        while (picked > 1 && candidates[picked - 1].Score < candidates[0].Score - margin)
        {
            picked--;
        }

        var labelScores = buffers.LabelScoresFor(parser.Labels.Classes);
        if (picked == 1 && live == 1)
        {
            // one configuration goes on: it moves in place, as in greedy parsing, without a copy
            var only = candidates[0];
            var state = current[0];
            var label = only.Transition == DependencyParser.Shift ? 0 : parser.Label(state, sentence, only.Transition, features, labelScores);
            parser.Apply(state, only.Transition, label);
            parents.Add(kept[0].Step);
            transitions.Add(only.Transition);
            labels.Add(label);
            kept[0] = new Item(only.Score, parents.Count - 1, only.Transition);
            return;
        }

        for (var j = 0; j < picked; j++)
        {
            var candidate = candidates[j];
            var parent = current[candidate.State];
            var label = candidate.Transition == DependencyParser.Shift ? 0 : parser.Label(parent, sentence, candidate.Transition, features, labelScores);
            next[j].CopyFrom(parent);
            parser.Apply(next[j], candidate.Transition, label);
            parents.Add(kept[candidate.State].Step);
            transitions.Add(candidate.Transition);
            labels.Add(label);
            chosen[j] = new Item(candidate.Score, parents.Count - 1, candidate.Transition);
        }

        (current, next) = (next, current);
        (kept, chosen) = (chosen, kept);
        live = picked;
    }

    /// <summary>Inserts a candidate into the sorted top <paramref name="width"/> (kept in <see cref="candidates"/>).</summary>
    private void Offer(Candidate candidate, int width, ref int picked)
    {
        if (candidates.Length < width)
        {
            Array.Resize(ref candidates, width);
        }

        if (picked == width && !(candidate.Score > candidates[picked - 1].Score))
        {
            return;
        }

        var at = picked == width ? picked - 1 : picked++;
        while (at > 0 && candidate.Score > candidates[at - 1].Score)
        {
            candidates[at] = candidates[at - 1];
            at--;
        }

        candidates[at] = candidate;
    }

    /// <summary>A kept configuration: its total score, its last history entry and the transition that made it.</summary>
    internal readonly record struct Item(float Score, int Step, int Transition);

    private readonly record struct Candidate(int State, int Transition, float Score);
}
