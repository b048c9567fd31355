using Tacitus.Syntax;
using Xunit;

namespace Tacitus.Tests.Syntax;

public sealed class SyntaxPhaseClockTests
{
    [Fact]
    public void Laps_EachPhase_AddsTheTimeSinceTheLastMark()
    {
        long now = 100;
        var clock = new SyntaxPhaseClock(() => now);
        clock.Start();
        now = 130;
        clock.TaggerDone();
        now = 200;
        clock.ParserDone();
        now = 205;
        clock.LayerDone();
        clock.Start();
        now = 215;
        clock.TaggerDone();

        Assert.Equal((40L, 70L, 5L), (clock.Tagger, clock.Parser, clock.Layer));
        clock.Reset();
        Assert.Equal((0L, 0L, 0L), (clock.Tagger, clock.Parser, clock.Layer));
    }
}
