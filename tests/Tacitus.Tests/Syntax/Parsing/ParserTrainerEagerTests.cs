using Tacitus.Syntax;
using Tacitus.Syntax.Learning;
using Tacitus.Syntax.Parsing;
using Tacitus.Syntax.Training;
using Xunit;

namespace Tacitus.Tests.Syntax.Parsing;

public sealed class ParserTrainerEagerTests
{
    // relations and groups: root (0) and one other (1), so a move's group is right exactly when its head is
    private static DependencyParser TwoGroupParser()
    {
        var relations = new LabelSet();
        relations.Add(DependencyParser.RootLabel);
        relations.Add("dep");
        var groups = new LabelSet();
        groups.Add(DependencyParser.RootLabel);
        groups.Add("dep");
        var system = TransitionSystem.NonMonotonicArcEager;
        return new DependencyParser(relations, groups, [0, 1], AveragedPerceptron.ForTraining(DependencyParser.Classes(2, system)), AveragedPerceptron.ForTraining(2), system: system);
    }

    private static (int[] Heads, int[] Labels) Gold(TreebankSentence sentence)
    {
        var n = sentence.Count;
        var heads = new int[n];
        var labels = new int[n];
        for (var i = 0; i < n; i++)
        {
            heads[i] = sentence.Gold[i].Head == 0 ? n : sentence.Gold[i].Head - 1;
            labels[i] = heads[i] == n ? 0 : 1;
        }

        if (!ParserTrainer.IsProjective(heads))
        {
            ParserTrainer.Projectivize(heads);
        }

        return (heads, labels);
    }

    /// <summary>Runs the system from the start: the cheapest allowed move, or with <paramref name="random"/> any allowed move; returns the moves made.</summary>
    private static int Run(DependencyParser parser, ParserState state, int[] heads, int[] labels, Random? random)
    {
        var allowed = new bool[parser.Model.Classes];
        var costs = new int[allowed.Length];
        var moves = 0;
        while (!state.IsTerminal)
        {
            Assert.True(moves++ < (4 * state.Count) + 4, "the system did not end");
            parser.Allow(state, allowed);
            ParserTrainer.EagerCosts(state, heads, labels, [0, 1], 2, allowed, costs);
            var chosen = -1;
            var options = new List<int>();
            for (var c = 0; c < allowed.Length; c++)
            {
                if (allowed[c])
                {
                    options.Add(c);
                    chosen = chosen < 0 || costs[c] < costs[chosen] ? c : chosen;
                }
            }

            Assert.NotEmpty(options);
            if (random is not null)
            {
                chosen = options[random.Next(options.Count)];
            }

            var label = chosen == DependencyParser.Shift || chosen == parser.Reduce ? 0 : parser.GroupOfTransition(chosen);
            parser.Apply(state, chosen, label);
        }

        return moves;
    }

    [Fact]
    public void EagerCosts_FollowingTheCheapestMove_BuildsTheGoldTree()
    {
        var parser = TwoGroupParser();
        var state = new ParserState();
        foreach (var sentence in SyntaxFixture.Sentences())
        {
            var (heads, labels) = Gold(sentence);
            state.Reset(sentence.Count);
            Run(parser, state, heads, labels, null);
            Assert.Equal(heads, state.Heads.AsSpan(0, sentence.Count).ToArray());
        }
    }

    [Fact]
    public void Allow_AnyAllowedMoves_EndInOneTreeWithOneRoot()
    {
        // random moves must never leave a configuration without an allowed move, loop, or make two roots or a cycle
        var parser = TwoGroupParser();
        var state = new ParserState();
        var random = new Random(5);
        foreach (var sentence in SyntaxFixture.Sentences())
        {
            var (heads, labels) = Gold(sentence);
            for (var run = 0; run < 20; run++)
            {
                state.Reset(sentence.Count);
                Run(parser, state, heads, labels, random);
                var found = state.Heads.AsSpan(0, sentence.Count).ToArray();
                Assert.Equal(1, found.Count(h => h == sentence.Count));
                Assert.True(ParserTrainer.IsTree(found));
            }
        }
    }

    [Fact]
    public void EagerCosts_HeadlessS0WithItsHeadBelow_UnshiftIsCheapest()
    {
        // "A B C": B <- A (A root), C <- B; A and B shifted, C gone to the buffer end: B lost its RIGHT from A, and only
        // an unshift (REDUCE of a headless s0) puts it back where A can still take it
        var parser = TwoGroupParser();
        int[] heads = [3, 0, 1];
        int[] labels = [0, 1, 1];
        var state = new ParserState();
        state.Reset(3);
        state.Shift();
        state.Shift();
        state.Shift(); // stack A B C, buffer root
        state.Reduce(); // C has no head: unshifted
        Assert.Equal(2, state.Buffer);
        state.RightEager(1); // B -> C
        state.Reduce(); // C popped
        var allowed = new bool[parser.Model.Classes];
        var costs = new int[allowed.Length];
        parser.Allow(state, allowed);
        ParserTrainer.EagerCosts(state, heads, labels, [0, 1], 2, allowed, costs);
        Assert.True(allowed[parser.Reduce]);
        Assert.Equal(-1, costs[parser.Reduce]);
        Assert.False(allowed[DependencyParser.Shift]); // the buffer holds the root only
    }

    [Fact]
    public void EagerCosts_WrongHeadStillMendable_LeftMendsAtNoCostAndReduceLosesIt()
    {
        // "A B C": A root, B <- C, C <- A; RIGHT gave B the head A; with C at b0, LEFT re-attaches B to C
        var parser = TwoGroupParser();
        int[] heads = [3, 2, 0];
        int[] labels = [0, 1, 1];
        var state = new ParserState();
        state.Reset(3);
        state.Shift();
        state.RightEager(1); // A -> B: wrong
        var allowed = new bool[parser.Model.Classes];
        var costs = new int[allowed.Length];
        parser.Allow(state, allowed);
        ParserTrainer.EagerCosts(state, heads, labels, [0, 1], 2, allowed, costs);
        Assert.True(allowed[1 + 1]); // LEFT on a word that already has a head: the non-monotonic move
        Assert.Equal(0, costs[1 + 1]); // LEFT-dep: B <- C, mended
        Assert.Equal(1, costs[parser.Reduce]); // popping B keeps the wrong head
        Assert.Equal(2, costs[DependencyParser.Shift]); // C above B: B loses its head, and C its head A below it
    }
}
