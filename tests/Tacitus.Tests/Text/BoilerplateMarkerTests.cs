using Tacitus.Documents;
using Tacitus.Text;

namespace Tacitus.Tests.Text;

public sealed class BoilerplateMarkerTests
{
    /// <summary>A made-up wire story with a tag line on top and the usual closing pleas and credits.</summary>
    private const string Story =
        "• Harbor Wire\n\n\n" +
        "Port workers in Valmora ended a nine-day strike on Tuesday after the harbor authority agreed to raise wages by 6%, union leaders said.\n\n" +
        "The deal, reached after talks that ran past midnight, covers about 4,000 dock workers. Shipping lines said traffic would return to normal by Friday.\n\n" +
        "The authority’s chairman, Elena Duarte, said the increase would be paid from higher berthing fees. “Nobody wins a long strike,” she told reporters.\n\n" +
        "Reporting by Tomas Rell; Editing by Ana Beck\n\n" +
        "Independent journalism has never been more important.\n" +
        "By subscribing, you help us keep reporters on the waterfront.\n" +
        "Follow us on Twitter for live updates.\n\n" +
        "Copyright © 2024 Harbor Wire. All rights reserved.";

    private static Document Analyse(string text, string? outlet = null)
    {
        var document = new Document(text, new DocumentMetadata { Outlet = outlet });
        new SentenceSegmenter().Process(document, CancellationToken.None);
        new BoilerplateMarker().Process(document, CancellationToken.None);
        return document;
    }

    [Fact]
    public void Process_WireStory_MarksTagLineCreditsAndPleas()
    {
        var document = Analyse(Story);
        var marked = document.Sentences.Where(s => s.Boilerplate).Select(s => (s.Span.TextOf(document.Text), s.BoilerplateRule)).ToList();
        Assert.Equal(
            [
                ("• Harbor Wire", "outlet-tag"),
                ("Reporting by Tomas Rell; Editing by Ana Beck", "credit-line"),
                ("Independent journalism has never been more important.", "support-plea"),
                ("By subscribing, you help us keep reporters on the waterfront.", "subscribe-call"),
                ("Follow us on Twitter for live updates.", "follow-line"),
                ("Copyright © 2024 Harbor Wire.", "copyright"),
                ("All rights reserved.", "copyright"),
            ],
            marked);
        Assert.Equal(5, document.Sentences.Count(s => !s.Boilerplate));
        Assert.All(document.Sentences.Where(s => !s.Boilerplate), s => Assert.Null(s.BoilerplateRule));
    }

    [Fact]
    public void Process_TagLineAndNoOutlet_SetsOutlet()
    {
        var document = Analyse(Story);
        Assert.Equal("Harbor Wire", document.Metadata.Outlet);
    }

    [Fact]
    public void Process_TagLineAndKnownOutlet_KeepsOutlet()
    {
        var document = Analyse(Story, outlet: "Valmora Times");
        Assert.Equal("Valmora Times", document.Metadata.Outlet);
        Assert.True(document.Sentences[0].Boilerplate);
    }

    [Theory]
    [InlineData("• Harbor Wire\n\nThe port reopened.", "Harbor Wire")]
    [InlineData("— Coastal Press\n\nThe port reopened.", "Coastal Press")]
    [InlineData("VALMORA (Harbor Wire) — The port reopened on Friday.", "Harbor Wire")]
    [InlineData("(HW) —\n\nThe port reopened.", "HW")]
    public void Process_OutletTagForms_NameTheOutlet(string text, string outlet)
    {
        var document = Analyse(text);
        Assert.True(document.Sentences[0].Boilerplate);
        Assert.Equal("outlet-tag", document.Sentences[0].BoilerplateRule);
        Assert.Equal(outlet, document.Metadata.Outlet);
        Assert.False(document.Sentences[^1].Boilerplate);
    }

    [Theory]
    [InlineData("Subscribe to our newsletter.", "subscribe-call")]
    [InlineData("Sign up for the Morning Brief newsletter here.", "subscribe-call")]
    [InlineData("For more, sign up for our weekly newsletter.", "subscribe-call")]
    [InlineData("A subscription helps us fund independent reporting.", "subscribe-call")]
    [InlineData("In a time of rumours and noise, quality reporting is more crucial than ever.", "support-plea")]
    [InlineData("Our journalism depends on readers like you.", "support-plea")]
    [InlineData("Please donate today to keep our newsroom open.", "support-plea")]
    [InlineData("Your support helps us stay independent.", "support-plea")]
    [InlineData("Share this article", "share-line")]
    [InlineData("Follow Jane Roe on Twitter @janeroe.", "follow-line")]
    [InlineData("Click here to read the full report.", "click-here")]
    [InlineData("Read more: Port strike ends", "read-more")]
    [InlineData("Additional reporting by Li Wen in Valmora.", "credit-line")]
    [InlineData("Photo: Harbor Wire", "credit-line")]
    [InlineData("Contact the author at jane@example.com.", "contact-line")]
    [InlineData("This story has been updated with comment from the union.", "editorial-note")]
    [InlineData("By Jane Roe and Tomas Rell", "byline")]
    public void Process_BoilerplateSentence_IsMarkedWithRule(string sentence, string rule)
    {
        var document = Analyse(sentence);
        Assert.Single(document.Sentences);
        Assert.True(document.Sentences[0].Boilerplate);
        Assert.Equal(rule, document.Sentences[0].BoilerplateRule);
    }

    [Theory]
    [InlineData("Netflix added 8.8 million subscribers in the quarter, the company said.")]
    [InlineData("The newspaper lost thousands of subscribers after it raised prices.")]
    [InlineData("Subscription revenue rose 12% to $4.1 billion.")]
    [InlineData("Customers can sign up for the service from Monday, the company said.")]
    [InlineData("Reporting by the Associated Press found that the deal had collapsed.")]
    [InlineData("The union said reporting from the region had become dangerous.")]
    [InlineData("Critics said local journalism is under threat from falling advertising revenue.")]
    [InlineData("“We plan to help support our work on climate change,” the director said.")]
    [InlineData("He said the company would follow its rivals on pricing.")]
    [InlineData("Follow-up talks are expected next week.")]
    [InlineData("She said she would donate her salary to charity.")]
    [InlineData("The campaign asked supporters to donate before the deadline.")]
    [InlineData("Copyright lawsuits against the firm have multiplied.")]
    [InlineData("All rights to the film were sold to a streaming service.")]
    [InlineData("By Tuesday, the rebels had withdrawn from the town.")]
    [InlineData("The broadcaster asked viewers to share the video with police.")]
    [InlineData("The chef José Andrés criticised the plan.")]
    [InlineData("The U.S. Copyright Office rejected the claim.")]
    [InlineData("Join us here on the island!” the mayor told the crowd.")]
    public void Process_NewsSentence_IsNotMarked(string sentence)
    {
        var document = Analyse(sentence);
        Assert.All(document.Sentences, s => Assert.False(s.Boilerplate, $"marked by {s.BoilerplateRule}"));
    }

    [Fact]
    public void Process_KelvinSignForK_StillMarked()
    {
        var document = Analyse("Clic\u212A here to read the full report.");
        Assert.Equal("click-here", document.Sentences[0].BoilerplateRule);
    }

    [Fact]
    public void Process_BylineFarFromTop_IsNotMarked()
    {
        var text = string.Concat(Enumerable.Repeat("The port reopened on Friday.\n\n", 4)) + "By Jane Roe\n\nShips returned.\n\nTrade resumed.\n\nPrices fell.\n\nWorkers cheered.";
        var document = Analyse(text);
        Assert.DoesNotContain(document.Sentences, s => s.Boilerplate);
    }

    [Fact]
    public void Process_SignOffBeforeLastParagraph_IsNotMarked()
    {
        var document = Analyse("“Companies pay zero taxes.”\n\n- Sanders.\n\nThat claim is misleading.");
        Assert.DoesNotContain(document.Sentences, s => s.Boilerplate);
        var signed = Analyse("The port reopened on Friday.\n\nShips returned.\n\nTrade resumed.\n\n— Harbor Wire");
        Assert.Equal("sign-off", signed.Sentences[^1].BoilerplateRule);
    }

    [Fact]
    public void Default_ShippedRules_LoadAndAreNamed()
    {
        Assert.NotEmpty(BoilerplateRules.Default);
        Assert.All(BoilerplateRules.Default, r => Assert.False(string.IsNullOrWhiteSpace(r.Name)));
    }

    [Theory]
    [InlineData("name\tany", "expected 3 tab-separated fields")]
    [InlineData("name\tsomewhere\tfoo", "scope 'somewhere'")]
    [InlineData("name\tany\t(unclosed", "bad pattern")]
    public void Parse_BadLine_FailsNamingLine(string line, string message)
    {
        var result = BoilerplateRules.Parse(new StringReader("# comment\n" + line), "rules.tsv");
        Assert.False(result.Success);
        Assert.Contains("rules.tsv:2", result.Error, StringComparison.Ordinal);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }
}
