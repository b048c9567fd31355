using Tacitus.Documents;
using Tacitus.Knowledge;

namespace Tacitus.Tests.Knowledge;

public sealed class PetrarchVerbReaderTests
{
    private static readonly string[] Verbs =
    [
        "# a small verb dictionary in the PETRARCH-2 format",
        "&TREATY_",
        "+PACT",
        "+TRADE ACCORD",
        "&DEALS",
        "+&TREATY",
        "+CHARTER_",
        "",
        "--- PLEDGE  [030] ---",
        "PLEDGE",
        "VOW {VOWS VOWED VOWING} [031]",
        "+HAND_OVER {+HANDED_OVER +HANDS_OVER}",
        "WIRE_+TAP",
        "- * &TREATY  [057]  # a treaty pledged",
        "- $ * (TO +) {FULL SUPPORT} [032:033]",
        "- % * [036]",
        "- * TALKS [+++]",
        "- NO VERB HERE [040]",
        "SAY [---]",
        "~ a (b . ATTACK) SAY = a b 112",
    ];

    private static (PetrarchVerbDictionary Dictionary, List<TacitusError> Errors) Read()
    {
        var errors = new List<TacitusError>();
        return (PetrarchDictionaryReader.ReadVerbs(Verbs, "test.verbs", errors), errors);
    }

    [Fact]
    public void ReadVerbs_Block_ReadsNameCodePatternsAndTransformations()
    {
        var (dictionary, _) = Read();
        var block = Assert.Single(dictionary.Blocks);
        Assert.Equal("PLEDGE", block.Name);
        Assert.Equal("030", block.Code.Code);
        Assert.Equal(3, block.Patterns.Count);
        Assert.Single(dictionary.Transformations);
    }

    [Theory]
    [InlineData("~ a (b . STRIKE) DECLARE = a b 112", "a (b . STRIKE) DECLARE = a b 112")]
    [InlineData("~ a (_ b POISON) TRY = a b 185", "a (_ b POISON) TRY = a b 185")]
    [InlineData("~ a (a b Q) DECLARE = a b Q", "a (a b Q) DECLARE = a b Q")]
    [InlineData("~ ab ( cd . STRIKE ) HOPE = ab cd 0231", "ab (cd . STRIKE) HOPE = ab cd 0231")]
    [InlineData("~ a (b . STRIKE) DECLARE a b 112", "without one '='")]
    [InlineData("~ a (b (c d STRIKE) DECLARE) BLAME = a b 112", "nested deeper than one clause")]
    [InlineData("~ a b . STRIKE DECLARE = a b 112", "not of the form")]
    [InlineData("~ a (b . STRIKE) DECLARE = a b", "not of the form")]
    [InlineData("~ A (b . STRIKE) DECLARE = a b 112", "outer source 'A' is not a variable")]
    [InlineData("~ a (b * STRIKE) DECLARE = a b 112", "actor slot '*'")]
    [InlineData("~ a (b . strike) DECLARE = a b 112", "verb 'strike'")]
    [InlineData("~ a (b . WILL_STRIKE) DECLARE = a b 138", "joined from several verbs")]
    [InlineData("~ a (b . STRIKE) Q = a b 112", "outer verb is Q")]
    [InlineData("~ a (b . STRIKE) DECLARE = a c 112", "variable the left side does not bind")]
    [InlineData("~ a (b . STRIKE) DECLARE = a b Q", "result code 'Q'")]
    [InlineData("~ a (b . STRIKE) DECLARE = a b 1x2", "result code '1x2'")]
    public void ReadVerbs_TransformationLine_ReadIntoItsPartsOrTac302(string line, string expected)
    {
        var errors = new List<TacitusError>();
        var dictionary = PetrarchDictionaryReader.ReadVerbs(["--- DECLARE [010] ---", "DECLARE", line, "~ a (a b Q) DECLARE = a b Q"], "user.verbs", errors);

        if (errors.Count == 0)
        {
            var t = dictionary.Transformations[0];
            Assert.Equal(expected, $"{t.OuterSource} ({t.InnerSource} {t.InnerTarget} {t.InnerVerb}) {t.OuterVerb} = {t.ResultSource} {t.ResultTarget} {t.ResultCode}");
            Assert.Equal(("user.verbs", 3), (t.File, t.Line));
        }
        else
        {
            var error = Assert.Single(errors);
            Assert.Equal(("TAC302", "user.verbs", "line 3"), (error.Code, error.File, error.Record));
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
            Assert.Equal(4, Assert.Single(dictionary.Transformations).Line); // the rest loads
        }
    }

    [Theory]
    [InlineData("PLEDGE", "PLEDGE", "", "")]
    [InlineData("PLEDGED", "PLEDGE", "", "")]
    [InlineData("PLEDGING", "PLEDGE", "", "")]
    [InlineData("VOWED", "VOW", "", "")]
    [InlineData("HANDED", "HAND", "", "OVER")]
    [InlineData("TAP", "TAP", "WIRE", "")]
    public void ReadVerbs_VerbForms_IndexedWithLemmaAndParticles(string form, string lemma, string before, string after)
    {
        var (dictionary, _) = Read();
        var verb = Assert.Single(dictionary.Verbs[form]);
        Assert.Equal(lemma, verb.Lemma);
        Assert.Equal(before, string.Join('_', verb.Before));
        Assert.Equal(after, string.Join('_', verb.After));
    }

    [Fact]
    public void ReadVerbs_IrregularForms_ReplaceRegularOnes()
    {
        var (dictionary, _) = Read();
        Assert.False(dictionary.Verbs.ContainsKey("VOWES"));
        Assert.Equal("031", dictionary.Verbs["VOWS"][0].Code?.Code);
    }

    [Fact]
    public void ReadVerbs_NullCode_KeptAsNull()
    {
        var (dictionary, _) = Read();
        Assert.True(dictionary.Verbs["SAY"][0].Code?.IsNull);
    }

    [Fact]
    public void ReadVerbs_PatternElements_ReadInOrderAroundTheVerb()
    {
        var (dictionary, _) = Read();
        var pattern = dictionary.Blocks[0].Patterns[1];
        Assert.Equal([PetrarchElementKind.Source], pattern.Before.Select(e => e.Kind));
        Assert.Equal([PetrarchElementKind.Preposition, PetrarchElementKind.Words], pattern.After.Select(e => e.Kind));
        Assert.Equal("TO", pattern.After[0].Words[0]);
        Assert.Equal(PetrarchElementKind.Target, pattern.After[0].Inner[0].Kind);
        Assert.Equal(["FULL", "SUPPORT"], pattern.After[1].Words);
        Assert.Equal("032", pattern.Code.Code);
        Assert.Equal("033", pattern.Code.Reverse);
    }

    [Fact]
    public void ReadVerbs_NestedSynsets_ExpandToMembers()
    {
        var (dictionary, _) = Read();
        var members = dictionary.Members("DEALS").Select(m => string.Join(' ', m)).ToList();
        Assert.Equal(["PACT", "TRADE ACCORD", "CHARTER_"], members);
    }

    [Fact]
    public void ReadVerbs_BadLines_ReportFileAndLineAndTheRestLoads()
    {
        var (dictionary, errors) = Read();
        Assert.Equal(["line 17", "line 18"], errors.Select(e => e.Record));
        Assert.All(errors, e => Assert.Equal("TAC302", e.Code));
        Assert.All(errors, e => Assert.Equal("test.verbs", e.File));
        Assert.True(dictionary.Verbs.ContainsKey("SAY"));
    }

    [Theory]
    [InlineData("050", "050", null)]
    [InlineData("042:043", "042", "043")]
    [InlineData("---", "---", null)]
    [InlineData("102b", "102b", null)]
    public void ParseEventCode_Valid_ReadsCodeAndReverse(string text, string code, string? reverse)
    {
        var parsed = PetrarchDictionaryReader.ParseEventCode(text);
        Assert.Equal(code, parsed?.Code);
        Assert.Equal(reverse, parsed?.Reverse);
    }

    [Theory]
    [InlineData("+++")]
    [InlineData("xxy")]
    [InlineData("1:2:3")]
    public void ParseEventCode_Invalid_IsNull(string text) => Assert.Null(PetrarchDictionaryReader.ParseEventCode(text));

    [Fact]
    public void ReadDiscards_PlusLines_AreStoryLevel()
    {
        var errors = new List<TacitusError>();
        var discards = PetrarchDictionaryReader.ReadDiscards(["# discards", "+Quidditch_World_Cup  # sport", "YEARS LATER", "[040]"], "test.discards", errors);
        Assert.Equal([("QUIDDITCH WORLD CUP", true), ("YEARS LATER", false)], discards.Select(d => (d.Phrase, d.Story)));
        Assert.Equal("line 4", Assert.Single(errors).Record);
    }

    [Fact]
    public void ReadNegations_OntologyLine_MapsNegatedCodeToOther()
    {
        var errors = new List<TacitusError>();
        var negations = PetrarchDictionaryReader.ReadNegations(["# PICO", "050:0x0080#DiplomaticCoop", "110:0x1007f#0xFFFF+0x0080#0x7000#Disapprove", "120:-0xFFFF#Reject"], "test.pico", errors);
        Assert.Equal("050", negations["110"]);
        Assert.Single(negations);
        Assert.Empty(errors);
    }

    [Fact]
    public void ReadAgents_CodeBeforeTilde_IsPrefix()
    {
        var errors = new List<TacitusError>();
        var agents = PetrarchDictionaryReader.ReadAgents(["RELIEF_CHARITY  [NGO~]", "LAWMAKER  [~LEG]", "<!-- a comment line -->"], "test.agents", errors);
        Assert.Equal([("NGO", true), ("LEG", false)], agents.Select(a => (a.Code, a.Prefix)));
        Assert.Empty(errors);
    }

    [Fact]
    public void ReadIssues_Blocks_ReadCategoryWordsCodesAndExclusions()
    {
        var errors = new List<TacitusError>();
        string[] lines = ["# issues", "<ISSUE CATEGORY=\"SCHOOLING\" TYPE=\"ALL\">", "pre+n:school [EARLY_SCHOOLING]", "~a head start", "n:tutor", "</ISSUE>", "stray [X]"];
        var issues = PetrarchDictionaryReader.ReadIssues(lines, "test.issues", errors);
        Assert.Equal(2, issues.Count);
        var first = issues[0];
        Assert.Equal(("SCHOOLING", "EARLY_SCHOOLING", false), (first.Category, first.Code, first.Exclusion));
        Assert.Equal(["PRE SCHOOL", "PRE-SCHOOL", "PRESCHOOL"], first.Words[0].Spellings);
        Assert.True(first.Words[0].Noun);
        Assert.True(issues[1].Exclusion);
        Assert.Equal(["line 5", "line 7"], errors.Select(e => e.Record));
    }
}
