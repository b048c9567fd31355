using Tacitus.Domain;
using Tacitus.Events;
using Tacitus.Knowledge;

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
    public void Read_ShippedFile_EveryRowGivesReason()
    {
        using var stream = DataFile.Assembly.GetManifestResourceStream(DataFile.ResourceName("events", "patterns.tsv"));
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);

        var (patterns, errors) = EventPatterns.Read(reader, "data/events/patterns.tsv", CameoPloverTable.Shipped, requireNotes: true);

        Assert.Empty(errors);
        Assert.Equal(EventPatterns.Shipped.All.Count, patterns.Count);
        Assert.All(patterns, p => Assert.False(string.IsNullOrWhiteSpace(p.Notes), p.Id));
    }

    [Theory]
    [InlineData("my.snub\tsnub {R}\t125")] // no notes column
    [InlineData("my.snub\tsnub {R}\t125\t\t\treq\t0.7\t")] // empty notes
    [InlineData("my.snub\tsnub {R}\t125\t\t\treq\t0.7\t   ")] // blank notes
    public void Read_RequiredNotesMissing_RowIsErrorOthersLoad(string row)
    {
        var tsv = "good.snub\tsnub {R}\t125\t\t\treq\t0.7\tsnub: CAMEO 125 reject a meeting\n" + row + "\n";

        var (patterns, errors) = EventPatterns.Read(new StringReader(tsv), "shipped.tsv", CameoPloverTable.Shipped, requireNotes: true);

        Assert.Equal("good.snub", Assert.Single(patterns).Id);
        var error = Assert.Single(errors);
        Assert.Equal("TAC301", error.Code);
        Assert.Equal("line 2", error.Record);
        Assert.Contains("my.snub", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my.snub\tsnub {R}\t125", null)]
    [InlineData("my.snub\tsnub {R}\t125\t\t\treq\t0.7\t", null)]
    [InlineData("my.snub\tsnub {R}\t125\t\t\treq\t0.7\t snub: declines to meet ", "snub: declines to meet")]
    public void Read_UserRowNotes_OptionalAndTrimmed(string row, string? notes)
    {
        var (patterns, errors) = EventPatterns.Read(new StringReader(row + "\n"), "mine.tsv", CameoPloverTable.Shipped);

        Assert.Empty(errors);
        Assert.Equal(notes, Assert.Single(patterns).Notes);
    }

    [Fact]
    public void Matches_UserPatternInFront_CodesNewVerb()
    {
        var (user, _) = EventPatterns.Read(new StringReader("my.snub\tsnub {R}\t125\n"), "mine.tsv", CameoPloverTable.Shipped);
        var patterns = EventPatterns.From([.. user, .. EventPatterns.Shipped.All]);
        var document = DocumentBuilder.With("Egypt snubbed Kenya.").Country("Egypt", "EGY").Country("Kenya", "KEN").Analyse(patterns);

        var e = Assert.Single(document.Events);
        Assert.Equal(PloverType.Reject, e.Event);
        Assert.Contains("my.snub", e.Explanation["event"], StringComparison.Ordinal);
    }
}
