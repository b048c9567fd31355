using Tacitus.Documents;
using Tacitus.Knowledge;

namespace Tacitus.Tests.Knowledge;

public sealed class PetrarchDictionaryReaderTests
{
    private static readonly string[] Actors =
    [
        "# a small actors file in the PETRARCH format",
        "RURITANIA_  [RUR]",
        "+RURITANIAN_",
        "ANNA_VOLKOVA_  # a made-up minister",
        "+MINISTER_ANNA_VOLKOVA_",
        "\t[RURGOV 20150101-20191231]",
        "\t[RURELI]",
        "GREEN_LANTERN_SOCIETY_ [NGOENV]",
        "BROKEN_ENTRY_ [RURGOV 2015-",
        "+ORPHAN_SYNONYM",
    ];

    [Fact]
    public void ReadActors_SmallFile_ReadsRootsSynonymsAndDatedCodes()
    {
        var errors = new List<TacitusError>();
        var actors = PetrarchDictionaryReader.ReadActors(Actors, "test.actors", errors);
        var anna = Assert.Single(actors, a => a.Phrase == "ANNA_VOLKOVA_");
        Assert.Equal(["MINISTER_ANNA_VOLKOVA_"], anna.Synonyms);
        Assert.Equal(2, anna.Codes.Count);
        Assert.Equal(new DateOnly(2015, 1, 1), anna.Codes[0].From);
        Assert.Equal(new DateOnly(2019, 12, 31), anna.Codes[0].To);
        Assert.False(anna.Codes[1].Dated);
        Assert.Equal(4, anna.Line);
    }

    [Fact]
    public void ReadActors_BadCode_ReportsFileAndLineAndGoesOn()
    {
        var errors = new List<TacitusError>();
        var actors = PetrarchDictionaryReader.ReadActors(Actors, "test.actors", errors);
        var error = Assert.Single(errors);
        Assert.Equal("TAC301", error.Code);
        Assert.Equal("test.actors", error.File);
        Assert.Equal("line 9", error.Record);
        Assert.Contains(actors, a => a.Phrase == "GREEN_LANTERN_SOCIETY_");
    }

    [Theory]
    [InlineData("CHNGOV >20121115", "CHNGOV", 2012, 9999)]
    [InlineData("KORGOV 070501-080731", "KORGOV", 2007, 2008)]
    [InlineData("USAELI <20030431", "USAELI", 1, 2003)]
    public void ParseCode_DateForms_GiveRange(string text, string code, int fromYear, int toYear)
    {
        var parsed = PetrarchDictionaryReader.ParseCode(text);
        Assert.True(parsed.Success, parsed.Error);
        Assert.Equal(code, parsed.Value.Code);
        Assert.Equal(fromYear, parsed.Value.From.Year);
        Assert.Equal(toYear, parsed.Value.To.Year);
    }

    [Fact]
    public void ReadAgents_SubstitutionSetsAndPlurals_Expand()
    {
        string[] lines =
        [
            "!PERSON! = MAN, WOMAN",
            "HARBOR!PERSON! [~LAB]",
            "COAST_GUARD {} [~MIL]",
            "FERRYMAN {FERRYMEN} [~BUS]",
            "NO_CODE_HERE",
        ];
        var errors = new List<TacitusError>();
        var agents = PetrarchDictionaryReader.ReadAgents(lines, "test.agents", errors);
        Assert.Equal(["HARBORMAN", "HARBORWOMAN", "COAST_GUARD", "FERRYMAN"], agents.Select(a => a.Phrase));
        Assert.Equal("", agents[2].Plural);
        Assert.Equal("FERRYMEN", agents[3].Plural);
        Assert.Single(errors);
    }
}
