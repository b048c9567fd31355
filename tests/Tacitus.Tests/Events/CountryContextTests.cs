using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Pipeline;

namespace Tacitus.Tests.Events;

/// <summary>Actors and recipients their mentions leave without a country, and recipients found past modifiers.</summary>
public sealed class CountryContextTests
{
    private static readonly Lazy<AnalysisPipeline> Pipeline = new(() => PipelineFactory.Create());

    private static string Describe(Document d) => string.Join(" | ", d.Events.Select(e =>
        $"{e.Event.ToCode()} {e.Actor.Country?.Value ?? "-"}({e.Actor.Text})->{e.Recipient?.Country?.Value ?? "-"}({e.Recipient?.Text})"));

    private static DocumentBuilder Build(string text) =>
        DocumentBuilder.With(text)
            .Country("Egypt", "EGY").Country("Kenya", "KEN").Country("Mali", "MLI")
            .Nationality("Kenyan", "KEN").Nationality("Egyptian", "EGY")
            .Place("Lagos", "NGA").Place("Mombasa", "KEN").Place("Cairo", "EGY")
            .Role("government", "GOV").Role("Rebels", "REB").Role("rebels", "REB").Role("Police", "COP").Role("protesters", "CVL").Role("Protesters", "CVL")
            .Role("officials", "GOV").Role("militias", "REB").Role("military", "MIL").Role("troops", "MIL").Role("opposition", "OPP");

    [Theory]
    // sentence, type, actor country, recipient country ("-" for none), words the actor rule must contain
    [InlineData("Kenya's government accused Mali of arming militias.", "ACCUSE", "KEN", "MLI", "the country it belongs to")]
    [InlineData("Rebels in Mali accused Egypt of arming militias.", "ACCUSE", "MLI", "EGY", "the place it is attached to")]
    [InlineData("Police arrested dozens of protesters in Lagos.", "COERCE", "NGA", "NGA", "the country where it happened")]
    [InlineData("Kenyan tanks shelled positions near the border.", "ASSAULT", "KEN", "-", "the country or nationality in its words")]
    [InlineData("Kenyans accused Egypt of blocking the river.", "ACCUSE", "KEN", "EGY", "the people named in its words")]
    [InlineData("The opposition accused the government of rigging the vote in Mombasa.", "ACCUSE", "KEN", "KEN", "one country named in the sentence")]
    public void Process_ActorWithoutCountry_TakesItFromContext(string text, string type, string actor, string recipient, string rule)
    {
        var document = Build(text).Analyse();

        var e = Assert.Single(document.Events, e => e.Event.ToCode() == type);
        Assert.True(actor == e.Actor.Country?.Value, Describe(document));
        Assert.True(recipient == (e.Recipient?.Country?.Value ?? "-"), Describe(document));
        Assert.True(e.Explanation["actor"].Contains("country from context: " + rule, StringComparison.Ordinal), e.Explanation["actor"]);
    }

    [Theory]
    [InlineData("Officials accused rebels of looting the town.")]
    [InlineData("Rebels accused Kenya and Egypt of arming militias.")]
    public void Process_NoSingleCountry_ActorStaysWithoutCountry(string text)
    {
        var document = Build(text).Analyse();

        var e = Assert.Single(document.Events);
        Assert.Null(e.Actor.Country);
        Assert.DoesNotContain("country from context", e.Explanation["actor"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Egypt will send military aid to Kenya.", "KEN")] // a role noun before a noun modifies it
    [InlineData("Egypt withdrew its troops from Kenya.", "KEN")] // "its troops" are the actor's own
    [InlineData("Egypt rejected a Kenyan proposal on water rights.", "KEN")] // the nationality of the object
    [InlineData("Egypt rejected the proposal at a Kenyan hotel.", "-")] // a nationality past a preposition is not the object
    public void Process_Recipient_SkipsModifiersAndReadsObjectNationality(string text, string recipient)
    {
        var document = Build(text).Analyse();

        var e = Assert.Single(document.Events);
        Assert.Equal("EGY", e.Actor.Country?.Value);
        Assert.True(recipient == (e.Recipient?.Country?.Value ?? "-"), Describe(document));
    }

    [Theory]
    // a domestic act with no recipient named: the country where it happened, else the actor's own
    [InlineData("Kenya's government imposed a curfew in Mombasa on Monday.", "COERCE", "KEN", "the country where it happened")]
    [InlineData("Egypt's government lifted the state of emergency.", "CONCEDE", "EGY", "the actor's own country")]
    [InlineData("Rebels in Mali threatened to impose a curfew.", "THREATEN", "MLI", "the actor's own country")]
    [InlineData("Kenyan protesters rioted in Lagos.", "PROTEST", "NGA", "the country where it happened")]
    public void Process_DomesticActWithoutRecipient_TargetsTheCountry(string text, string type, string recipient, string rule)
    {
        var document = Build(text).Analyse();

        var e = Assert.Single(document.Events, e => e.Event.ToCode() == type);
        Assert.True(recipient == e.Recipient?.Country?.Value, Describe(document));
        Assert.Contains(rule, e.Explanation["recipient"], StringComparison.Ordinal);
    }

    [Fact]
    public void Process_DomesticActWithRecipientNamed_KeepsIt()
    {
        var document = Build("Protesters in Mombasa demonstrated against Egypt.").Analyse();

        var e = Assert.Single(document.Events);
        Assert.Equal("EGY", e.Recipient?.Country?.Value);
    }

    [Fact]
    public void Process_ObjectNationality_IsNotTheLocation()
    {
        var document = Build("Egypt rejected a Kenyan proposal on water rights.").Analyse();

        var e = Assert.Single(document.Events);
        Assert.Contains("nationality of the object", e.Explanation["recipient"], StringComparison.Ordinal);
        Assert.Null(e.Location);
    }

    [Theory]
    [InlineData("Nairobi again rejected the proposal from the donors on Tuesday, officials said.", "KEN")]
    [InlineData("Palestinian prisoners rioted on Monday at a jail, guards said.", "PSE")]
    public void Pipeline_CapitalOrNationalityInSubjectWords_GivesTheActorsCountry(string text, string actor)
    {
        var document = new Document(text, new DocumentMetadata { Published = new DateOnly(2024, 3, 6) }) { Language = "en" };

        Pipeline.Value.Process(document);

        Assert.True(document.Events.Any(e => e.Actor.Country?.Value == actor), Describe(document));
    }
}
