using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Pipeline;

namespace Tacitus.Tests.Events;

public sealed class EventCoderTests
{
    private static string Describe(Document d) => string.Join(" | ", d.Events.Select(e =>
        $"{e.Event.ToCode()} {e.Actor.Country?.Value ?? e.Actor.Text}->{e.Recipient?.Country?.Value ?? e.Recipient?.Text ?? "-"}"));

    private static EventRecord One(Document document, PloverType type)
    {
        var found = document.Events.Where(e => e.Event == type).ToList();
        Assert.True(found.Count == 1, $"expected one {type.ToCode()} record, found: {Describe(document)}");
        return found[0];
    }

    [Theory]
    [InlineData("Egyptian President Ahmed Farouk hosted Kenyan President Mary Wanjiru in Cairo on Tuesday.", "CONSULT", "visit", "EGY", "KEN")]
    [InlineData("The Malian delegation was seen off by senior Algerian officials at the airport.", "CONSULT", "visit", "DZA", "MLI")]
    [InlineData("Mary Wanjiru visited Egypt last week.", "CONSULT", "visit", "KEN", "EGY")]
    [InlineData("Ahmed Farouk spoke with Mary Wanjiru by video link.", "CONSULT", null, "EGY", "KEN")]
    [InlineData("Egypt's government was in talks with a visiting Kenyan delegation over water rights.", "CONSULT", null, "EGY", "KEN")]
    [InlineData("Egypt accused Kenya of blocking the river.", "ACCUSE", "disapprove", "EGY", "KEN")]
    [InlineData("The Malian army arrested two Algerian traders near the border.", "COERCE", "arrest", "MLI", "DZA")]
    [InlineData("Egypt imposed sanctions on Kenya after the vote.", "SANCTION", "discontinue", "EGY", "KEN")]
    [InlineData("Egypt recalled its ambassador from Kenya after the vote.", "SANCTION", "withdraw", "EGY", "KEN")]
    [InlineData("The Malian president pleaded with Algeria to reopen the border.", "REQUEST", null, "MLI", "DZA")]
    [InlineData("Egypt cancelled the debts of Kenya last year.", "AID", null, "EGY", "KEN")]
    [InlineData("Egypt shut off gas supplies to Kenya in a price dispute.", "COERCE", "withhold", "EGY", "KEN")]
    [InlineData("A Malian court issued an arrest warrant for the Algerian minister.", "THREATEN", "arrest", "MLI", "DZA")]
    [InlineData("The Malian president pardoned two Algerian traders.", "CONCEDE", null, "MLI", "DZA")]
    [InlineData("Algerian officials praised Mali's efforts to hold elections.", "SUPPORT", null, "DZA", "MLI")]
    [InlineData("The Malian army prepared to attack Algeria.", "MOBILIZE", null, "MLI", "DZA")]
    public void Process_PatternSentences_CodeTypeAndActors(string text, string type, string? mode, string actor, string recipient)
    {
        var document = Build(text).Analyse();

        var e = One(document, PloverTypes.Parse(type).Value);
        Assert.Equal(mode, e.Mode);
        Assert.Equal(actor, e.Actor.Country?.Value);
        Assert.Equal(recipient, e.Recipient?.Country?.Value);

        // the article's own voice, or (for speech acts such as "accused", "praised") the actor's own statement
        Assert.True(e.Attribution is null || document.Attributions[e.Attribution.Value].Cue.Overlaps(e.Trigger!.Value));
    }

    [Theory]
    [InlineData("The Malian government has met the demands of the Algerian traders.", "CONSULT", false)]
    [InlineData("Egypt failed to meet its targets for Kenyan imports.", "CONSULT", false)]
    [InlineData("Egypt met analysts' growth forecasts for the year.", "CONSULT", false)]
    [InlineData("The Malian president met the Algerian ambassador on Monday.", "CONSULT", true)]
    [InlineData("Egypt's foreign minister met the Kenyan delegation in Cairo.", "CONSULT", true)]
    [InlineData("The Malian envoy met representatives of the Algerian government.", "CONSULT", true)]
    [InlineData("Mali failed to meet growing demand for Algerian gas.", "CONSULT", false)]
    [InlineData("The Malian envoy was met with a deafening chorus of jeers in Algeria.", "CONSULT", false)]
    [InlineData("The Malian proposal has met with scathing criticism from Algeria.", "CONSULT", false)]
    [InlineData("Egypt's foreign minister met with the Kenyan delegation in Cairo.", "CONSULT", true)]
    [InlineData("The Malian plan was met with a lot of scepticism in Algeria.", "CONSULT", false)]
    [InlineData("Egypt's foreign minister met with a group of Kenyan officials in Cairo.", "CONSULT", true)]
    [InlineData("Egypt backed a resolution sanctioning military action against Kenya.", "SANCTION", false)]
    [InlineData("Egypt sanctioned the use of force in Kenya.", "SANCTION", false)]
    [InlineData("Egypt sanctioned Kenya for the border raid.", "SANCTION", true)]
    public void Process_TriggerWithItsObject_AnotherSenseCodesNothing(string text, string type, bool coded)
    {
        var document = Build(text).Analyse();

        Assert.Equal(coded, document.Events.Any(e => e.Event == PloverTypes.Parse(type).Value));
    }

    [Theory]
    [InlineData("Mali, a close ally of Kenya, has accused Algeria of blocking the river.", "ACCUSE", "MLI", "DZA")]
    [InlineData("Mali, the largest state in the region, declined to meet Algeria.", "REJECT", "MLI", "DZA")]
    [InlineData("Mali, backed by Kenya, accused Algeria of blocking the river.", "ACCUSE", "MLI", "DZA")]
    [InlineData("Mali, backed by Kenya, accused Algeria of blocking the river.", "SUPPORT", "KEN", "MLI")]
    [InlineData("Mali, backed up by Kenya, accused Algeria of blocking the river.", "ACCUSE", "MLI", "DZA")]
    [InlineData("The Malian army, criticized by Algeria for the raid, withdrew its troops.", "ACCUSE", "DZA", "MLI")]
    [InlineData("Mali has refused to send troops to Algeria and has urged Kenya to close the border.", "REQUEST", "MLI", "KEN")]
    [InlineData("Mali criticized Algeria on Monday, and urged Kenya to close the border.", "REQUEST", "MLI", "KEN")]
    [InlineData("\u201cKenya must act,\u201d said Egyptian President Ahmed Farouk, after a meeting with Mary Wanjiru.", "CONSULT", "EGY", "KEN")]
    public void Process_SubjectOfTheClauseGoingOn_IsTheActor(string text, string type, string actor, string recipient)
    {
        var document = Build(text).Analyse();

        var e = One(document, PloverTypes.Parse(type).Value);
        Assert.Equal(actor, e.Actor.Country?.Value);
        Assert.Equal(recipient, e.Recipient?.Country?.Value);
    }

    [Fact]
    public void Process_NominalEventAnnounced_ActorIsTheSpeaker()
    {
        var document = Build("Egypt announced a suspension of air links with Kenya.").Analyse();

        var e = One(document, PloverType.Sanction);
        Assert.Equal("EGY", e.Actor.Country?.Value);
        Assert.Equal("KEN", e.Recipient?.Country?.Value);
        Assert.Contains("the speaker", e.Explanation["actor"], StringComparison.Ordinal);
    }

    [Fact]
    public void Process_RelativeClauseObject_RecipientIsAntecedent()
    {
        var document = Build("Ministers met Ahmed Farouk, whom Kenya has accused of hoarding grain, in Geneva.").Analyse();

        var e = One(document, PloverType.Accuse);
        Assert.Equal("KEN", e.Actor.Country?.Value);
        Assert.Equal("EGY", e.Recipient?.Country?.Value);
        Assert.Contains("antecedent", e.Explanation["recipient"], StringComparison.Ordinal);
    }

    [Fact]
    public void Process_CompoundSubject_OneRecordPerActor()
    {
        var document = Build("Egypt and Kenya, which both sit on the council, have called for easing the embargo.").Analyse();

        var requests = document.Events.Where(e => e.Event == PloverType.Request).ToList();
        Assert.Equal("EGY KEN", string.Join(' ', requests.Select(e => e.Actor.Country?.Value)));
        Assert.DoesNotContain(document.Events, e => e.Event == PloverType.Retreat); // the requested easing is the content, not an event
    }

    [Fact]
    public void Process_ReciprocalCompound_FirstToSecond_AttributedToSpeaker()
    {
        var document = Build("“Egypt and Kenya are close friends and partners,” Ahmed Farouk said.").Analyse();

        var e = One(document, PloverType.Support);
        Assert.Equal("EGY", e.Actor.Country?.Value);
        Assert.Equal("KEN", e.Recipient?.Country?.Value);
        Assert.NotNull(e.Attribution);
        Assert.Equal("Ahmed Farouk", document.Attributions[e.Attribution!.Value].Source.Name);
    }

    [Theory]
    [InlineData("Mali has denied that it attacked the Algerian convoy.", "MLI", "DZA")]
    [InlineData("Still, Mali has denied any interest in punishing Algeria.", "MLI", "DZA")]
    public void Process_Denial_RejectCarriesDenialNeverTheDeniedAct(string text, string actor, string recipient)
    {
        var document = Build(text).Analyse();

        var e = One(document, PloverType.Reject);
        Assert.True(e.Modality.Denied);
        Assert.Equal(actor, e.Actor.Country?.Value);
        Assert.Equal(recipient, e.Recipient?.Country?.Value);
        Assert.True(document.Attributions[e.Attribution!.Value].Denial);
        Assert.DoesNotContain(document.Events, x => x.Event is PloverType.Assault or PloverType.Coerce);
    }

    [Theory]
    [InlineData("Mali has denied that it attacked the Algerian convoy.", true)]
    [InlineData("Still, Mali has denied any interest in punishing Algeria.", true)]
    [InlineData("The Malian ministry denied reports that troops had crossed into Algeria.", true)]
    [InlineData("Mali dismissed reports that its troops had crossed into Algeria.", true)]
    [InlineData("Mali rejected claims that it had armed rebels in Algeria.", true)]
    [InlineData("Mali rejected Algeria's claims that it had armed rebels.", true)]
    [InlineData("Mali dismissed the claim it had reneged on a promise to Algeria.", true)]
    [InlineData("Mali rejected newspaper speculation that it would leave the pact with Algeria.", true)]
    [InlineData("Mali rejected an Algerian compromise offer.", false)]
    [InlineData("Mali has rejected Algeria's claims in the desert.", false)]
    [InlineData("Mali rejected the idea of a joint patrol with Algeria.", false)]
    [InlineData("Mali dismissed Algeria's appeal for calm.", false)]
    [InlineData("Mali rebuffed Algeria.", false)]
    [InlineData("Mali denied Algerian traders access to the border market.", false)]
    [InlineData("Mali would not deny Algeria the right to trade.", false)]
    [InlineData("Mali denied them entry after Algeria protested.", false)]
    public void Process_DenialOrRejection_DeniedOnlyWhenThePartyDeniesItHappened(string text, bool denied)
    {
        var document = Build(text).Analyse();

        var e = One(document, PloverType.Reject);
        Assert.Equal("MLI", e.Actor.Country?.Value);
        Assert.True(denied == e.Modality.Denied, $"denied should be {denied}: {e.Explanation["modality"]}");
        Assert.All(document.Events, x => Assert.Equal(denied, x.Modality.Denied));
    }

    [Theory]
    [InlineData("Ahmed Farouk did not meet Mary Wanjiru on Friday.", "CONSULT", true, false, false, false)]
    [InlineData("Egypt could expel the Kenyan ambassador, the paper said.", "SANCTION", false, true, false, false)]
    [InlineData("Egypt reportedly hosted Mary Wanjiru.", "CONSULT", false, true, false, false)]
    [InlineData("Mary Wanjiru is seeking talks with Ahmed Farouk.", "AGREE", false, false, true, false)]
    [InlineData("Mary Wanjiru will visit Egypt in May.", "AGREE", false, false, true, false)]
    [InlineData("Egypt would withdraw its troops unless Kenya released the prisoners.", "THREATEN", false, false, true, true)]
    [InlineData("Ahmed Farouk said he might cut aid to Kenya if Mary Wanjiru didn't resign.", "THREATEN", false, true, false, true)]
    public void Process_Modality_ReadFromTheClause(string text, string type, bool negated, bool hedged, bool future, bool conditional)
    {
        var document = Build(text).Analyse();

        var e = One(document, PloverTypes.Parse(type).Value);
        Assert.Equal(negated, e.Modality.Negated);
        Assert.Equal(hedged, e.Modality.Hedged);
        Assert.Equal(future, e.Modality.Future);
        Assert.Equal(conditional, e.Modality.Conditional);
        Assert.False(e.Modality.Denied);
    }

    [Fact]
    public void Process_ReportedCitingUnnamed_AttributionIsAnonymousChain()
    {
        var document = Build("The Malian army arrested two Algerian traders, the Sahel Tribune newspaper reported, citing unnamed security officials.").Analyse();

        var e = One(document, PloverType.Coerce);
        var a = document.Attributions[e.Attribution!.Value];
        Assert.Equal("Sahel Tribune", a.Source.Name);
        Assert.True(a.Anonymous);
        Assert.Equal("unnamed security officials", Assert.Single(a.Via).Text);
    }

    [Fact]
    public void Process_Dates_ClauseTimeElseAttributionElsePublication()
    {
        var text = "Mary Wanjiru visited Egypt on Tuesday. Ahmed Farouk praised Kenya. Egypt hosted Mary Wanjiru again, the ministry said Monday.";
        var document = Build(text).Time("Tuesday", "2024-03-05").Time("Monday", "2024-03-04").Analyse();

        Assert.Equal(3, document.Events.Count);
        Assert.Equal(("2024-03-05", "explicit"), (document.Events[0].Date?.Value, document.Events[0].Date?.Basis));
        Assert.Equal(("2024-03-06", "publication"), (document.Events[1].Date?.Value, document.Events[1].Date?.Basis));
        Assert.Equal(("2024-03-04", "governing"), (document.Events[2].Date?.Value, document.Events[2].Date?.Basis));
        Assert.Contains("clause", document.Events[0].Explanation["date"], StringComparison.Ordinal);
    }

    [Fact]
    public void Process_PlaceRecipient_IsLocationAndCountry()
    {
        var document = DocumentBuilder.With("Mary Wanjiru spent two days in the Egyptian capital.")
            .Place("the Egyptian capital", "EGY", "Cairo").Person("Mary Wanjiru", "KEN", "GOV").Analyse();

        var e = One(document, PloverType.Consult);
        Assert.Equal("EGY", e.Recipient?.Country?.Value);
        Assert.Equal("Cairo", e.Location?.Name);
    }

    [Theory]
    [InlineData("It takes nine hours to drive from Cairo to the coast.")]
    [InlineData("There has been no mention of the meetings in Egyptian state media.")]
    [InlineData("For Egypt, the meeting with Kenya shows that water diplomacy works.")]
    [InlineData("Analysts said the Egyptian economy could slow this year.")]
    [InlineData("Mary Wanjiru left Cairo around noon, the agency reported.")]
    public void Process_NoInteraction_NoEvent(string text)
    {
        var document = Build(text).Analyse();

        Assert.True(document.Events.Count == 0, Describe(document));
    }

    [Fact]
    public void Process_Boilerplate_NoEvent()
    {
        var document = Build("Egypt hosted Kenya.\n\nSubscribe to meet Egypt's best reporters.").Boilerplate("Subscribe").Analyse();

        Assert.Single(document.Events);
    }

    [Fact]
    public void Process_Explanation_NamesEveryField()
    {
        var document = Build("Egypt hosted Mary Wanjiru in Cairo, the ministry said.").Analyse();

        var e = One(document, PloverType.Consult);
        foreach (var field in new[] { "event", "actor", "recipient", "date", "location", "attribution", "modality" })
        {
            Assert.True(e.Explanation.ContainsKey(field), field);
        }

        Assert.StartsWith("pattern consult.host", e.Explanation["event"], StringComparison.Ordinal);
        Assert.Equal(CameoCode.From("043"), e.Cameo);
        Assert.Equal(4.0, e.Score);
        Assert.InRange(e.Confidence, 0.1, 1.0);
    }

    private static readonly Lazy<AnalysisPipeline> Pipeline = new(() => PipelineFactory.Create());

    private static Document Analysed(string text)
    {
        var document = new Document(text, new DocumentMetadata { Published = new DateOnly(2024, 3, 6) }) { Language = "en" };
        Pipeline.Value.Process(document);
        return document;
    }

    [Theory]
    // sentence, type, actor country, recipient country ("-" for none), pattern id
    [InlineData("Turkey eased its blockade on Armenian trucks.", "RETREAT", "TUR", "ARM", "retreat.lift-blockade-on")]
    [InlineData("Farmers said they would blockade Lyon on Monday.", "THREATEN", "FRA", "FRA", "coerce.blockade")]
    [InlineData("Indian and Pakistani negotiators returned to Geneva this week for talks on Kashmir.", "CONSULT", "IND", "-", "consult.go-for-talks")]
    [InlineData("A roadside bomb near Kandahar killed two Canadian soldiers on Tuesday, officials said.", "ASSAULT", "AFG", "CAN", "assault.roadside")]
    public void Pipeline_DictionaryRows_CodeTheirEvent(string text, string type, string actor, string recipient, string pattern)
    {
        var document = Analysed(text);

        var e = One(document, PloverTypes.Parse(type).Value);
        Assert.True(actor == e.Actor.Country?.Value, Describe(document));
        Assert.True(recipient == (e.Recipient?.Country?.Value ?? "-"), Describe(document));
        Assert.Contains("pattern " + pattern + " ", e.Explanation["event"], StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_AttackNounSubjectOfKilling_ActorIsThePlace()
    {
        var document = Analysed("A roadside bomb near Kandahar killed two Canadian soldiers on Tuesday, officials said.");

        var e = One(document, PloverType.Assault);
        Assert.Contains("no attacker named: the place where it happened", e.Explanation["actor"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A car bomb was found near Kandahar on Tuesday, officials said.")] // no killing: a find, not an attack
    [InlineData("The senator called the mass shooting near Kandahar a car bombing.")] // "shooting" is a noun here
    [InlineData("The soldier who died facing a car bomb in Kandahar was buried.")] // no verb of attack after the noun
    public void Pipeline_AttackNounNotSubjectOfKilling_NoUnnamedAttacker(string text)
    {
        var document = Analysed(text);

        Assert.DoesNotContain(document.Events, e => e.Explanation["actor"].Contains("no attacker named", StringComparison.Ordinal));
    }

    private static DocumentBuilder Build(string text) =>
        DocumentBuilder.With(text)
            .Person("Ahmed Farouk", "EGY", "GOV").Person("Mary Wanjiru", "KEN", "GOV")
            .Organization("Egypt's government", "EGY", "government", "GOV")
            .Place("Cairo", "EGY").Place("Geneva", "CHE")
            .Country("Egyptian", "EGY").Country("Egypt", "EGY").Country("Kenyan", "KEN").Country("Kenya", "KEN")
            .Country("Malian", "MLI").Country("Mali's", "MLI").Country("Mali", "MLI").Country("Algerian", "DZA").Country("Algeria", "DZA");
}
