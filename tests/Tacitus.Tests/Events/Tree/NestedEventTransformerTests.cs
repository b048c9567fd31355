using Tacitus.Documents;
using Tacitus.Events.Tree;
using Tacitus.Knowledge;

namespace Tacitus.Tests.Events.Tree;

/// <summary>PETRARCH transformations of nested events, over hand-written parses and a hand-written dictionary.</summary>
public sealed class NestedEventTransformerTests
{
    private static readonly DateOnly Date = new(2020, 6, 1);

    /// <summary>A dictionary of its own: DECLARE (a 01 statement), SHELL (190), POISON (186), TRY (no code), HOPE (030, a state of mind: no record of its own), MEET (040).</summary>
    private static readonly string[] Verbs =
    [
        "--- DECLARE [010] ---",
        "DECLARE",
        "--- STRIKE [190] ---",
        "SHELL",
        "--- KILL [186] ---",
        "POISON",
        "--- TRY [---] ---",
        "TRY",
        "--- WISH [030] ---",
        "HOPE",
        "--- MEET [040] ---",
        "MEET",
        "~ a (a b SHELL) DECLARE = a b 015",
        "~ a (b . SHELL) DECLARE = a b 112",
        "~ a (a b Q) DECLARE = a b Q",
        "~ a (_ b SHELL) HOPE = a b 138",
        "~ a (_ b POISON) TRY = a b 185",
    ];

    private static readonly string[] Actors = ["RURITANIA [RUR]", "FREEDONIA [FRE]", "GRAND_FENWICK [GFW]"];

    private static TreeEventCoder Coder(bool transformations = true)
    {
        var errors = new List<TacitusError>();
        var verbs = PetrarchDictionaryReader.ReadVerbs(Verbs, "test.verbs", errors);
        var codebook = new PetrarchCodebook(PetrarchDictionaryReader.ReadActors(Actors, "test.actors", errors), PetrarchDictionaryReader.ReadAgents([], "test.agents", errors));
        var transformer = transformations ? NestedEventTransformer.Resolve(verbs, errors) : null;
        Assert.Empty(errors);
        return new TreeEventCoder(verbs, codebook, [], transformer: transformer);
    }

    /// <summary>A document from rows "form lemma UPOS head relation" (1-based heads, 0 for the root), rows split on '|'.</summary>
    private static Document Parse(string rows) => TreeEventCoderTests.Parse([.. rows.Split('|').Select(r => r.Trim())]);

    private static string Code(string rows, bool transformations = true)
    {
        var doc = Parse(rows);
        return string.Join("; ", Coder(transformations).Code(doc, doc.Sentences[0], Date).Select(e => $"{e.Cameo} {e.Source.Code} {e.Target?.Code ?? "---"}"));
    }

    private const string ClaimsOwnShelling = "Ruritania Ruritania PROPN 2 nsubj | declared declare VERB 0 root | it it PRON 4 nsubj | shelled shell VERB 2 ccomp | Freedonia Freedonia PROPN 4 obj";
    private const string ReportsOthersShelling = "Ruritania Ruritania PROPN 2 nsubj | declared declare VERB 0 root | Grand Grand PROPN 4 compound | Fenwick Fenwick PROPN 5 nsubj | shelled shell VERB 2 ccomp | Freedonia Freedonia PROPN 5 obj";
    private const string ClaimsOwnMeeting = "Ruritania Ruritania PROPN 2 nsubj | declared declare VERB 0 root | it it PRON 4 nsubj | met meet VERB 2 ccomp | Freedonia Freedonia PROPN 4 obj";
    private const string HopesToShell = "Ruritania Ruritania PROPN 2 nsubj | hopes hope VERB 0 root | to to PART 4 mark | shell shell VERB 2 xcomp | Freedonia Freedonia PROPN 4 obj";
    private const string TriesToPoison = "Grand Grand PROPN 2 compound | Fenwick Fenwick PROPN 3 nsubj | tried try VERB 0 root | to to PART 5 mark | poison poison VERB 3 xcomp | Freedonia Freedonia PROPN 5 obj";
    private const string ReportsOthersMeeting = "Ruritania Ruritania PROPN 2 nsubj | declared declare VERB 0 root | Grand Grand PROPN 4 compound | Fenwick Fenwick PROPN 5 nsubj | met meet VERB 2 ccomp | Freedonia Freedonia PROPN 5 obj";

    [Theory]
    [InlineData(ClaimsOwnShelling, "015 RUR FRE", "190 RUR FRE")] // a (a b SHELL): the same actor on both levels
    [InlineData(ReportsOthersShelling, "112 RUR GFW", "010 RUR GFW; 190 GFW FRE")] // a (b . SHELL): '.' any target, the declaration's own record goes
    [InlineData(ClaimsOwnMeeting, "040 RUR FRE", "040 RUR FRE")] // a (a b Q) = a b Q: the inner code comes out
    [InlineData(HopesToShell, "138 RUR FRE", "190 RUR FRE")] // a (_ b SHELL): an open clause has no subject of its own
    [InlineData(TriesToPoison, "185 GFW FRE", "186 GFW FRE")] // TRY has no code: matched by its word
    [InlineData(ReportsOthersMeeting, "010 RUR GFW; 040 GFW FRE", "010 RUR GFW; 040 GFW FRE")] // no rule: as without transformations
    public void Code_NestedEvent_FirstMatchingTransformation(string rows, string expected, string without)
    {
        Assert.Equal(expected, Code(rows));
        Assert.Equal(without, Code(rows, transformations: false));
    }

    [Theory]
    [InlineData("DECLARE", true)] // a rule's outer verb, by its code (010)
    [InlineData("HOPE", true)] // by its code (030)
    [InlineData("TRY", true)] // no code: by its word
    [InlineData("MEET", false)] // 040: no rule's outer verb
    [InlineData("SHELL", false)] // only ever an inner verb
    public void Governs_VerbEntries_WhetherAnyRuleOuterVerbFits(string verb, bool expected)
    {
        var errors = new List<TacitusError>();
        var verbs = PetrarchDictionaryReader.ReadVerbs(Verbs, "test.verbs", errors);
        var transformer = NestedEventTransformer.Resolve(verbs, errors);
        Assert.Empty(errors);
        Assert.Equal(expected, transformer.Governs(verbs.Verbs[verb]));
    }

    [Fact]
    public void Code_Transformed_NamesTheRuleFileAndLine()
    {
        var doc = Parse(ReportsOthersShelling);
        var made = Assert.Single(Coder().Code(doc, doc.Sentences[0], Date));
        Assert.Equal("~ a (b . SHELL) DECLARE = a b 112 (test.verbs line 14)", made.Transformation);
        Assert.Equal(1, made.Verb); // the act is the declaration
    }

    [Theory]
    [InlineData("012", "010", true)]
    [InlineData("0123", "010", true)]
    [InlineData("193", "190", true)]
    [InlineData("1823", "190", false)]
    [InlineData("186", "186", true)]
    [InlineData("185", "186", false)]
    [InlineData("100", "040", false)]
    public void Under_CodeAndRuleCode_FamilyMatch(string code, string rule, bool expected) =>
        Assert.Equal(expected, NestedEventTransformer.Under(code, rule));

    [Fact]
    public void Resolve_RuleNamingAnUnknownVerb_Tac302WithFileAndLineOthersKept()
    {
        var errors = new List<TacitusError>();
        var verbs = PetrarchDictionaryReader.ReadVerbs([.. Verbs, "~ a (b . BOMB) DECLARE = a b 112"], "user.verbs", errors);
        Assert.Empty(errors);

        var transformer = NestedEventTransformer.Resolve(verbs, errors);

        var error = Assert.Single(errors);
        Assert.Equal(("TAC302", "user.verbs", "line 18"), (error.Code, error.File, error.Record));
        Assert.Contains("BOMB", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, transformer.Count);
    }
}
