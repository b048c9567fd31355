using Tacitus.Documents;
using Tacitus.Knowledge;
using Tacitus.Mentions;
using Tacitus.Pipeline;
using Tacitus.Text;

using static Tacitus.Tests.Mentions.ActorTestDocuments;

namespace Tacitus.Tests.Mentions;

/// <summary>Rules that find organisations' names, and keep other capitalised words out (places run first, as in the full pipeline).</summary>
public sealed class OrganisationNameTests
{
    [Theory]
    [InlineData("The staff there were friendly and VERY quick with the order.", "VERY")]
    [InlineData("Whatever dish you pick, you will LOVE it at this little cafe.", "LOVE")]
    [InlineData("Please send the signed forms back ASAP so we can file them.", "ASAP")]
    [InlineData("The utility issued a new RFQ for winter supplies last week.", "RFQ")]
    [InlineData("She will start next month as SVP of the trading group in the city.", "SVP")]
    public void Process_CommonWordOrShorthandInCapitals_IsNoOrganisation(string text, string word)
    {
        var doc = Analyze(text);
        Assert.False(Has(doc, word, MentionKind.Organization), Listing(doc));
    }

    [Theory]
    [InlineData("The grant came from the Federation of Coastal Fishermen last spring.", "Federation of Coastal Fishermen")]
    [InlineData("She leads the Association of Muslim Scholars in the north.", "Association of Muslim Scholars")]
    [InlineData("The complaint was filed with the Department of Housing and Urban Development on Monday.", "Department of Housing and Urban Development")]
    [InlineData("He teaches at the School of Industrial and Systems Engineering downtown.", "School of Industrial and Systems Engineering")]
    [InlineData("The Office of Science & Technology wrote the report.", "Office of Science & Technology")]
    public void Process_OrganisationWordOfCapitalisedWords_IsOneOrganisation(string text, string span)
    {
        var doc = Analyze(text);
        Assert.True(Has(doc, span, MentionKind.Organization), Listing(doc));
    }

    [Theory]
    [InlineData("Talks with the Bank of England and Barclays went on all night.", "Bank of England")]
    [InlineData("The Institute of Ballistics and Marta Quell signed the deal.", "Institute of Ballistics")]
    public void Process_AndBeforeAName_EndsTheOrganisation(string text, string span)
    {
        var doc = Analyze(text);
        Assert.True(Has(doc, span, MentionKind.Organization), Listing(doc));
    }

    [Theory]
    [InlineData("She is a lecturer at Ottawa University and writes on trade.", "Ottawa University")]
    [InlineData("Students from Moscow State University marched on Sunday.", "Moscow State University")]
    public void Process_CapitalStartingAnOrganisationName_IsOrganisation(string text, string span)
    {
        var doc = Analyze(text);
        Assert.True(Has(doc, span, MentionKind.Organization), Listing(doc));
    }

    [Theory]
    [InlineData("Settlers moved deeper into the West Bank last year.", "West Bank")]
    public void Process_PlaceEndingInOrganisationWord_IsNoOrganisation(string text, string span)
    {
        var doc = Analyze(text);
        Assert.False(Has(doc, span, MentionKind.Organization), Listing(doc));
        Assert.False(Has(doc, span + ".", MentionKind.Organization), Listing(doc));
    }

    [Theory]
    [InlineData("Officers said the Army would stay in the valley until May.", "Army", true)]
    [InlineData("The Coalition decision angered the tribal leaders.", "Coalition", true)]
    [InlineData("Five marines from the Navy rescued the crew.", "Navy", true)]
    [InlineData("He bought the Post at the station.", "Post", false)]
    [InlineData("The Army Chief of Staff flew in on Monday.", "Army", false)]
    [InlineData("An Army spokesman declined to comment.", "Army", false)]
    public void Process_LoneStateBodyAfterThe_IsOrganisation(string text, string word, bool expected)
    {
        var doc = Analyze(text);
        Assert.True(expected == Has(doc, word, MentionKind.Organization), Listing(doc));
    }

    [Theory]
    [InlineData("The loan was approved by the Harbor Bank. Then the board met.", "Harbor Bank")]
    [InlineData("Shares rose at Quell Corp. Then they fell.", "Quell Corp.")]
    [InlineData("The papers went to the counterparty, QRNG, Inc.. On Monday they signed.", "QRNG, Inc.")]
    public void Process_OrganisationEndingASentence_KeepsOnlyAnAbbreviationsStop(string text, string span)
    {
        var doc = Analyze(text);
        Assert.True(Has(doc, span, MentionKind.Organization), Listing(doc));
    }

    [Theory]
    [InlineData("The Harbor Fair Housing Counselling Center (HFHCCX) filed a complaint. Lawyers for HFHCCX said the rules were broken.", "HFHCCX", 2)]
    [InlineData("Shares of Quellco Energy Services, Inc. fell. Quellco said it would cut jobs. Staff at Quellco liked the plan.", "Quellco", 2)]
    [InlineData("Staff at Quellco Corp. left early. Then the Quellco Tower lights went out.", "Quellco", 0)]
    [InlineData("Brandt Consulting Group hired Anna Brandt. Brandt said she was glad.", "Brandt", 0)]
    public void Process_ShortFormOfANamedOrganisation_IsTheOrganisation(string text, string form, int count)
    {
        var doc = Analyze(text);
        var found = doc.Mentions.Where(m => doc.Slice(m.Span).SequenceEqual(form) && m.Kind == MentionKind.Organization).ToList();
        Assert.True(count == found.Count, Listing(doc));
        Assert.All(found, m => Assert.NotEqual(form, m.Name));
    }

    [Fact]
    public void Process_ShortFormAfterCoreference_JoinsTheOrganisationsEntity()
    {
        var doc = Analyze("Shares of Quellco Energy Services, Inc. fell. Quellco said it would cut jobs.");
        var entities = doc.Mentions.Where(m => m.Kind == MentionKind.Organization).Select(m => m.Entity).Distinct().ToList();
        Assert.Single(entities);
        Assert.NotNull(entities[0]);
    }

    [Theory]
    [InlineData("Shares of Quellco Energy Services fell sharply on Monday.", "Quellco Energy Services")]
    [InlineData("Members of Harbor Rowing Club met the mayor.", "Harbor Rowing Club")]
    public void Process_CommonWordOpeningTheSentence_StaysOutOfTheName(string text, string span)
    {
        var doc = Analyze(text);
        Assert.True(Has(doc, span, MentionKind.Organization), Listing(doc));
    }

    [Theory]
    [InlineData("Last year the group bought the mapping company Quellco for cash.", "Quellco", true)]
    [InlineData("He told supporters of the ruling Varnak party that he would stay.", "Varnak", true)]
    [InlineData("The hunt for senior Varnak officials went on for weeks.", "Varnak", true)]
    [InlineData("Quellco spokesman Omar Tallis declined to comment.", "Quellco", true)]
    [InlineData("Analysts compared Google and Quellco on their cloud sales.", "Quellco", true)]
    [InlineData("The company John Brandt founded grew quickly.", "John Brandt", false)]
    [InlineData("Sales at Google and Prevention rose, but prevention is better than cure.", "Prevention", false)]
    public void Process_NameWithAnOrganisationCue_IsOrganisation(string text, string name, bool expected)
    {
        var doc = Analyze(text);
        Assert.True(expected == Has(doc, name, MentionKind.Organization), Listing(doc));
    }

    [Fact]
    public void Process_MemberTitleAfterCuedOrganisation_GivesThePersonItsAffiliation()
    {
        var doc = Analyze("Quellco spokesman Omar Tallis declined to comment.");
        var person = doc.Mentions.Single(m => doc.Slice(m.Span).SequenceEqual("Omar Tallis"));
        Assert.Equal("Quellco", person.Affiliation);
        Assert.Equal("spokesman", person.Role);
    }

    [Theory]
    [InlineData("Senior cleric Yasin al-Karbali said the talks had failed.", "Yasin al-Karbali")]
    [InlineData("The envoy met Omar bin-Hadi in the capital.", "Omar bin-Hadi")]
    public void Process_ArabicParticleInName_StaysInThePersonsName(string text, string name)
    {
        var doc = Analyze(text);
        Assert.True(Has(doc, name, MentionKind.Person), Listing(doc));
    }

    [Theory]
    [InlineData("The same cannot be said of Islamic Varnak, which refused the truce.", "Varnak")]
    [InlineData("Violence spread through the Sunni Arab towns on Wednesday.", "Arab")]
    public void Process_CapitalisedCommunityWordBeforeName_IsNoPersonsTitle(string text, string name)
    {
        var doc = Analyze(text);
        Assert.False(Has(doc, name, MentionKind.Person), Listing(doc));
    }

    [Theory]
    [InlineData("At the same time, an Iranian Opposition Group released new papers.", "Iranian Opposition Group", "IRN")]
    [InlineData("He said the Iraqi Islamic Party would take part in the vote.", "Iraqi Islamic Party", "IRQ")]
    public void Process_NationalityBeforeOrganisationName_BelongsToTheName(string text, string span, string country)
    {
        var doc = Analyze(text);
        var org = doc.Mentions.FirstOrDefault(m => doc.Slice(m.Span).SequenceEqual(span) && m.Kind == MentionKind.Organization);
        Assert.True(org is not null, Listing(doc));
        Assert.Equal(country, org.Country?.Value);
    }

    [Theory]
    [InlineData("Calls are now forwarded to Dennis Hale Motorsports down the road.", "Dennis Hale Motorsports")]
    [InlineData("The charts were sent by Brill Futures on Friday.", "Brill Futures")]
    public void Process_GivenNameBeforeBusinessWord_IsOrganisation(string text, string span)
    {
        var doc = Analyze(text);
        Assert.True(Has(doc, span, MentionKind.Organization), Listing(doc));
    }

    [Theory]
    [InlineData("Darin Fisher wrote this response in January.", "Darin Fisher")]
    [InlineData("The prize went to Anna Farmer last night.", "Anna Farmer")]
    public void Process_RoleWordAfterGivenName_IsTheSurname(string text, string name)
    {
        var doc = Analyze(text);
        Assert.True(Has(doc, name, MentionKind.Person), Listing(doc));
    }
}
