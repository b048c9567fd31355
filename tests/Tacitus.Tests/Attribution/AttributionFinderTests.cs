using Tacitus.Documents;
using Tacitus.Tests.Events;

namespace Tacitus.Tests.Attributions;

public sealed class AttributionFinderTests
{
    private static Documents.Attribution Single(Document document, string cue)
    {
        var found = document.Attributions.Where(a => document.Slice(a.Cue).ToString() == cue).ToList();
        Assert.True(found.Count == 1, $"expected one attribution with cue '{cue}', found {found.Count}: " +
            string.Join(" | ", document.Attributions.Select(a => $"{document.Slice(a.Cue)}: {a.Source.Text}")));
        return found[0];
    }

    [Theory]
    [InlineData("Foreign Minister Ana Ruiz said on Monday that Chile would reopen its embassy in Lima.", "said", "Ana Ruiz", "official", false, "Chile would reopen its embassy in Lima")]
    [InlineData("The bridge will reopen next week, officials said.", "said", "officials", "anonymous", true, "The bridge will reopen next week")]
    [InlineData("The talks stalled over fishing rights, according to people familiar with the negotiations.", "according to", "people familiar with the negotiations", "anonymous", true, "The talks stalled over fishing rights")]
    [InlineData("The cabinet will resign on Friday, a source close to the prime minister said.", "said", "source close to the prime minister", "anonymous", true, "The cabinet will resign on Friday")]
    [InlineData("Two envoys left the capital overnight, diplomats who asked not to be named said.", "said", "diplomats who asked not to be named", "anonymous", true, "Two envoys left the capital overnight")]
    [InlineData("Lena Berg, a researcher at the Nordic Institute in Oslo, said that the survey was flawed.", "said", "Lena Berg", "person", false, "the survey was flawed")]
    [InlineData("According to the Harbour Gazette newspaper, the port will close in June.", "According to", "Harbour Gazette", "media", false, "the port will close in June")]
    public void Process_CueForms_FindSourceKindAnonymityAndContent(string text, string cue, string source, string kind, bool anonymous, string content)
    {
        var document = DocumentBuilder.With(text)
            .Person("Ana Ruiz", "CHL", "GOV").Person("Lena Berg", "NOR").Country("Chile", "CHL")
            .Analyse();

        var a = Single(document, cue);
        Assert.Equal(source, a.Source.Name);
        Assert.Equal(kind, a.Source.Kind);
        Assert.Equal(anonymous, a.Anonymous);
        Assert.Equal(content, document.Slice(a.Content).ToString());
    }

    [Fact]
    public void Process_ReportedCitingAnonymous_ChainIsAnonymous()
    {
        var document = DocumentBuilder.With("The ministry will review the contract, the Daily Courier newspaper reported, citing unnamed officials.")
            .Analyse();

        var a = Single(document, "reported");
        Assert.Equal("Daily Courier", a.Source.Name);
        Assert.Equal("media", a.Source.Kind);
        var via = Assert.Single(a.Via);
        Assert.Equal("unnamed officials", via.Text);
        Assert.True(a.Anonymous);
        Assert.Equal("The ministry will review the contract", document.Slice(a.Content).ToString());
        Assert.Contains("citing", a.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_NamedOutletWithoutChain_NotAnonymous()
    {
        var document = DocumentBuilder.With("The ferry could sail again by Thursday morning, Ostrava Radio said.")
            .Organization("Ostrava Radio", "CZE", "media")
            .Analyse();

        var a = Single(document, "said");
        Assert.Equal("media", a.Source.Kind);
        Assert.Equal("CZE", a.Source.Country?.Value);
        Assert.False(a.Anonymous);
    }

    [Fact]
    public void Process_QuoteOverTwoSentences_ContentCoversBoth()
    {
        var document = DocumentBuilder.With("“The border is closed. Nobody crosses tonight,” the commander said.").Analyse();

        var a = Single(document, "said");
        Assert.True(a.DirectQuote);
        Assert.Equal("The border is closed. Nobody crosses tonight", document.Slice(a.Content).ToString());
    }

    [Fact]
    public void Process_InvertedCue_SourceAfterCue()
    {
        var document = DocumentBuilder.With("“We will not retreat,” said Omar Haddad.").Person("Omar Haddad", "JOR").Analyse();

        var a = Single(document, "said");
        Assert.Equal("Omar Haddad", a.Source.Name);
        Assert.True(a.DirectQuote);
    }

    [Fact]
    public void Process_SurnameAfterFullName_ResolvesToEarlierSource()
    {
        var text = "Interior Minister Pavel Novak told reporters in Prague that the checks would end.\n\n“We have done our part,” Novak said.";
        var document = DocumentBuilder.With(text).Analyse();

        Assert.Equal(2, document.Attributions.Count);
        Assert.Equal("Pavel Novak", document.Attributions[0].Source.Name);
        Assert.Equal("Pavel Novak", document.Attributions[1].Source.Name);
        Assert.Equal("Novak", document.Attributions[1].Source.Text);
    }

    [Theory]
    [InlineData("Turkey has denied that it shelled the village.", "denied", "it shelled the village")]
    [InlineData("Still, Turkey has denied any role in the raid.", "denied", "any role in the raid")]
    public void Process_Denial_MarksDenialWithDenierAsSource(string text, string cue, string content)
    {
        var document = DocumentBuilder.With(text).Country("Turkey", "TUR").Analyse();

        var a = Single(document, cue);
        Assert.True(a.Denial);
        Assert.Equal("Turkey", a.Source.Name);
        Assert.Equal("government", a.Source.Kind);
        Assert.Equal(content, document.Slice(a.Content).ToString());
    }

    [Theory]
    [InlineData("Turkey dismissed reports that its jets had bombed the village.", "dismissed", true)]
    [InlineData("Turkey rejected allegations of torture in its prisons.", "rejected", true)]
    [InlineData("Turkey rejected a compromise offer from the opposition.", "rejected", false)]
    [InlineData("Turkey has rejected the claims in the Aegean made by its neighbour.", "rejected", false)]
    public void Process_RejectionCue_DenialOnlyForAClaimThatSomethingHappened(string text, string cue, bool denial)
    {
        var document = DocumentBuilder.With(text).Country("Turkey", "TUR").Analyse();

        var a = Single(document, cue);
        Assert.Equal(denial, a.Denial);
        Assert.Equal("Turkey", a.Source.Name);
    }

    [Fact]
    public void Process_Participle_SourceIsSentenceSubject()
    {
        var document = DocumentBuilder.With("Brazil recalled its ambassador, saying Tuesday the remarks were unacceptable.")
            .Country("Brazil", "BRA").Time("Tuesday", "2024-03-05")
            .Analyse();

        var a = Single(document, "saying");
        Assert.Equal("Brazil", a.Source.Name);
        Assert.Equal("the remarks were unacceptable", document.Slice(a.Content).ToString());
        Assert.Equal("2024-03-05", a.Date?.Value);
    }

    [Fact]
    public void Process_TrailingCueOpeningWithPronoun_CoversEarlierSentencesOfParagraph()
    {
        var text = "The minister toured the port in the morning. He flew home at noon, the agency reported.";
        var document = DocumentBuilder.With(text).Analyse();

        var a = Single(document, "reported");
        Assert.Equal("The minister toured the port in the morning. He flew home at noon", document.Slice(a.Content).ToString());
    }

    [Fact]
    public void Process_QuoteWithoutCue_ContinuesPreviousSpeaker()
    {
        var text = "Maria Lopes, the mayor, said the flood was the worst in decades.\n\n“We lost three bridges in one night and the water is still rising.”";
        var document = DocumentBuilder.With(text).Person("Maria Lopes", "PRT", "GOV").Analyse();

        Assert.Equal(2, document.Attributions.Count);
        Assert.True(document.Attributions[1].DirectQuote);
        Assert.Equal("Maria Lopes", document.Attributions[1].Source.Name);
    }

    [Theory]
    [InlineData("The talks resumed in Vienna on Monday.")]
    [InlineData("While there have been reports of shelling near the border, the road stayed open.")]
    [InlineData("The dinner was held on the date believed to be the founder's birthday.")]
    [InlineData("There has been no mention of the meetings in state media.")]
    public void Process_ArticleVoice_NoAttribution(string text)
    {
        var document = DocumentBuilder.With(text).Analyse();

        Assert.Empty(document.Attributions);
    }

    [Fact]
    public void Process_BoilerplateSentence_Skipped()
    {
        var document = DocumentBuilder.With("Prices rose, the bank said.\n\nSubscribers said our reporting helps, so subscribe today.")
            .Boilerplate("Subscribers said")
            .Analyse();

        var a = Assert.Single(document.Attributions);
        Assert.Equal("bank", a.Source.Text);
    }

    [Fact]
    public void Process_Rule_NamesCueAndSourceRule()
    {
        var document = DocumentBuilder.With("The vote was delayed, Andrea Costa said.").Person("Andrea Costa", "ITA").Analyse();

        var a = Assert.Single(document.Attributions);
        Assert.StartsWith("cue \"say\" (speech, trailing", a.Rule, StringComparison.Ordinal);
        Assert.Contains("person mention", a.Rule, StringComparison.Ordinal);
    }
}
