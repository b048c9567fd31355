using Tacitus.Documents;
using static Tacitus.Tests.Mentions.ActorTestDocuments;

namespace Tacitus.Tests.Mentions;

/// <summary>The one step that settles overlapping place, person and organisation mentions, over the place and actor recognisers.</summary>
public sealed class MentionOverlapsTests
{
    [Theory]
    // a place inside an organisation's name stays a toponym, marked as inside the name
    [InlineData("Musicians of the Chicago Symphony Orchestra will tour next year.", "Chicago", "Place", "InName")]
    [InlineData("The Bank of England raised rates on Thursday.", "England", "Place", "InName")]
    // a nationality adjective inside an actor stands for its country, as it was
    [InlineData("The Kenyan government protested on Monday.", "Kenyan", "Place", "Adjective")]
    [InlineData("The Nigerian Senate met on Monday.", "Nigerian", "Place", "Adjective")]
    // a place and a country actor on the same words both stand
    [InlineData("Kenya rejected the plan on Monday.", "Kenya", "Place", "Name")]
    [InlineData("Kenya rejected the plan on Monday.", "Kenya", "Country", "Name")]
    // title + name: the person is the name after the title
    [InlineData("President William Ruto spoke in Nairobi on Monday.", "William Ruto", "Person", "Name")]
    [InlineData("President William Ruto spoke in Nairobi on Monday.", "Nairobi", "Place", "Name")]
    // a place inside a description stays: it gives the description its country
    [InlineData("A Kenyan economist said the bill would pass.", "Kenyan", "Place", "Adjective")]
    public void Settle_OverlapCase_MentionKeptWithForm(string text, string words, string kind, string form)
    {
        var doc = Analyze(text);

        var mention = Find(doc, words, Enum.Parse<MentionKind>(kind));
        Assert.Equal(Enum.Parse<MentionForm>(form), mention.Form);
    }

    [Theory]
    // a town inside a person's name is no place
    [InlineData("Elizabeth Warren said the bill would pass.", "Warren", "Place")]
    // a person inside an organisation's name is the organisation's
    [InlineData("The Amos Kiprop Foundation gave grants on Monday.", "Amos Kiprop", "Person")]
    public void Settle_OverlapCase_MentionGone(string text, string words, string kind)
    {
        var doc = Analyze(text);

        Assert.False(Has(doc, words, Enum.Parse<MentionKind>(kind)), Listing(doc));
    }

    /// <summary>A place crossing an actor's boundary stays: here the place is the wrong reading ("The Bank"), but in GeoWebNews
    /// as often the actor is ("New Jersey" against an organisation ending "Jersey, Inc."), so the step does not choose.</summary>
    [Fact]
    public void Settle_PlaceCrossingAnOrganisation_BothStay()
    {
        var doc = Analyze("The Bank of England raised rates on Thursday.");

        Assert.True(Has(doc, "Bank of England", MentionKind.Organization), Listing(doc));
        Assert.True(Has(doc, "The Bank", MentionKind.Place), Listing(doc));
    }
}
