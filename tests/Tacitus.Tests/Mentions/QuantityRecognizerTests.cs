using Tacitus.Documents;
using Tacitus.Mentions;
using Tacitus.Text;

namespace Tacitus.Tests.Mentions;

public sealed class QuantityRecognizerTests
{
    private static Document Analyse(string text)
    {
        var document = new Document(text, new DocumentMetadata { Origin = "test.txt" }) { Language = "en" };
        new SentenceSegmenter().Process(document, CancellationToken.None);
        new BoilerplateMarker().Process(document, CancellationToken.None);
        new QuantityRecognizer().Process(document, CancellationToken.None);
        return document;
    }

    private static List<Mention> Quantities(Document document) => document.Mentions.Where(m => m.Kind == MentionKind.Quantity).ToList();

    [Theory]
    [InlineData(" hundred", 160, "miles")]
    [InlineData(" hundred", 160, "people")]
    [InlineData(" dozen", 300, "people")]
    public void Process_NumberWordsPastDoubleRange_EveryValueFiniteAndTheAnalysisWritesAsJson(string scale, int times, string unit)
    {
        var text = "Officials said one" + string.Concat(Enumerable.Repeat(scale, times)) + $" {unit} crossed, and 200 people fled.";

        var document = Analyse(text);

        Assert.All(Quantities(document), q => Assert.True(double.IsFinite(q.Quantity!.Value ?? 0)));
        Assert.Contains(Quantities(document), q => q.Quantity!.Value == 200);
        Assert.Contains("\"value\":200", Tacitus.Contract.AnalysisJsonWriter.ToJson(document), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The border town is 520 miles away.", "520 miles", 520, "mile", 836_858.88, "m")]
    [InlineData("The wall runs for 3.5 km along the river.", "3.5 km", 3.5, "kilometer", 3_500, "m")]
    [InlineData("The tower is 300 feet tall.", "300 feet", 300, "foot", 91.44, "m")]
    [InlineData("The crossing took 40 minutes.", "40 minutes", 40, "minute", 2_400, "s")]
    [InlineData("The ship carried 2,000 tonnes of grain.", "2,000 tonnes", 2_000, "tonne", 2_000_000, "kg")]
    [InlineData("The hull was 1,200 metres long.", "1,200 metres", 1_200, "meter", 1_200, "m")]
    [InlineData("The convoy moved at 60 mph.", "60 mph", 60, "mile_per_hour", 26.8224, "m/s")]
    public void Process_NumberWithUnit_NormalisesToSi(string text, string expression, double value, string unit, double si, string siUnit)
    {
        var mention = Assert.Single(Quantities(Analyse(text)));
        Assert.Equal(expression, mention.Span.TextOf(text));
        Assert.Equal(value, mention.Quantity!.Value);
        Assert.Equal(unit, mention.Quantity.Unit);
        Assert.Equal(si, mention.Quantity.SiValue!.Value, 3);
        Assert.Equal(siUnit, mention.Quantity.SiUnit);
    }

    [Theory]
    [InlineData("The fund raised $5 billion last year.", "$5 billion", 5e9, "usd")]
    [InlineData("Tickets cost £300 each.", "£300", 300, "gbp")]
    [InlineData("The bank lent 2.5 million euros to the club.", "2.5 million euros", 2.5e6, "eur")]
    [InlineData("The fine was 700 yuan.", "700 yuan", 700, "cny")]
    [InlineData("The deal was worth $8.2bn.", "$8.2bn", 8.2e9, "usd")]
    [InlineData("About 30 people were hurt.", "30 people", 30, "person")]
    [InlineData("Police detained 200 protesters.", "200 protesters", 200, "person")]
    [InlineData("Twelve soldiers were wounded.", "Twelve soldiers", 12, "person")]
    [InlineData("A dozen villagers fled.", "A dozen villagers", 12, "person")]
    [InlineData("Turnout rose to 65.5% this year.", "65.5%", 65.5, "percent")]
    [InlineData("Unemployment fell by 2 per cent.", "2 per cent", 2, "percent")]
    public void Process_MoneyPeoplePercent_KeepsValueAndUnit(string text, string expression, double value, string unit)
    {
        var mention = Assert.Single(Quantities(Analyse(text)));
        Assert.Equal(expression, mention.Span.TextOf(text));
        Assert.Equal(value, mention.Quantity!.Value);
        Assert.Equal(unit, mention.Quantity.Unit);
    }

    [Theory]
    [InlineData("The trip could take 12 to 14 hours.", "12 to 14 hours", 12, 14, "hour")]
    [InlineData("The road is closed for between 5 and 10 km.", "between 5 and 10 km", 5, 10, "kilometer")]
    [InlineData("Expect queues of 5-10 km.", "5-10 km", 5, 10, "kilometer")]
    [InlineData("Seats cost $20 to $40.", "$20 to $40", 20, 40, "usd")]
    [InlineData("The storm lasted two or three days.", "two or three days", 2, 3, "day")]
    public void Process_Range_GivesLowAndHigh(string text, string expression, double low, double high, string unit)
    {
        var mention = Assert.Single(Quantities(Analyse(text)));
        Assert.Equal(expression, mention.Span.TextOf(text));
        Assert.Null(mention.Quantity!.Value);
        Assert.Equal(low, mention.Quantity.Low);
        Assert.Equal(high, mention.Quantity.High);
        Assert.Equal(unit, mention.Quantity.Unit);
    }

    [Theory]
    [InlineData("The border is about 520 miles (840 kilometers) away.", true)]
    [InlineData("The river is 100 km, or about 62 miles, long.", true)]
    [InlineData("The lake is 100 miles (300 kilometers) long.", false)]
    public void Process_TwoUnits_LinksAndChecksAgreement(string text, bool consistent)
    {
        var document = Analyse(text);
        var pair = Quantities(document);
        Assert.Equal(2, pair.Count);
        Assert.Equal(document.Mentions.IndexOf(pair[1]), pair[0].Quantity!.SameAs);
        Assert.Equal(document.Mentions.IndexOf(pair[0]), pair[1].Quantity!.SameAs);
        Assert.Equal(consistent, pair[0].Quantity!.Consistent);
        Assert.Equal(consistent, pair[1].Quantity!.Consistent);
        if (consistent)
        {
            Assert.Empty(document.Warnings);
        }
        else
        {
            var warning = Assert.Single(document.Warnings);
            Assert.Equal("TAC410", warning.Code);
            Assert.Equal("test.txt", warning.File);
        }
    }

    [Fact]
    public void Process_ValuesInSeparateClauses_AreNotLinked()
    {
        var document = Analyse("The first leg was 40 miles and the second was 90 kilometers.");
        Assert.All(Quantities(document), m => Assert.Null(m.Quantity!.SameAs));
    }

    [Theory]
    [InlineData("The plant closed three years ago.")]
    [InlineData("The meeting lasted about an hour.")]
    [InlineData("He celebrated his 35th birthday in 2019.")]
    [InlineData("One of the officials declined to comment.")]
    [InlineData("The vote was held on 9 January.")]
    public void Process_NoQuantity_FindsNothing(string text)
    {
        Assert.Empty(Quantities(Analyse(text)));
    }
}
