using Tacitus.Documents;
using Tacitus.Knowledge;
using Tacitus.Mentions;
using Tacitus.Pipeline;
using Tacitus.Text;

using static Tacitus.Tests.Mentions.ActorTestDocuments;

namespace Tacitus.Tests.Mentions;

/// <summary>Name rules that decide whether a capitalised word or run is a person, an organisation or nothing (places run first, as in the full pipeline).</summary>
public sealed class NamedEntityRulesTests
{
    [Theory]
    [InlineData("The audit was done by the firm's partners and the QRTX board later approved it.", "QRTX")]
    [InlineData("Officials at BRVA said the pipeline would reopen next week.", "BRVA")]
    public void Process_UnknownAcronym_IsOrganisation(string text, string acronym)
    {
        var doc = Analyze(text);
        Assert.True(Has(doc, acronym, MentionKind.Organization), Listing(doc));
    }

    [Theory]
    [InlineData("He was charged with a DUI after the crash on the ring road.", "DUI")]
    [InlineData("The board sent their RFP to five suppliers last month.", "RFP")]
    [InlineData("Investors waited for the company's IPO before buying more shares.", "IPO")]
    [InlineData("The camera works well at ISO 6400 in dim light.", "ISO")]
    [InlineData("Delivery takes 3 TO 4 DAYS in most of the country.", "DAYS")]
    [InlineData("The clause is set out in part VII of the agreement.", "VII")]
    [InlineData("Book now and CALL TODAY for an appointment with the clinic.", "CALL")]
    public void Process_CapitalWordThatIsNoOrganisation_IsNoMention(string text, string word)
    {
        var doc = Analyze(text);
        Assert.False(Has(doc, word, MentionKind.Organization), Listing(doc));
    }

    [Fact]
    public void Process_CapitalsOnlyDictionaryAcronymAmongShouting_IsNoOrganisation()
    {
        var doc = Analyze("Readers asked WHO WANTS TO HELP the shelter this winter.");
        Assert.False(Has(doc, "WHO", MentionKind.Organization), Listing(doc));
    }

    [Theory]
    [InlineData("The deal was signed with Harbor Logistics, LLC on Friday.", "Harbor Logistics, LLC")]
    [InlineData("Analysts said Brandwell Holdings Inc. would cut jobs.", "Brandwell Holdings Inc.")]
    [InlineData("The gas was sold to QRTX, Inc. under a new contract.", "QRTX, Inc.")]
    [InlineData("Lawyers for Marsh Brothers Co., Ltd. declined to comment on the case.", "Marsh Brothers Co., Ltd.")]
    public void Process_NameWithLegalForm_IsOrganisationIncludingTheForm(string text, string span)
    {
        var doc = Analyze(text);
        Assert.True(Has(doc, span, MentionKind.Organization), Listing(doc));
    }

    [Theory]
    [InlineData("We moved to a small town in Florida last year.", "Florida")]
    [InlineData("After two weeks in Sydney we flew home.", "Sydney")]
    [InlineData("There are few flower shops around Norman these days.", "Norman")]
    public void Process_PlaceAfterPlacePreposition_IsNoPersonByGivenName(string text, string place)
    {
        var doc = Analyze(text);
        Assert.False(Has(doc, place, MentionKind.Person), Listing(doc));
    }

    [Theory]
    [InlineData("Please forward the draft to Brant before noon.", "Brant")]
    [InlineData("Dinner at Hayes Street Grill was the best meal of the trip.", "Hayes Street Grill")]
    public void Process_PersonOrPlaceHead_Decided(string text, string span)
    {
        var doc = Analyze(text);
        var expectPerson = !span.Contains("Street", StringComparison.Ordinal);
        Assert.Equal(expectPerson, Has(doc, span, MentionKind.Person));
    }

    [Theory]
    [InlineData("The memo was drafted by Rumsfeld and two aides.", "Rumsfeld")]
    [InlineData("Critics say Wolfowitz shaped the plan.", "Wolfowitz")]
    [InlineData("Arafat's death left a vacuum.", "Arafat")]
    public void Process_SurnameOfKnownPerson_IsPerson(string text, string surname)
    {
        var doc = Analyze(text);
        Assert.True(Has(doc, surname, MentionKind.Person), Listing(doc));
    }

    [Theory]
    [InlineData("Price is also very reasonable at the new shop.", "Price")]
    [InlineData("Thanks For The Great Job You And Your Boys Have Done On The Roof.", "Boys")]
    [InlineData("The coalition met today. Later the Coalition issued a statement.", "Coalition")]
    public void Process_CommonWordThatEndsAKnownName_IsNoPerson(string text, string word)
    {
        var doc = Analyze(text);
        Assert.False(Has(doc, word, MentionKind.Person), Listing(doc));
    }

    [Theory]
    [InlineData("The Bank of Korea raised its main rate on Thursday.", "Bank of Korea")]
    [InlineData("A complaint was filed against the Housing Authority of New Orleans last week.", "Housing Authority of New Orleans")]
    [InlineData("She was named to the Superior Court of the District of Columbia in May.", "Superior Court of the District of Columbia")]
    [InlineData("Officials at the Ministry of Foreign Affairs declined to comment.", "Ministry of Foreign Affairs")]
    [InlineData("The United States Department of Energy released the figures.", "United States Department of Energy")]
    [InlineData("Teachers from the Greater New Orleans Housing Center met on Monday.", "Greater New Orleans Housing Center")]
    [InlineData("He spent twenty years at Rodale Press as an editor.", "Rodale Press")]
    public void Process_OrganisationWordWithOfPhrase_IsOneOrganisation(string text, string span)
    {
        var doc = Analyze(text);
        Assert.True(Has(doc, span, MentionKind.Organization), Listing(doc));
    }

    [Theory]
    [InlineData("The flight from New York landed late.", "York")]
    public void Process_PartOfPlaceName_IsNoPerson(string text, string word)
    {
        var doc = Analyze(text);
        Assert.False(Has(doc, word, MentionKind.Person), Listing(doc));
    }

    [Theory]
    [InlineData("Suzanne is back at work after the holidays.", "Suzanne", true)]
    [InlineData("Margaret has confirmed the booking for Friday.", "Margaret", true)]
    [InlineData("Will is needed to finish the job. We will see.", "Will", false)]
    public void Process_GivenNameFirstBeforeVerb_IsPersonUnlessACommonWordHere(string text, string name, bool person)
    {
        var doc = Analyze(text);
        Assert.Equal(person, Has(doc, name, MentionKind.Person));
    }

    [Fact]
    public void Process_DictionaryNameWithHonorific_SpanLeavesTheHonorificOut()
    {
        var doc = Analyze("Crowds mourned Sheikh Ahmed Yassin in Gaza on Monday.");
        Assert.True(Has(doc, "Ahmed Yassin", MentionKind.Person), Listing(doc));
    }
}
