using Tacitus.Syntax.Parsing;
using Xunit;

namespace Tacitus.Tests.Syntax.Parsing;

public sealed class ParserStateTests
{
    [Fact]
    public void LeftEager_S0WithAHead_ReattachedAndOldHeadsRightChildrenRecounted()
    {
        // "A B C D": A -> B, A -> C by RIGHT; then LEFT takes C to D
        var state = new ParserState();
        state.Reset(4);
        state.Shift();
        state.RightEager(1); // A -> B
        state.Reduce(); // B has a head: popped
        state.RightEager(2); // A -> C
        Assert.Equal(2, state.RightMost[0]);
        state.LeftEager(3); // C <- D
        Assert.Equal(3, state.Heads[2]);
        Assert.Equal(3, state.Labels[2]);
        Assert.Equal(1, state.RightMost[0]);
        Assert.Equal(ParserState.None, state.RightSecond[0]);
        Assert.Equal(1, state.RightValency[0]);
        Assert.Equal(1UL << 1, state.RightLabels[0]);
        Assert.Equal(2, state.LeftMost[3]);
    }

    [Fact]
    public void Reduce_HeadlessS0_PutBackInFrontOfTheBuffer()
    {
        var state = new ParserState();
        state.Reset(4);
        state.Shift();
        state.Shift();
        state.Shift(); // stack A B C, buffer D
        state.Reduce(); // C: unshifted
        state.Reduce(); // B: unshifted
        Assert.Equal(1, state.Depth);
        Assert.Equal(1, state.Buffer);
        Assert.Equal([1, 2, 3, 4, ParserState.None], Enumerable.Range(0, 5).Select(state.BufferAt).ToArray());
        Assert.True(state.Unshifted[1] && state.Unshifted[2] && !state.Unshifted[3]);
        state.Shift(); // only from an empty stack in the parser; the state itself takes it from the front
        Assert.Equal(1, state.Stack(0));
        Assert.Equal(2, state.Buffer);
    }
}
