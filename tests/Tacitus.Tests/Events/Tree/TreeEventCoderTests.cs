using Tacitus.Documents;
using Tacitus.Events.Tree;
using Tacitus.Knowledge;
using Tacitus.Syntax.Conllu;

namespace Tacitus.Tests.Events.Tree;

/// <summary>The tree coder over hand-written parses of fictional sentences, one construct per case.</summary>
public sealed class TreeEventCoderTests
{
    private static readonly DateOnly Date = new(2020, 6, 1);

    private static readonly string[] Verbs =
    [
        "&TREATY",
        "+PACT",
        "+ACCORD",
        "--- CONDEMN [111] ---",
        "CONDEMN",
        "--- SIGN [057] ---",
        "SIGN",
        "- * &TREATY [0571]",
        "- * {NEW &TREATY} [0572]",
        "--- ARRIVE [042:043] ---",
        "ARRIVE",
        "--- SAY [---] ---",
        "SAY",
        "--- THREATEN [130] ---",
        "THREATEN",
        "--- DEMONSTRATE [141] ---",
        "DEMONSTRATE",
        "- * IN PROTEST [1411]",
        "--- ASSEMBLE [040] ---",
        "JOIN",
        "- * + IN TALKS [046]",
        "- * WITH + [045]",
        "--- MEET [040] ---",
        "MEET",
        "- % * [046]",
    ];

    private static readonly string[] Actors = ["RURITANIA [RUR]", "+RURITANIAN", "FREEDONIA [FRE]", "GRAND_FENWICK [GFW]", "OLD_KING_ALBRECHT [RURGOV < 20100101]", "\t[RURELI >20100101]"];

    private static readonly string[] Agents = ["MINISTER [~GOV]", "GOVERNMENT [~GOV]", "RELIEF_CHARITY [NGO~]"];

    private static TreeEventCoder Coder(IReadOnlyDictionary<string, string>? negations = null, string[]? discards = null, string[]? actors = null, Func<string, bool>? standsAlone = null, IReadOnlySet<string>? broadVerbs = null)
    {
        var errors = new List<TacitusError>();
        var verbs = PetrarchDictionaryReader.ReadVerbs(Verbs, "test.verbs", errors);
        var codebook = new PetrarchCodebook(PetrarchDictionaryReader.ReadActors([.. Actors, .. actors ?? []], "test.actors", errors), PetrarchDictionaryReader.ReadAgents(Agents, "test.agents", errors));
        Assert.Empty(errors);
        return new TreeEventCoder(verbs, codebook, PetrarchDictionaryReader.ReadDiscards(discards ?? [], "test.discards", errors), negations, standsAlone: standsAlone, broadVerbs: broadVerbs);
    }

    /// <summary>A document from rows "form lemma UPOS head relation" (1-based heads, 0 for the root).</summary>
    internal static Document Parse(params string[] rows)
    {
        var lines = rows.Select((r, i) =>
        {
            var c = r.Split(' ');
            return $"{i + 1}\t{c[0]}\t{c[1]}\t{c[2]}\t_\t_\t{c[3]}\t{c[4]}\t_\t_";
        });
        var problems = new List<TacitusError>();
        var sentence = ConlluReader.Read(new StringReader(string.Join('\n', lines) + "\n\n"), "test.conllu", problems).Single();
        Assert.Empty(problems);
        return ConlluDocumentBuilder.Build(sentence, null);
    }

    private static List<string> Code(Document document, TreeEventCoder? coder = null, DateOnly? date = null) =>
        (coder ?? Coder()).Code(document, document.Sentences[0], date ?? Date).Select(e => $"{e.Cameo} {e.Source.Code} {e.Target?.Code ?? "---"}").ToList();

    [Fact]
    public void Code_ActiveVerb_SubjectToObject()
    {
        var doc = Parse("Ruritania Ruritania PROPN 2 nsubj", "condemned condemn VERB 0 root", "Freedonia Freedonia PROPN 2 obj", ". . PUNCT 2 punct");
        Assert.Equal(["111 RUR FRE"], Code(doc));
    }

    [Fact]
    public void Code_Passive_ByPhraseIsSource()
    {
        var doc = Parse("Freedonia Freedonia PROPN 3 nsubj:pass", "was be AUX 3 aux:pass", "condemned condemn VERB 0 root", "by by ADP 5 case", "Ruritania Ruritania PROPN 3 obl:agent");
        Assert.Equal(["111 RUR FRE"], Code(doc));
    }

    [Fact]
    public void Code_CoordinatedSubject_OneRecordPerActorPair()
    {
        var doc = Parse("Ruritania Ruritania PROPN 5 nsubj", "and and CCONJ 4 cc", "Grand Grand PROPN 4 compound", "Fenwick Fenwick PROPN 1 conj", "condemned condemn VERB 0 root", "Freedonia Freedonia PROPN 5 obj");
        Assert.Equal(["111 RUR FRE", "111 GFW FRE"], Code(doc));
    }

    [Fact]
    public void Code_PairedCode_BothDirections()
    {
        var doc = Parse("The the DET 3 det", "Ruritanian Ruritanian ADJ 3 amod", "minister minister NOUN 4 nsubj", "arrived arrive VERB 0 root", "in in ADP 6 case", "Freedonia Freedonia PROPN 4 obl");
        Assert.Equal(["042 RURGOV FRE", "043 FRE RURGOV"], Code(doc));
    }

    [Fact]
    public void Code_PatternWithSynset_TakesThePatternCode()
    {
        var doc = Parse("Ruritania Ruritania PROPN 2 nsubj", "signed sign VERB 0 root", "a a DET 4 det", "pact pact NOUN 2 obj", "with with ADP 6 case", "Freedonia Freedonia PROPN 4 nmod");
        Assert.Equal(["0571 RUR FRE"], Code(doc));
    }

    [Fact]
    public void Code_CompoundPattern_RunsBothWaysBetweenMembers()
    {
        var doc = Parse("Ruritania Ruritania PROPN 4 nsubj", "and and CCONJ 3 cc", "Freedonia Freedonia PROPN 1 conj", "met meet VERB 0 root");
        Assert.Equal(["046 RUR FRE", "046 FRE RUR"], Code(doc));
    }

    [Fact]
    public void Code_NullCodedVerb_NoEvent()
    {
        var doc = Parse("Ruritania Ruritania PROPN 2 nsubj", "said say VERB 0 root", "Freedonia Freedonia PROPN 2 obj");
        Assert.Empty(Code(doc));
    }

    [Fact]
    public void Code_NoActorOnOneSide_NoEvent()
    {
        var doc = Parse("Critics critic NOUN 2 nsubj", "condemned condemn VERB 0 root", "Freedonia Freedonia PROPN 2 obj");
        Assert.Empty(Code(doc));
    }

    [Fact]
    public void Code_OpenClause_TakesGovernorSubject()
    {
        var doc = Parse("Ruritania Ruritania PROPN 2 nsubj", "refused refuse VERB 0 root", "to to PART 4 mark", "condemn condemn VERB 2 xcomp", "Freedonia Freedonia PROPN 4 obj");
        Assert.Equal(["111 RUR FRE"], Code(doc));
    }

    [Theory]
    [InlineData("14", "1411 RUR ---")]
    [InlineData("11", null)]
    public void Code_NoTarget_CodedOnlyWhenTheActStandsAloneAndAPatternSaysSo(string alone, string? expected)
    {
        string[] rows = ["Ruritanian Ruritanian ADJ 2 amod", "students student NOUN 3 nsubj", "demonstrated demonstrate VERB 0 root", "in in ADP 5 case", "protest protest NOUN 3 obl"];
        Func<string, bool> standsAlone = c => c.StartsWith(alone, StringComparison.Ordinal);
        Assert.Empty(Code(Parse(rows))); // PETRARCH's rule: no target, no event
        Assert.Equal(expected is null ? [] : [expected], Code(Parse(rows), Coder(standsAlone: standsAlone)));
        Assert.Empty(Code(Parse(rows[..3]), Coder(standsAlone: standsAlone))); // the bare verb's code is not enough
    }

    [Theory]
    [InlineData("Freedonia Freedonia PROPN 2 obj|in in ADP 5 case|talks talk NOUN 2 obl", "046 RUR FRE", "046 RUR FRE")]
    [InlineData("Freedonia Freedonia PROPN 2 obj", "040 RUR FRE", null)]
    [InlineData("with with ADP 4 case|Freedonia Freedonia PROPN 2 obl", "045 RUR FRE", null)]
    public void Code_BroadVerb_OnlyThroughAPatternOnContentWords(string rest, string plain, string? broad)
    {
        string[] rows = ["Ruritania Ruritania PROPN 2 nsubj", "joined join VERB 0 root", .. rest.Split('|')];
        Assert.Equal([plain], Code(Parse(rows)));
        Assert.Equal(broad is null ? [] : [broad], Code(Parse(rows), Coder(broadVerbs: new HashSet<string> { "join" })));
    }

    [Fact]
    public void Code_NoTarget_TakesTheTargetOfItsOpenClause()
    {
        string[] rows = ["Ruritania Ruritania PROPN 2 nsubj", "threatened threaten VERB 0 root", "to to PART 4 mark", "demonstrate demonstrate VERB 2 xcomp", "against against ADP 6 case", "Freedonia Freedonia PROPN 4 obl"];
        Assert.Equal(["141 RUR FRE"], Code(Parse(rows)));
        Assert.Equal(["130 RUR FRE"], Code(Parse(rows), Coder(standsAlone: _ => false)));
    }

    [Fact]
    public void Code_NegatedVerb_MarkedNegatedOrMappedByNegations()
    {
        string[] rows = ["Ruritania Ruritania PROPN 4 nsubj", "did do AUX 4 aux", "not not PART 4 advmod", "condemn condemn VERB 0 root", "Freedonia Freedonia PROPN 4 obj"];
        var doc = Parse(rows);
        var plain = Coder().Code(doc, doc.Sentences[0], Date);
        Assert.True(Assert.Single(plain).Modality.Negated);
        Assert.Equal(["050 RUR FRE"], Code(Parse(rows), Coder(new Dictionary<string, string> { ["111"] = "050" })));
    }

    [Theory]
    [InlineData(2005, "RURGOV")]
    [InlineData(2015, "RURELI")]
    public void Code_DatedActor_CodeInForceOnTheDate(int year, string expected)
    {
        var doc = Parse("Old Old PROPN 3 compound", "King King PROPN 3 compound", "Albrecht Albrecht PROPN 4 nsubj", "condemned condemn VERB 0 root", "Freedonia Freedonia PROPN 4 obj");
        Assert.Equal([$"111 {expected} FRE"], Code(doc, date: new DateOnly(year, 1, 1)));
    }

    [Fact]
    public void Code_AgentPrefixAndCoordinatedAgents_CombineWithTheActor()
    {
        var doc = Parse("Ruritanian Ruritanian ADJ 2 amod", "minister minister NOUN 5 nsubj", "and and CCONJ 4 cc", "government government NOUN 2 conj", "condemned condemn VERB 0 root", "Freedonia Freedonia PROPN 5 obj");
        Assert.Equal(["111 RURGOV FRE"], Code(doc));
    }

    [Fact]
    public void Code_DiscardPhrase_SentenceNotCoded()
    {
        var doc = Parse("Ruritania Ruritania PROPN 2 nsubj", "condemned condemn VERB 0 root", "Freedonia Freedonia PROPN 2 obj", "years year NOUN 5 obl:npmod", "later later ADV 2 advmod");
        Assert.Empty(Code(doc, Coder(discards: ["YEARS LATER"])));
    }

    [Fact]
    public void Code_ClausalComplement_ItsSubjectIsTheTarget()
    {
        var doc = Parse("Ruritania Ruritania PROPN 2 nsubj", "condemned condemn VERB 0 root", "that that SCONJ 5 mark", "Freedonia Freedonia PROPN 5 nsubj", "lied lie VERB 2 ccomp");
        Assert.Equal(["111 RUR FRE"], Code(doc));
    }

    [Theory]
    [InlineData("could could AUX 3 aux", "hedged")]
    [InlineData("will will AUX 3 aux", "future")]
    [InlineData("if if SCONJ 3 mark", "conditional")]
    [InlineData("never never ADV 3 advmod", "negated")]
    [InlineData("firmly firmly ADV 3 advmod", "asserted")]
    public void Code_VerbChild_GivesModality(string row, string expected)
    {
        var doc = Parse("Ruritania Ruritania PROPN 3 nsubj", row, "condemn condemn VERB 0 root", "Freedonia Freedonia PROPN 3 obj");
        var m = Assert.Single(Coder().Code(doc, doc.Sentences[0], Date)).Modality;
        var read = m.Negated ? "negated" : m.Hedged ? "hedged" : m.Future ? "future" : m.Conditional ? "conditional" : "asserted";
        Assert.Equal(expected, read);
    }

    [Fact]
    public void Code_PhraseWithModifierBetween_LongerPatternWins()
    {
        var doc = Parse("Ruritania Ruritania PROPN 2 nsubj", "signed sign VERB 0 root", "a a DET 6 det", "new new ADJ 6 amod", "bilateral bilateral ADJ 6 amod", "pact pact NOUN 2 obj", "with with ADP 8 case", "Freedonia Freedonia PROPN 6 nmod");
        Assert.Equal(["0572 RUR FRE"], Code(doc));
    }

    [Fact]
    public void Code_PlaceUnderAThing_NotAnActor()
    {
        var doc = Parse("Ruritania Ruritania PROPN 2 nsubj", "condemned condemn VERB 0 root", "a a DET 4 det", "curfew curfew NOUN 2 obj", "in in ADP 6 case", "Freedonia Freedonia PROPN 4 nmod");
        Assert.Empty(Code(doc));
    }

    [Fact]
    public void Code_PlaceUnderPeople_SaysWhoTheyAre()
    {
        var doc = Parse("The the DET 2 det", "minister minister NOUN 5 nsubj", "from from ADP 4 case", "Freedonia Freedonia PROPN 2 nmod", "condemned condemn VERB 0 root", "Ruritania Ruritania PROPN 5 obj");
        Assert.Equal(["111 FREGOV RUR"], Code(doc));
    }

    [Fact]
    public void Code_AgentWordUnderAThing_NotAnActor()
    {
        var doc = Parse("Ruritania Ruritania PROPN 2 nsubj", "condemned condemn VERB 0 root", "a a DET 5 det", "government government NOUN 5 compound", "offensive offensive NOUN 2 obj");
        Assert.Empty(Code(doc));
    }

    [Fact]
    public void Code_OwnerOfAThing_IsTheTarget()
    {
        var doc = Parse("Ruritania Ruritania PROPN 2 nsubj", "condemned condemn VERB 0 root", "a a DET 5 det", "Freedonian Freedonian ADJ 5 amod", "ultimatum ultimatum NOUN 2 obj");
        Assert.Equal(["111 RUR FRE"], Code(doc, Coder(actors: ["FREEDONIAN [FRE]"])));
    }

    [Theory]
    [InlineData("during")]
    [InlineData("despite")]
    public void Code_CircumstancePhrase_NotTheTarget(string preposition)
    {
        var doc = Parse("Ruritania Ruritania PROPN 2 nsubj", "condemned condemn VERB 0 root", $"{preposition} {preposition} ADP 4 case", "Freedonia Freedonia PROPN 2 obl");
        Assert.Empty(Code(doc));
    }

    [Fact]
    public void Code_RelativeClauseOfTheObject_NotPartOfItsActor()
    {
        var doc = Parse("Ruritania Ruritania PROPN 2 nsubj", "condemned condemn VERB 0 root", "the the DET 4 det", "decision decision NOUN 2 obj", "that that PRON 7 nsubj", "Freedonia Freedonia PROPN 7 obj", "angered anger VERB 4 acl:relcl");
        Assert.Empty(Code(doc));
    }

    [Theory]
    [InlineData("The the DET 2 det|report report NOUN 5 nsubj|by by ADP 4 case|Ruritania Ruritania PROPN 2 nmod|condemned condemn VERB 0 root|Freedonia Freedonia PROPN 5 obj", "")]
    [InlineData("Ruritania Ruritania PROPN 3 nmod:poss|'s 's PART 1 case|report report NOUN 4 nsubj|condemned condemn VERB 0 root|Freedonia Freedonia PROPN 4 obj", "111 RUR FRE")]
    public void Code_ThingAsSubject_ActsOnlyThroughItsPossessor(string rows, string expected)
    {
        var doc = Parse(rows.Split('|'));
        Assert.Equal(expected, string.Join("; ", Code(doc)));
    }

    [Fact]
    public void Code_PlaceModifierOfAThing_NotItsOwner()
    {
        var doc = Parse("Ruritania Ruritania PROPN 2 nsubj", "condemned condemn VERB 0 root", "the the DET 5 det", "Freedonia Freedonia PROPN 5 compound", "accord accord NOUN 2 obj");
        var at = doc.Text.IndexOf("Freedonia", StringComparison.Ordinal);
        doc.Mentions.Add(new Mention { Kind = MentionKind.Place, Span = new TextSpan(at, at + "Freedonia".Length), Sentence = 0 });
        Assert.Empty(Code(doc));
    }

    [Fact]
    public void Code_PronounSpelledLikeADictionaryName_NotAnActor()
    {
        var doc = Parse("Ruritania Ruritania PROPN 2 nsubj", "condemned condemn VERB 0 root", "us we PRON 2 obj");
        Assert.Empty(Code(doc, Coder(actors: ["US [USA]"])));
    }

    [Theory]
    [InlineData("--- HOPE [060] ---", "")]
    [InlineData("--- HOPE [013] ---", "013 RUR FRE")]
    public void Code_StateOfMindVerb_OnlyAComment(string block, string expected)
    {
        var errors = new List<TacitusError>();
        var verbs = PetrarchDictionaryReader.ReadVerbs([block, "HOPE"], "test.verbs", errors);
        var codebook = new PetrarchCodebook(PetrarchDictionaryReader.ReadActors(Actors, "test.actors", errors), PetrarchDictionaryReader.ReadAgents(Agents, "test.agents", errors));
        var coder = new TreeEventCoder(verbs, codebook, []);
        var doc = Parse("Ruritania Ruritania PROPN 2 nsubj", "hoped hope VERB 0 root", "for for ADP 4 case", "Freedonia Freedonia PROPN 2 obl");
        Assert.Equal(expected, string.Join("; ", Code(doc, coder)));
    }
}
