using Tacitus.Documents;
using Tacitus.Mentions;
using Tacitus.Text;

namespace Tacitus.Tests.Mentions;

public class PlaceRecognizerTests
{
    private static List<Mention> Places(string text)
    {
        var document = new Document(text, new DocumentMetadata()) { Language = "en" };
        new SentenceSegmenter().Process(document, CancellationToken.None);
        new BoilerplateMarker().Process(document, CancellationToken.None);
        new PlaceRecognizer().Process(document, CancellationToken.None);
        return [.. document.Mentions.Where(m => m.Kind == MentionKind.Place)];
    }

    private static Mention Single(string text, string words)
    {
        var found = Places(text).Where(m => m.Span.TextOf(text) == words).ToList();
        Assert.True(found.Count == 1, $"expected one place '{words}' in: {text}; found {string.Join(", ", Places(text).Select(m => m.Span.TextOf(text)))}");
        return found[0];
    }

    [Theory]
    [InlineData("Protesters gathered in Paris on Sunday.", "Paris", "Paris", "FRA")]
    [InlineData("The fair was held in Paris, Texas, last week.", "Paris", "Paris", "USA")]
    [InlineData("The fair was held in Paris, Tex., last week.", "Paris", "Paris", "USA")]
    [InlineData("He landed in the French capital on Monday.", "the French capital", "Paris", "FRA")]
    [InlineData("Officials in the Kenyan port city of Mombasa said the ship had docked.", "Mombasa", "Mombasa", "KEN")]
    [InlineData("Talks resumed in Beijing on Tuesday.", "Beijing", "Beijing", "CHN")]
    [InlineData("The delegation left the North Korean capital at dawn.", "the North Korean capital", "Pyongyang", "PRK")]
    [InlineData("A Beijing-based analyst disagreed.", "Beijing", "Beijing", "CHN")]
    [InlineData("China's envoy arrived late.", "China", "China", "CHN")]
    [InlineData("Troops crossed into North Korea overnight.", "North Korea", "North Korea", "PRK")]
    [InlineData("Ministers met in the U.S. this week.", "U.S.", "United States", "USA")]
    [InlineData("He grew up in Reading before moving away.", "Reading", "Reading", "GBR")]
    [InlineData("The minister flew to Jordan on Monday.", "Jordan", "Jordan", "JOR")]
    public void Process_Sentence_ResolvesPlace(string text, string words, string name, string country)
    {
        var place = Single(text, words);
        Assert.Equal(name, place.Name);
        Assert.Equal(country, place.Country?.Value);
        Assert.NotNull(place.Place?.Lat);
        Assert.NotNull(place.Place?.Lon);
        Assert.False(string.IsNullOrEmpty(place.Rule));
    }

    [Fact]
    public void Process_SpringfieldIllinois_ResolvesToTheIllinoisCapital()
    {
        const string text = "The senator spoke in Springfield, Illinois, on Friday.";
        var springfield = Single(text, "Springfield");
        Assert.Equal(4250542, springfield.Place?.GeoNamesId);
        var illinois = Single(text, "Illinois");
        Assert.Equal("region", illinois.Place?.FeatureType);
    }

    [Theory]
    [InlineData("George Washington crossed the river at night.", "Washington")]
    [InlineData("Michael Jordan scored forty points.", "Jordan")]
    [InlineData("Reading the report, she frowned.", "Reading")]
    [InlineData("The vote is due in May, officials said.", "May")]
    [InlineData("The Washington Post published the letter.", "Washington")]
    [InlineData("Foreign firms fled the Chinese capital markets.", "the Chinese capital")]
    [InlineData("Clinton said the plan would fail.", "Clinton")]
    public void Process_NameThatIsNotAPlace_FindsNoPlace(string text, string words) =>
        Assert.DoesNotContain(Places(text), m => m.Span.TextOf(text) == words);

    [Theory]
    [InlineData("Floods hit Georgia on Tuesday. Rescuers reached villages near Tbilisi and the Russian border.", "GEO", "country")]
    [InlineData("Storms hit Georgia on Tuesday. Roads near Atlanta and Savannah were closed, the governor said.", "USA", "region")]
    public void Process_Georgia_ResolvedByDocumentContext(string text, string country, string featureType)
    {
        var georgia = Single(text, "Georgia");
        Assert.Equal(country, georgia.Country?.Value);
        Assert.Equal(featureType, georgia.Place?.FeatureType);
    }

    [Fact]
    public void Process_Place_HasGeoNamesIdPopulationAndSentence()
    {
        const string text = "Nothing happened here.\n\nProtesters gathered in Paris on Sunday.";
        var paris = Single(text, "Paris");
        Assert.Equal(2988507, paris.Place?.GeoNamesId);
        Assert.Equal("city", paris.Place?.FeatureType);
        Assert.True(paris.Place?.Population > 1_000_000);
        Assert.Equal(1, paris.Sentence);
    }

    [Fact]
    public void Process_BoilerplateSentence_IsSkipped()
    {
        var document = new Document("Subscribe in London today.", new DocumentMetadata()) { Language = "en" };
        new SentenceSegmenter().Process(document, CancellationToken.None);
        new BoilerplateMarker().Process(document, CancellationToken.None);
        document.Sentences[0].Boilerplate = true;
        new PlaceRecognizer().Process(document, CancellationToken.None);
        Assert.Empty(document.Mentions);
    }

    [Theory]
    [InlineData("The Russian navy sailed at dawn.", "Russian", "Russia", "RUS")]
    [InlineData("Two North Korean ships were seen.", "North Korean", "North Korea", "PRK")]
    [InlineData("European ministers met on Monday.", "European", "Europe", null)]
    [InlineData("Officials said Latin American markets fell.", "Latin American", "South America", null)]
    public void Process_Demonym_IsPlaceOfItsCountryOrArea(string text, string words, string name, string? country)
    {
        var place = Single(text, words);
        Assert.Equal(name, place.Name);
        Assert.Equal(country, place.Country?.Value);
        Assert.Equal("place:demonym", place.Rule);
    }

    [Theory]
    [InlineData("The letter was written in Russian.", "Russian")]
    [InlineData("She speaks French and Farsi at home.", "French")]
    [InlineData("He landed in the French capital on Monday.", "French")]
    public void Process_DemonymAsLanguageOrCapital_IsNotADemonymPlace(string text, string words) =>
        Assert.DoesNotContain(Places(text), m => m.Span.TextOf(text) == words);

    [Theory]
    [InlineData("The return Amsterdam-London leg takes four hours.", "Amsterdam", "London")]
    [InlineData("The US-China talks ended without a deal.", "US", "China")]
    [InlineData("The Nigeria-Ukrainian forum opened on Friday.", "Nigeria", "Ukrainian")]
    public void Process_HyphenatedPlaces_GivesEachPart(string text, string first, string second)
    {
        Single(text, first);
        Single(text, second);
    }

    [Theory]
    [InlineData("An African-American pastor spoke at the meeting.", "American")]
    [InlineData("Police in Miami-Dade arrested a man.", "Dade")]
    public void Process_HyphenatedNotAllPlaces_GivesNoPart(string text, string words) =>
        Assert.DoesNotContain(Places(text), m => m.Span.TextOf(text) == words);

    [Theory]
    [InlineData("Considering Tunisia's interest in security, the offer was made. Talks in Tunisia resumed.", "Tunisia", 2)]
    [InlineData("Staff at Air Lindora flew out. Flights to Zimbabwe resumed. Zimbabwe welcomed them.", "Zimbabwe", 2)]
    [InlineData("Headline Politics Ukraine rejects the law. Critics in Ukraine protested.", "Ukraine", 1)]
    public void Process_CountryAfterCapitalisedWord_DoesNotHideLaterMentions(string text, string words, int atLeast) =>
        Assert.True(Places(text).Count(m => m.Span.TextOf(text) == words) >= atLeast, string.Join(", ", Places(text).Select(m => m.Span.TextOf(text))));

    [Fact]
    public void Process_PersonNamedLikeARegion_StaysAPerson()
    {
        const string text = "Skater Georgia Lamb trained at dawn. Later Georgia said she was tired.";
        Assert.DoesNotContain(Places(text), m => m.Span.TextOf(text) == "Georgia");
    }

    [Theory]
    [InlineData("Soldiers were embedded with US Special Forces near the border.", "US", "USA")]
    [InlineData("The EU Commission proposed new rules.", "EU", null)]
    [InlineData("Delegates met the South Korea Coast Guard team.", "South Korea", "KOR")]
    public void Process_AbbreviatedOrLongCountryBeforeAName_IsKept(string text, string words, string? country)
    {
        var place = Single(text, words);
        Assert.Equal(country, place.Country?.Value);
        Assert.Equal("place:in-name", place.Rule);
    }

    [Theory]
    [InlineData("Russia Expels Sixty Diplomats Over Poisoning", "Russia")]
    [InlineData("Storm Hits Texas Coast Overnight", "Texas")]
    public void Process_TitleCaseHeadline_KeepsCountryOrRegion(string text, string words) => Single(text, words);

    [Fact]
    public void Process_WireDateline_GivesItsPlaces()
    {
        const string text = "COLUMBUS, Ohio (AP) — The two teams met again on Friday night.";
        var document = new Document(text, new DocumentMetadata()) { Language = "en" };
        new SentenceSegmenter().Process(document, CancellationToken.None);
        new BoilerplateMarker().Process(document, CancellationToken.None);
        Assert.True(document.Sentences[0].Boilerplate); // the marker marks a dateline
        new PlaceRecognizer().Process(document, CancellationToken.None);
        var places = document.Mentions.Where(m => m.Kind == MentionKind.Place).Select(m => m.Span.TextOf(text)).ToList();
        Assert.Contains("COLUMBUS", places);
        Assert.Contains("Ohio", places);
    }

    [Fact]
    public void Process_SentenceInitialAllCapitalsState_IsAPlace()
    {
        const string text = "WASHINGTON is preparing new rules, officials said.";
        Assert.Equal("USA", Single(text, "WASHINGTON").Country?.Value);
    }
}
