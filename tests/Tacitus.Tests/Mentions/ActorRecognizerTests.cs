using Tacitus.Documents;
using static Tacitus.Tests.Mentions.ActorTestDocuments;

namespace Tacitus.Tests.Mentions;

public sealed class ActorRecognizerTests
{
    [Theory]
    [InlineData("French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin.", "2023-03-01", "Emmanuel Macron", "FRA", "GOV")]
    [InlineData("French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin.", "2023-03-01", "Olaf Scholz", "DEU", "GOV")]
    [InlineData("Kenyan Interior Minister Ochieng Mwangi said the curfew would stay.", "2024-02-01", "Ochieng Mwangi", "KEN", "GOV")]
    [InlineData("Norwegian Fisheries Ministry spokesman Lars Berg declined to comment.", "2024-02-01", "Lars Berg", "NOR", "GOV")]
    [InlineData("Maria Lopez, a researcher at the Brookings Institution in Washington, said the plan would fail.", null, "Maria Lopez", "USA", null)]
    public void Process_TitledOrDescribedPerson_GetsCountryAndSector(string text, string? date, string name, string country, string? sector)
    {
        var doc = Analyze(text, date);
        var person = Find(doc, name, MentionKind.Person);
        Assert.Equal(country, person.Country?.Value);
        Assert.Equal(sector, person.Sector?.Value);
        Assert.False(string.IsNullOrEmpty(person.Rule));
    }

    [Fact]
    public void Process_Apposition_SetsAffiliationAndRole()
    {
        var doc = Analyze("Maria Lopez, a researcher at the Brookings Institution in Washington, said the plan would fail.");
        var person = Find(doc, "Maria Lopez", MentionKind.Person);
        Assert.Equal("Brookings Institution", person.Affiliation);
        Assert.Equal("researcher", person.Role);
        Assert.True(Has(doc, "Brookings Institution", MentionKind.Organization));
    }

    [Fact]
    public void Process_OrganisationBeforeTitle_IsAnAffiliatedGovernmentBody()
    {
        var doc = Analyze("Norwegian Fisheries Ministry spokesman Lars Berg declined to comment.");
        var org = Find(doc, "Norwegian Fisheries Ministry", MentionKind.Organization);
        Assert.Equal("NOR", org.Country?.Value);
        Assert.Equal("government", org.OrgKind);
        Assert.Equal("Norwegian Fisheries Ministry", Find(doc, "Lars Berg").Affiliation);
    }

    [Theory]
    [InlineData("Moscow rejected the proposal on Monday.", "Moscow", "RUS")]
    [InlineData("Officials said Ottawa's response was measured.", "Ottawa", "CAN")]
    public void Process_CapitalActing_IsGovernmentMetonym(string text, string span, string country)
    {
        var mention = Find(Analyze(text), span, MentionKind.Country);
        Assert.Equal(country, mention.Country?.Value);
        Assert.Equal("GOV", mention.Sector?.Value);
        Assert.Equal("metonym", mention.Rule);
    }

    [Theory]
    [InlineData("The minister flew to Moscow on Monday.", "Moscow")]
    [InlineData("French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin.", "Berlin")]
    [InlineData("Crowds gathered at a Moscow train station.", "Moscow")]
    public void Process_CapitalAsPlace_IsNoActor(string text, string span)
    {
        Assert.False(Has(Analyze(text), span, MentionKind.Country));
    }

    [Theory]
    [InlineData("Israeli police detained two men near the border.", "Israeli police", "ISR", "COP")]
    [InlineData("Kenyan protesters marched through the streets.", "Kenyan protesters", "KEN", "CVL")]
    [InlineData("A visiting Japanese delegation arrived on Tuesday.", "Japanese delegation", "JPN", "GOV")]
    [InlineData("Talks with a visiting U.S. delegation went on for hours.", "U.S. delegation", "USA", "GOV")]
    [InlineData("Senior Chilean officials denied the report.", "Chilean officials", "CHL", "GOV")]
    public void Process_NationalityAndRole_IsCountrySectorGroup(string text, string span, string country, string sector)
    {
        var mention = Find(Analyze(text), span, MentionKind.Country);
        Assert.Equal(country, mention.Country?.Value);
        Assert.Equal(sector, mention.Sector?.Value);
    }

    [Theory]
    [InlineData("2019-05-01", "GOV")]
    [InlineData("2023-05-01", "ELI")]
    [InlineData("2025-06-01", "GOV")]
    public void Process_DatedSpell_PicksOfficeOnPublicationDate(string date, string sector)
    {
        var person = Find(Analyze("President Trump spoke to reporters on Friday.", date), "Trump", MentionKind.Person);
        Assert.Equal("USA", person.Country?.Value);
        Assert.Equal(sector, person.Sector?.Value);
    }

    [Theory]
    [InlineData("Mr. Tanaka said the factory would reopen.", "Tanaka")]
    [InlineData("Priya Raman said the vote was fair.", "Priya Raman")]
    public void Process_NameCues_FindUnknownPeople(string text, string name)
    {
        Assert.True(Has(Analyze(text), name, MentionKind.Person));
    }

    [Theory]
    [InlineData("Mr. Tanaka said the factory would reopen.", "Tanaka", MentionKind.Person, MentionEvidence.Honorific)]
    [InlineData("Priya Raman said the vote was fair.", "Priya Raman", MentionKind.Person, MentionEvidence.Speech)] // the speech verb is read before the given name
    [InlineData("The plan was backed by the QPSX on Monday.", "QPSX", MentionKind.Organization, MentionEvidence.Acronym)]
    [InlineData("Reuters reported the deal on Sunday.", "Reuters", MentionKind.Organization, MentionEvidence.None)] // a dictionary entry
    public void Process_UnknownName_RecordsTheEvidenceRulesRead(string text, string name, MentionKind kind, MentionEvidence evidence)
    {
        var document = Analyze(text);

        var mention = Find(document, name, kind);
        Assert.Equal(evidence, mention.Evidence);
    }

    [Theory]
    [InlineData("The Red Cross and the United Nations sent aid.", "United Nations", "UNO")]
    [InlineData("Reuters reported the deal on Sunday.", "Reuters", "GBR")]
    public void Process_DictionaryOrganisation_HasCountry(string text, string span, string country)
    {
        Assert.Equal(country, Find(Analyze(text), span, MentionKind.Organization).Country?.Value);
    }

    [Fact]
    public void Process_HeadlineCapitalisedWords_NotANameUnlessTheLayerReadsOne()
    {
        var doc = Analyze("Senator: Rival’s Rhetoric Destroying Party’s Chance to Win Presidency.\n\nOn Thursday the senator spoke at a conference in Washington.");

        Assert.True(doc.Sentences[0].Headline);
        Assert.DoesNotContain(doc.Mentions, m => m.Kind is MentionKind.Person or MentionKind.Organization && doc.Slice(m.Span).Contains("Win", StringComparison.Ordinal));
    }

    [Fact]
    public void Process_BoilerplateSentence_IsSkipped()
    {
        var doc = new Document("Reuters reported the deal.", new DocumentMetadata()) { Language = "en" };
        new Tacitus.Text.SentenceSegmenter().Process(doc, CancellationToken.None);
        new Tacitus.Text.BoilerplateMarker().Process(doc, CancellationToken.None);
        Tacitus.Pipeline.StageRequirements.Run(new Tacitus.Syntax.TokenTagger(), doc, CancellationToken.None);
        Tacitus.Pipeline.StageRequirements.Run(new Tacitus.Syntax.Entities.EntityRecognizer(), doc, CancellationToken.None);
        new Tacitus.Mentions.PlaceRecognizer().Process(doc, CancellationToken.None);
        doc.Sentences[0].Boilerplate = true;
        new Tacitus.Mentions.ActorRecognizer(Tacitus.Knowledge.KnowledgeBase.Default).Process(doc, CancellationToken.None);
        Assert.Empty(doc.Mentions);
    }
}
