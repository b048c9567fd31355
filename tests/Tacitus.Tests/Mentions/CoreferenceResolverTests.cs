using Tacitus.Documents;
using static Tacitus.Tests.Mentions.ActorTestDocuments;

namespace Tacitus.Tests.Mentions;

public sealed class CoreferenceResolverTests
{
    private const string Story =
        "Kenyan Interior Minister Ochieng Mwangi arrived in Kampala on Monday. Mwangi met Ugandan officials at the airport. " +
        "The Kenyan minister said the border would reopen. He left on Tuesday.";

    [Theory]
    [InlineData("Mwangi")]
    [InlineData("Kenyan minister")]
    [InlineData("He")]
    public void Process_SurnameDescriptionPronoun_JoinThePerson(string span)
    {
        var doc = Analyze(Story, "2024-03-01");
        var full = Find(doc, "Ochieng Mwangi", MentionKind.Person);
        var other = Find(doc, span, MentionKind.Person);
        Assert.NotNull(full.Entity);
        Assert.Equal(full.Entity, other.Entity);
        Assert.Equal("KEN", other.Country?.Value);
        Assert.Equal("Ochieng Mwangi", other.Name);
    }

    [Theory]
    [InlineData("Kenyan minister", true)]
    [InlineData("He", true)]
    [InlineData("Mwangi", false)]
    public void Process_ResolvedReference_IsMarked(string span, bool reference)
    {
        Assert.Equal(reference, Find(Analyze(Story, "2024-03-01"), span, MentionKind.Person).IsReference);
    }

    [Fact]
    public void Process_SheAfterApposition_JoinsThePerson()
    {
        var doc = Analyze("Anna Berg, a fellow at the Brookings Institution, warned of delays. She said costs would rise.");
        Assert.Equal(Find(doc, "Anna Berg").Entity, Find(doc, "She").Entity);
    }

    [Fact]
    public void Process_PronounWithNoPersonBefore_StaysUnresolved()
    {
        var doc = Analyze("Prices rose sharply in March. He said nothing.");
        Assert.False(Has(doc, "He", MentionKind.Person));
    }

    [Fact]
    public void Process_TwoMetonymsOfOneCountry_ShareAnEntity()
    {
        var doc = Analyze("Moscow rejected the plan. Later Moscow said it would consider a new one.");
        var mentions = doc.Mentions.Where(m => m.Kind == MentionKind.Country).ToList();
        Assert.Equal(2, mentions.Count);
        Assert.Equal(mentions[0].Entity, mentions[1].Entity);
    }

    [Fact]
    public void Process_GivenNameThatIsAFamilyName_JoinsTheFullName()
    {
        var doc = Analyze("Opposition leader Kim Min-jun arrived in Busan. Officials said Kim would speak on Friday.");
        Assert.Equal(Find(doc, "Kim Min-jun").Entity, Find(doc, "Kim").Entity);
        Assert.Equal("Kim Min-jun", Find(doc, "Kim").Name);
    }
}
