using System.Text.Json.Nodes;
using Json.Schema;
using Tacitus.Contract;
using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Ingest;
using Tacitus.Pipeline;

namespace Tacitus.Tests.Contract;

public sealed class AnalysisSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "schema", "analysis.schema.json"));

    public static TheoryData<string> ExampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.txt").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Write_PipelineOutputForExample_ValidatesAgainstSchema(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "examples", file);
        var item = Assert.Single(DocumentSources.Read([path], IngestOptions.Default));
        Assert.Null(item.Error);
        var document = PipelineFactory.Create().Process(item.Document!);

        AssertValid(AnalysisJsonWriter.ToJson(document, explain: true));
        Assert.NotEmpty(document.Sentences);
    }

    [Fact]
    public void Write_DocumentWithEveryField_ValidatesAgainstSchema()
    {
        const string text = "Officials said Germany will send 4 systems to Kyiv on Tuesday.";
        var doc = new Document(text, new DocumentMetadata { Outlet = "Wire", Published = new DateOnly(2022, 10, 12), Title = "t", Url = "u" }) { Language = "en" };
        doc.Sentences.Add(new Sentence { Index = 0, Span = new TextSpan(0, text.Length) });
        doc.Mentions.Add(new Mention { Kind = MentionKind.Country, Span = Find(text, "Germany"), Sentence = 0, Entity = 0, Name = "Germany", Country = CountryCode.From("DEU"), Sector = Sector.Government, Rule = "country" });
        doc.Mentions.Add(new Mention { Kind = MentionKind.Place, Span = Find(text, "Kyiv"), Sentence = 0, Name = "Kyiv", Country = CountryCode.From("UKR"), Place = new PlaceInfo { Lat = 50.45, Lon = 30.52, GeoNamesId = 703448, FeatureType = "city" } });
        doc.Mentions.Add(new Mention { Kind = MentionKind.Time, Span = Find(text, "Tuesday"), Sentence = 0, Time = new TimeInfo { Value = "2022-10-11", Precision = TimePrecision.Day } });
        doc.Mentions.Add(new Mention { Kind = MentionKind.Quantity, Span = Find(text, "4 systems"), Sentence = 0, Quantity = new QuantityInfo { Value = 4, Unit = "system" } });
        var entity = new Entity { Id = 0, Name = "Germany", Kind = MentionKind.Country, Country = CountryCode.From("DEU") };
        entity.Mentions.Add(0);
        doc.Entities.Add(entity);
        var attribution = new Attribution
        {
            Source = new SourceRef { Text = "Officials", Kind = "anonymous", Span = Find(text, "Officials") },
            Cue = Find(text, "said"),
            Content = new TextSpan(15, text.Length),
            Evidence = new TextSpan(0, text.Length),
            Anonymous = true,
        };
        doc.Attributions.Add(attribution);
        var record = new EventRecord
        {
            Event = PloverType.Aid,
            Mode = "military",
            Cameo = CameoCode.From("0234"),
            Score = 7.4,
            Actor = new ActorRef { Text = "Germany", Name = "Germany", Country = CountryCode.From("DEU"), Sector = Sector.Government, Entity = 0 },
            Recipient = null,
            Date = new EventDate("Tuesday", "2022-10-11", "explicit"),
            Location = new EventLocation { Text = "Kyiv", Name = "Kyiv", Country = CountryCode.From("UKR"), Lat = 50.45, Lon = 30.52, GeoNamesId = 703448 },
            Attribution = 0,
            Modality = new Modality { Future = true },
            Confidence = 0.8,
            Evidence = new TextSpan(0, text.Length),
            Trigger = Find(text, "send"),
        };
        record.Explanation["event"] = "pattern send";
        record.Issues = [new IssueCount("MILITARY_AID", 2), new IssueCount("WEAPONS", 1)];
        doc.Events.Add(record);

        AssertValid(AnalysisJsonWriter.ToJson(doc, explain: true));
    }

    [Theory]
    [InlineData("fr", "Le gouvernement a rejeté les propositions de l'opposition mardi, a déclaré le ministre.", false)]
    [InlineData("en", "Vietnam has rejected China's claims in the South China Sea, officials in Hanoi said.", true)]
    public void Write_Language_SaysWhetherAnalysedAndValidates(string language, string text, bool analysed)
    {
        var document = PipelineFactory.Create().Process(new Document(text, new DocumentMetadata { Published = new DateOnly(2022, 11, 2) }) { Language = language });

        var json = AnalysisJsonWriter.ToJson(document);

        AssertValid(json);
        var head = JsonNode.Parse(json)!["document"]!;
        Assert.Equal(analysed, head["analysed"]!.GetValue<bool>());
        Assert.Equal(!analysed, head["not_analysed"]?.GetValue<string>()?.Contains(language, StringComparison.Ordinal) ?? false);
    }

    [Theory]
    [InlineData(null, "unknown")]
    [InlineData("2022-11-02", "publication")]
    public void Write_UndatedEvent_BasisUnknownWithoutPublicationDate(string? published, string basis)
    {
        var metadata = new DocumentMetadata { Published = published is null ? null : DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture) };
        var document = PipelineFactory.Create().Process(new Document("Vietnam has rejected China's claims in the South China Sea.", metadata) { Language = "en" });

        var json = AnalysisJsonWriter.ToJson(document);

        AssertValid(json);
        var date = JsonNode.Parse(json)!["events"]!.AsArray()[0]!["date"]!;
        Assert.Equal(basis, date["basis"]!.GetValue<string>());
        Assert.Equal(published, date["value"]?.GetValue<string>());
    }

    [Fact]
    public void Evaluate_OutputMissingRequiredField_IsInvalid()
    {
        var node = JsonNode.Parse("""{"document":{"id":"x"},"text":"","sentences":[],"mentions":[],"entities":[],"attributions":[]}""");
        Assert.False(Schema.Evaluate(node).IsValid);
    }

    private static TextSpan Find(string text, string words)
    {
        var start = text.IndexOf(words, StringComparison.Ordinal);
        return new TextSpan(start, start + words.Length);
    }

    private static void AssertValid(string json)
    {
        var result = Schema.Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = result.Details.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, string.Join("\n", errors));
    }
}
