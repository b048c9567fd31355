using Tacitus.Domain;
using Tacitus.Events;

namespace Tacitus.Tests.Events;

public sealed class EventPatternsTests
{
    [Theory]
    [InlineData("0841", "RETREAT", "release")]
    [InlineData("043", "CONSULT", "visit")]
    [InlineData("1123", "ACCUSE", "allege")]
    [InlineData("172", "COERCE", "restrict")]
    [InlineData("163", "SANCTION", "discontinue")] // corrected by the PLOVER manual (data/events/cameo-plover-corrections.txt); the table says COERCE
    [InlineData("1631", "SANCTION", "discontinue")] // a child of a corrected code falls back to the correction
    [InlineData("0429", "CONSULT", null)] // unknown four-digit code falls back to its three-digit parent (042 → visit) or root
    public void Map_CameoCode_GivesPloverTypeAndMode(string code, string type, string? mode)
    {
        var m = CameoPloverTable.Shipped.Map(CameoCode.From(code));

        Assert.NotNull(m);
        Assert.Equal(type, m.Type.ToCode());
        if (code != "0429")
        {
            Assert.Equal(mode, m.Mode);
        }
    }

    [Fact]
    public void Score_TypeAndMode_FromManualTable()
    {
        Assert.Equal(4.0, CameoPloverTable.Shipped.Score(PloverType.Consult, "visit"));
        Assert.Equal(2.5, CameoPloverTable.Shipped.Score(PloverType.Consult, "no-such-mode"));
    }

    [Fact]
    public void Read_UserFile_BadLinesBecomeErrorsGoodLinesLoad()
    {
        var tsv = "# mine\nmy.snub\tsnub {R}\t125\t\t\treq\t0.7\nbad.slot\tsnub {X}\t125\nbad.code\tsnub\t9x\n";
        var (patterns, errors) = EventPatterns.Read(new StringReader(tsv), "mine.tsv", CameoPloverTable.Shipped);

        var p = Assert.Single(patterns);
        Assert.Equal(PloverType.Reject, p.Type);
        Assert.Equal("meet", p.Mode);
        Assert.True(p.Has(PatternFlags.RequiresRecipient));
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("TAC301", e.Code));
        Assert.Equal("line 3", errors[0].Record);
    }

    [Fact]
    public void Matches_UserPatternInFront_CodesNewVerb()
    {
        var (user, _) = EventPatterns.Read(new StringReader("my.snub\tsnub {R}\t125\n"), "mine.tsv", CameoPloverTable.Shipped);
        var coder = new EventCoder(EventPatterns.From([.. user, .. EventPatterns.Shipped.All]));
        var document = DocumentBuilder.With("Egypt snubbed Kenya.").Country("Egypt", "EGY").Country("Kenya", "KEN").Analyse(coder);

        var e = Assert.Single(document.Events);
        Assert.Equal(PloverType.Reject, e.Event);
        Assert.Contains("my.snub", e.Explanation["event"], StringComparison.Ordinal);
    }
}
