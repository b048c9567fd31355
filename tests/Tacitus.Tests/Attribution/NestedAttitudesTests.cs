using Tacitus.Tests.Events;

namespace Tacitus.Tests.Attributions;

public sealed class NestedAttitudesTests
{
    [Theory]
    // an attitude inside someone's statement is part of it
    [InlineData("Senator Lee says she wants to run again next year.", "says", "wants")]
    [InlineData("The mayor said the survey showed broad support for the plan.", "said", "showed")]
    public void Process_AttitudeInsideStatement_Dropped(string text, string kept, string dropped)
    {
        var document = DocumentBuilder.With(text).Analyse();

        Assert.Contains(document.Attributions, a => document.Slice(a.Cue).ToString() == kept);
        Assert.DoesNotContain(document.Attributions, a => document.Slice(a.Cue).ToString() == dropped);
    }

    [Theory]
    // a trailing report frames the statement before it; an attitude on its own stays
    [InlineData("The envoy met the king at noon, discussing trade, the agency reported.", "reported")]
    [InlineData("Most residents want the old bridge rebuilt.", "want")]
    public void Process_AttitudeNotNested_Kept(string text, string cue)
    {
        var document = DocumentBuilder.With(text).Analyse();

        Assert.Contains(document.Attributions, a => document.Slice(a.Cue).ToString() == cue);
    }
}
