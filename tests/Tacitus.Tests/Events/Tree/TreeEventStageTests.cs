using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Events;
using Tacitus.Events.Tree;
using Tacitus.Pipeline;
using Tacitus.Syntax.Conllu;

namespace Tacitus.Tests.Events.Tree;

/// <summary>The tree coder stage with the shipped (compiled) PETRARCH dictionaries, over hand-written parses.</summary>
public sealed class TreeEventStageTests
{
    private static Document Parse(string conllu)
    {
        var problems = new List<TacitusError>();
        var sentence = ConlluReader.Read(new StringReader(conllu), "test.conllu", problems).Single();
        Assert.Empty(problems);
        var document = ConlluDocumentBuilder.Build(sentence, null, new DocumentMetadata { Published = new DateOnly(2012, 5, 1) });
        DocumentBuilder.ShippedWords.Process(document, CancellationToken.None);
        return document;
    }

    private const string FranceCondemnsGermany = "1\tFrance\tFrance\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\tcondemned\tcondemn\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tGermany\tGermany\tPROPN\tNNP\t_\t2\tobj\t_\t_\n\n";

    [Fact]
    public void Process_ShippedDictionaries_RecordWithPloverTypeCameoAndFullCodes()
    {
        var errors = new List<TacitusError>();
        var stage = TreeCoding.Create(new PipelineOptions(), errors);
        Assert.DoesNotContain(errors, e => e.Code == "TAC304");
        var document = Parse(FranceCondemnsGermany);
        stage.Process(document, CancellationToken.None);
        var record = Assert.Single(document.Events);
        Assert.Equal("FRA", record.Actor.Code);
        Assert.Equal("DEU", record.Recipient?.Code);
        Assert.Equal(CountryCode.From("FRA"), record.Actor.Country);
        Assert.StartsWith("11", record.Cameo?.Value, StringComparison.Ordinal);
        Assert.Equal("condemned", document.Slice(record.Trigger!.Value).ToString());
    }

    [Fact]
    public void Process_NominalEvent_RecordOnTheNounWithItsReading()
    {
        const string conllu = "1\tFrench\tFrench\tADJ\tJJ\t_\t3\tamod\t_\t_\n2\tair\tair\tNOUN\tNN\t_\t3\tcompound\t_\t_\n3\tstrikes\tstrike\tNOUN\tNNS\t_\t6\tnsubj\t_\t_\n"
            + "4\ton\ton\tADP\tIN\t_\t5\tcase\t_\t_\n5\tGermany\tGermany\tPROPN\tNNP\t_\t3\tnmod\t_\t_\n6\tcontinued\tcontinue\tVERB\tVBD\t_\t0\troot\t_\t_\n\n";
        var stage = TreeCoding.Create(new PipelineOptions(), []);
        var document = Parse(conllu);
        stage.Process(document, CancellationToken.None);
        var record = Assert.Single(document.Events);
        Assert.Equal(PloverType.Assault, record.Event);
        Assert.Equal(CountryCode.From("FRA"), record.Actor.Country);
        Assert.Equal(CountryCode.From("DEU"), record.Recipient?.Country);
        Assert.Equal("strikes", document.Slice(record.Trigger!.Value).ToString());
        Assert.StartsWith("nominal event 'strikes' under 'continued'", record.Explanation["event"], StringComparison.Ordinal);
        Assert.Equal("publication", record.Date?.Basis);
    }

    [Fact]
    public void Process_NoShipped_CodesWithTheGivenDictionariesAlone()
    {
        var stage = TreeCoding.Create(new PipelineOptions { NoShipped = true }, []);
        var document = Parse(FranceCondemnsGermany);
        stage.Process(document, CancellationToken.None);
        Assert.Empty(document.Events);
    }

    private const string FranceSaysGermanyAttackedSpain = "1\tFrance\tFrance\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
        "3\tGermany\tGermany\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n4\tattacked\tattack\tVERB\tVBD\t_\t2\tccomp\t_\t_\n5\tSpain\tSpain\tPROPN\tNNP\t_\t4\tobj\t_\t_\n\n";

    /// <summary>
    /// "a says b attacked c": the shipped rule from PETRARCH-2 (a accuses b, 112); with <c>--no-shipped</c>, the rule
    /// of the user's own verb file (111); with neither, the act as the verbs code it (saying is no act of its own).
    /// </summary>
    [Theory]
    [InlineData(false, false, "112 FRA DEU")]
    [InlineData(true, true, "111 FRA DEU")]
    [InlineData(true, false, "190 DEU ESP")]
    public void Process_SaidThatAnotherAttacked_TransformedByTheShippedOrTheUsersRule(bool noShipped, bool userRule, string expected)
    {
        var verbs = Path.GetTempFileName();
        var actors = Path.Combine(Path.GetTempPath(), $"tacitus-{Guid.NewGuid():N}.actors.txt");
        try
        {
            File.WriteAllLines(actors, ["FRANCE [FRA]", "GERMANY [DEU]", "SPAIN [ESP]"]);
            File.WriteAllLines(verbs, ["--- STATE [010] ---", "SAY {SAYS SAID SAYING}", "--- FIGHT [190] ---", "ATTACK", .. userRule ? (string[])["~ a (b . ATTACK) SAY = a b 111"] : []]);
            var errors = new List<TacitusError>();
            var stage = TreeCoding.Create(new PipelineOptions { NoShipped = noShipped, VerbFiles = noShipped ? [verbs] : [], UserDictionaries = noShipped ? [actors] : [] }, errors);
            Assert.DoesNotContain(errors, e => e.Code is "TAC302" or "TAC304");
            var document = Parse(FranceSaysGermanyAttackedSpain);

            stage.Process(document, CancellationToken.None);

            Assert.Equal(expected, string.Join("; ", document.Events.Select(e => $"{e.Cameo} {e.Actor.Code} {e.Recipient?.Code}")));
            Assert.Equal(!noShipped || userRule, document.Events[0].Explanation["event"].Contains("transformation", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(verbs);
            File.Delete(actors);
        }
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 1)]
    public void Create_UserRuleOnAShippedVerb_ResolvedUnlessNoShipped(bool noShipped, int unresolved)
    {
        var verbs = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(verbs, ["--- DISOWN [---] ---", "DISOWN", "~ a (b . ATTACK) DISOWN = a b 112"]);
            var errors = new List<TacitusError>();

            TreeCoding.Create(new PipelineOptions { NoShipped = noShipped, VerbFiles = [verbs] }, errors);

            Assert.Equal(unresolved, errors.Count(e => e.Code == "TAC302" && e.Message.Contains("'ATTACK'", StringComparison.Ordinal) && e.File == Path.GetFileName(verbs)));
        }
        finally
        {
            File.Delete(verbs);
        }
    }

    [Fact]
    public void Process_NoTokenLayer_LeavesRecordsAlone()
    {
        var document = new Document("France condemned Germany.", new DocumentMetadata());
        var stage = TreeCoding.Create(new PipelineOptions { NoShipped = true }, []);
        document.Tokens.Add(new Token(new TextSpan(0, 6), TokenKind.Word));
        stage.Process(document, CancellationToken.None);
        Assert.Empty(document.Events);
    }

    [Fact]
    public void Merge_CodedSentence_TreeRecordsReplaceRuleRecords()
    {
        var document = new Document("One. Two.", new DocumentMetadata());
        document.Sentences.Add(new Sentence { Index = 0, Span = new TextSpan(0, 4) });
        document.Sentences.Add(new Sentence { Index = 1, Span = new TextSpan(5, 9) });
        EventRecord Record(int start, string actor) => new() { Event = PloverType.Accuse, Actor = new ActorRef { Text = actor }, Evidence = new TextSpan(start, start + 4) };
        document.Events.Add(Record(0, "rule-0"));
        document.Events.Add(Record(5, "rule-1"));
        TreeEventStage.Merge(document, [Record(0, "tree-0")], [0]);
        Assert.Equal(["tree-0", "rule-1"], document.Events.Select(e => e.Actor.Text));
    }

    [Fact]
    public void Merge_TreeRecordWithoutTarget_OnlyWhereNoOtherRecordCodes()
    {
        var document = new Document("One. Two. Six.", new DocumentMetadata());
        document.Sentences.Add(new Sentence { Index = 0, Span = new TextSpan(0, 4) });
        document.Sentences.Add(new Sentence { Index = 1, Span = new TextSpan(5, 9) });
        document.Sentences.Add(new Sentence { Index = 2, Span = new TextSpan(10, 14) });
        EventRecord Record(int start, string actor, string? recipient = null) =>
            new() { Event = PloverType.Protest, Actor = new ActorRef { Text = actor }, Recipient = recipient is null ? null : new ActorRef { Text = recipient }, Evidence = new TextSpan(start, start + 4) };
        document.Events.Add(Record(0, "rule-0"));
        TreeEventStage.Merge(document, [Record(0, "alone-0"), Record(5, "alone-1"), Record(10, "tree-2", "target"), Record(10, "alone-2")], [2]);
        Assert.Equal(["rule-0", "alone-1", "tree-2"], document.Events.Select(e => e.Actor.Text));
    }

    [Theory]
    [InlineData("---GOV", "LKA", null, "LKAGOV")]
    [InlineData("FRA", "FRA", "GOV", "FRAGOV")]
    [InlineData("SCGGOV", "SRB", "GOV", "SRBGOV")]
    [InlineData("IGOUNO", "UNO", null, "IGOUNO")]
    [InlineData("NGO", null, null, "NGO")]
    public void MergedCode_TacitusCountryAndSector_InFrontOfTheDictionaryCode(string code, string? country, string? sector, string expected)
    {
        var merged = TreeEventStage.MergedCode(code, country is null ? null : CountryCode.From(country), sector is null ? null : Sector.From(sector));
        Assert.Equal(expected, merged);
    }
}
