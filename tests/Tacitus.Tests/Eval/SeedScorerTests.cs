using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Eval.Readers;
using Tacitus.Eval.Scoring;
using static Tacitus.Tests.Eval.EvalFixtures;

namespace Tacitus.Tests.Eval;

public class SeedScorerTests
{
    private static readonly SeedGold Gold = SeedGold.Read(Path("seed", "harbor.gold.json"));
    private static readonly string Text = File.ReadAllText(Path("seed", "harbor.txt"));

    private static TextSpan SentenceOf(string words)
    {
        var at = Find(Text, words);
        var start = Text.LastIndexOf('\n', at.Start) + 1;
        var end = Text.IndexOf('\n', at.End);
        return new TextSpan(start, end < 0 ? Text.Length : end);
    }

    private static EventRecord Event(PloverType type, string actor, string? recipient, string evidence, Modality? modality = null) => new()
    {
        Event = type,
        Actor = new ActorRef { Text = actor, Country = CountryCode.From(actor) },
        Recipient = recipient is null ? null : new ActorRef { Text = recipient, Country = CountryCode.From(recipient) },
        Evidence = SentenceOf(evidence),
        Modality = modality ?? Modality.Asserted,
    };

    /// <summary>An analysis that finds the required event with every field right, codes the denial without carrying it, and codes one event from the boilerplate.</summary>
    private static Document Analysis()
    {
        var doc = Doc(Text);
        doc.Attributions.Add(new Attribution
        {
            Source = new SourceRef { Text = "the Ghana News Agency", Name = "Ghana News Agency", Span = Find(Text, "the Ghana News Agency") },
            Cue = Find(Text, "reported"),
            Content = Find(Text, "Ghana’s president met Togo’s foreign minister in Accra on Monday"),
            Evidence = SentenceOf("reported"),
            Anonymous = true,
        });
        var e1 = Event(PloverType.Consult, "GHA", "TGO", "foreign minister");
        e1.Date = new EventDate("on Monday", "2020-05-04", "publication");
        e1.Location = new EventLocation { Text = "Accra", Name = "Accra" };
        e1.Attribution = 0;
        doc.Events.Add(e1);
        doc.Events.Add(Event(PloverType.Reject, "TGO", null, "has denied"));
        doc.Events.Add(Event(PloverType.Request, "GHA", null, "Subscribe today"));
        doc.Mentions.Add(new Mention { Kind = MentionKind.Place, Span = Find(Text, "Accra"), Name = "Accra", Country = CountryCode.From("GHA") });
        return doc;
    }

    [Theory]
    [InlineData("required events found", 1, 1)]
    [InlineData("optional events found", 1, 1)]
    [InlineData("output events matching a gold event (precision)", 2, 3)]
    [InlineData("events not from no-event sentences or boilerplate", 2, 3)]
    [InlineData("found events: date right", 1, 1)]
    [InlineData("found events: location right", 1, 1)]
    [InlineData("found events: attribution source right", 1, 1)]
    [InlineData("found events: anonymity right", 1, 1)]
    [InlineData("events from denied statements carrying the denial", 0, 1)]
    [InlineData("attributions found (source and anonymity right)", 1, 2)]
    [InlineData("people, organisations, places named with their country", 1, 2)]
    [InlineData("boilerplate sentences marked", 0, 1)]
    public void Score_HandBuiltAnalysis_MatchesAsGoldMdDescribes(string measure, int right, int of)
    {
        var scorer = new SeedScorer(Gold);

        scorer.Score(Analysis(), "harbor.txt");

        Assert.Equal((right, of), scorer.Measures[measure]);
    }

    [Fact]
    public void Score_WrongRecipientCountry_DoesNotFindTheEvent()
    {
        var doc = Doc(Text);
        doc.Events.Add(Event(PloverType.Consult, "GHA", "USA", "foreign minister"));
        var scorer = new SeedScorer(Gold);

        scorer.Score(doc, "harbor.txt");

        Assert.Equal((0, 1), scorer.Measures["required events found"]);
        Assert.Contains(scorer.Misses, m => m.Kind == "missed-required-event" && m.Output.Contains("CONSULT GHA", StringComparison.Ordinal));
        Assert.Contains(scorer.Misses, m => m.Kind == "spurious-event");
    }

    [Fact]
    public void Score_DenialCarried_Counts()
    {
        var doc = Doc(Text);
        doc.Events.Add(Event(PloverType.Reject, "TGO", "GHA", "has denied", new Modality { Denied = true }));
        var scorer = new SeedScorer(Gold);

        scorer.Score(doc, "harbor.txt");

        Assert.Equal((1, 1), scorer.Measures["events from denied statements carrying the denial"]);
        Assert.Equal((1, 1), scorer.Measures["optional events found"]);
    }

    [Theory]
    [InlineData("Ghana’s  president\n met", "Ghana's president met")]
    [InlineData("“new path”", "\"new path\"")]
    [InlineData("  a  b ", "a b")]
    public void Fold_Text_FoldsQuotesAndCollapsesSpace(string input, string folded) => Assert.Equal(folded, EvalText.Fold(input));
}
