using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Fusion;
using Tacitus.Store;
using Tacitus.Tests.Store;
using static Tacitus.Tests.Fusion.FusionFixtures;

namespace Tacitus.Tests.Fusion;

/// <summary>
/// An attack report without a town read at the place of its document's own placed report of it: case tables of
/// hand-written reports of one invented document (a market attack in Velmar, a town of Velmaria).
/// </summary>
public sealed class PlaceContinuityTests : IDisposable
{
    private static readonly PlaceKey Velmar = new("Velmar", "VLM", 45.0, 10.0, false);
    private static readonly PlaceKey Durn = new("Durn", "VLM", 47.7, 10.0, false);
    private static readonly PlaceKey Velmaria = new("Velmaria", "VLM", 44.0, 11.0, true);
    private static readonly PlaceKey Ostland = new("Ostland", "OST", 50.0, 20.0, true);
    private static readonly PlaceKey Brenn = new("Brenn", "OST", 50.1, 20.1, false);

    private readonly string db = StoreFixtures.TempDb();

    public void Dispose() => StoreFixtures.DeleteDb(db);

    /// <summary>
    /// Each case: the document's reports as "TYPE sentence place date [options]" ("-" for none; places Velmar, Durn and
    /// Brenn are towns, Velmaria and Ostland countries; Velmar and Durn are in Velmaria; options: "verbal" for a sentence
    /// that shows a figurative attack (a minister attacking a plan in a speech), "heart" for a heart attack, "toll" for a count of dead, "actor:Name" and "target:Name" with _ for spaces,
    /// "-" for none; by default the actor is Ana Varga, no target, and the sentence says gunmen attacked), the report
    /// looked at, and the record whose place it is read with (-1: read as stored).
    /// </summary>
    public static TheoryData<string, string, int, int> Cases => new()
    {
        { "no place, after a placed attack", "ASSAULT 0 Velmar 2024-05-01|ASSAULT 2 - 2024-05-01", 1, 0 },
        { "country only, the same country", "ASSAULT 0 Velmar 2024-05-01|ASSAULT 1 Velmaria 2024-05-01", 1, 0 },
        { "country only, another country", "ASSAULT 0 Velmar 2024-05-01|ASSAULT 1 Ostland 2024-05-01", 1, -1 },
        { "dates a week apart", "ASSAULT 0 Velmar 2024-05-01|ASSAULT 1 - 2024-05-08", 1, -1 },
        { "a date at month precision that holds the day", "ASSAULT 0 Velmar 2024-05-01|ASSAULT 1 - 2024-05", 1, 0 },
        { "no date of its own", "ASSAULT 0 Velmar 2024-05-01|ASSAULT 1 - -", 1, 0 },
        { "fighting continues an attack (one family)", "ASSAULT 0 Velmar 2024-05-01|FIGHT 1 - 2024-05-01", 1, 0 },
        { "a placed meeting is another family", "CONSULT 0 Velmar 2024-05-01|ASSAULT 1 - 2024-05-01", 1, -1 },
        { "a blockade is not known by its place", "ASSAULT 0 Velmar 2024-05-01|COERCE 1 - 2024-05-01", 1, -1 },
        { "two towns: the nearest before it", "ASSAULT 0 Velmar 2024-05-01|ASSAULT 3 Durn 2024-05-01|ASSAULT 5 - 2024-05-01", 2, 1 },
        { "between two towns: the one before it", "ASSAULT 0 Velmar 2024-05-01|ASSAULT 3 - 2024-05-01|ASSAULT 5 Durn 2024-05-01", 1, 0 },
        { "before any placed report: read as stored", "ASSAULT 0 - 2024-05-01|ASSAULT 2 Durn 2024-05-01|ASSAULT 4 Velmar 2024-05-01", 0, -1 },
        { "the same sentence, an earlier record", "ASSAULT 2 Durn 2024-05-01|ASSAULT 2 - 2024-05-01", 1, 0 },
        { "a town named long before still carries", "ASSAULT 0 Durn 2024-05-01|ASSAULT 40 - 2024-05-01", 1, 0 },
        { "the nearest before it disagrees: the one that agrees", "ASSAULT 0 Velmar 2024-05-01|ASSAULT 2 Brenn 2024-05-01|ASSAULT 4 Velmaria 2024-05-01", 2, 0 },
        { "a placed report keeps its own town", "ASSAULT 0 Velmar 2024-05-01|ASSAULT 1 Durn 2024-05-01", 1, -1 },
        { "no placed report at all", "ASSAULT 0 Velmaria 2024-05-01|ASSAULT 1 - 2024-05-01", 1, -1 },
        { "a verbal attack takes no town", "ASSAULT 0 Velmar 2024-05-01|ASSAULT 1 - 2024-05-01 verbal", 1, -1 },
        { "a verbal attack gives no town", "ASSAULT 0 Velmar 2024-05-01 verbal|ASSAULT 1 - 2024-05-01", 1, -1 },
        { "no word of violence but a death toll", "ASSAULT 0 Velmar 2024-05-01|ASSAULT 1 - 2024-05-01 verbal toll", 1, 0 },
        { "another attacker named (early reports differ)", "ASSAULT 0 Velmar 2024-05-01|ASSAULT 1 - 2024-05-01 actor:Tomas_Brenner", 1, 0 },
        { "another target named", "ASSAULT 0 Velmar 2024-05-01 target:Port_Guard|ASSAULT 1 - 2024-05-01 target:Durn_Militia", 1, 0 },
        { "a heart attack", "ASSAULT 0 Velmar 2024-05-01|ASSAULT 1 - 2024-05-01 heart", 1, -1 },
        { "the nearest is figurative: the one before it", "ASSAULT 0 Velmar 2024-05-01|ASSAULT 1 Durn 2024-05-01 verbal|ASSAULT 2 - 2024-05-01", 2, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_ReportWithoutTown_TakesThePlaceOfItsDocumentsAgreeingReport(string name, string reports, int looked, int from)
    {
        var read = PlaceContinuity.Apply(Reports(reports), FusionLexicon.Default);

        var report = read[looked];
        var original = Reports(reports)[looked];
        if (from < 0)
        {
            Assert.True(report.PlaceFrom is null, name);
            Assert.Equal(original.Location, report.Location);
        }
        else
        {
            Assert.True(report.PlaceFrom is not null, name);
            Assert.Equal(from, report.PlaceFrom!.Event);
            Assert.Equal(read[from].Sentence, report.PlaceFrom.Sentence);
            Assert.Equal(read[from].Location, report.Location);
            Assert.Contains("same document", PlaceContinuity.Explain(report, 3), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Apply_ReportReadWithAnotherPlace_KeepsEverythingElse()
    {
        var reports = Reports("ASSAULT 0 Velmar 2024-05-01|ASSAULT 2 - 2024-05-01");
        reports[1].Figures.Add(Killed(12, "at least"));

        var read = PlaceContinuity.Apply(reports, FusionLexicon.Default);

        Assert.NotSame(reports[1], read[1]);
        Assert.Null(reports[1].Location);
        Assert.Equal(reports[1].Evidence, read[1].Evidence);
        Assert.Equal(reports[1].Actor, read[1].Actor);
        Assert.Equal(12, Assert.Single(read[1].Figures).Value);
        Assert.Same(reports[0], read[0]);
    }

    /// <summary>Through the store: two outlets, one naming the town in its first sentence only; one fused event, the stored records as they were.</summary>
    [Fact]
    public void Save_AttackReportsWithoutTown_OneFusedEventAndTheRecordsUnchanged()
    {
        var first = Document("Gunmen attacked the market in Velmar on Friday. The attackers killed at least 12 people, police said.", "Harbour Post", "2024-05-04", "a/market.txt");
        AddEvent(first, "attacked", PloverType.Assault, Unnamed("gunmen"), null, "2024-05-03", Location(null, "Velmar", false));
        AddEvent(first, "killed", PloverType.Assault, Actor("Velmar Front", "VLM"), null, "2024-05-03");
        var second = Document("A bomb went off at a market in Velmar on Friday. Velmaria mourned 14 people killed in the attack.", "Coast Wire", "2024-05-04", "b/bomb.txt");
        AddEvent(second, "went off", PloverType.Assault, Unnamed("bombers"), null, "2024-05-03", Location(null, "Velmar", false));
        AddEvent(second, "killed", PloverType.Assault, Actor("Velmaria", "VLM"), null, "2024-05-03", Location(second, "Velmaria", true));

        using var store = DocumentStore.Open(db);
        store.SaveBatch([first, second]);
        using var fusion = store.Fusion();

        var fused = Assert.Single(fusion.FusedEvents(new FusedEventFilter { Type = "ASSAULT" }));
        Assert.Equal(4, fused.Reports.Count);
        Assert.Equal("Velmar", fused.Location?.Name);
        Assert.Equal([null, 0, null, 0], fused.Reports.Select(r => r.PlaceFrom?.Event));
        var json = FusionStoreTests.Json(w => FusionJsonWriter.Write(w, fused));
        Assert.Contains("\"place_from\":{\"event\":0,\"sentence\":0,\"name\":\"Velmar\"}", json, StringComparison.Ordinal);
        Assert.Contains("continues the document", json, StringComparison.Ordinal);
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var events = connection.CreateCommand();
        events.CommandText = "SELECT group_concat(coalesce(location_name, '-'), ',') FROM (SELECT location_name FROM events ORDER BY document, idx)";
        Assert.Equal("Velmar,-,Velmar,Velmaria", events.ExecuteScalar());
    }

    /// <summary>An attacker the text describes without naming (as the recogniser gives "gunmen": no name, armed group).</summary>
    private static ActorRef Unnamed(string text) => new() { Text = text, Country = CountryCode.From("VLM"), Sector = Sector.From("UAF") };

    /// <summary>A place of Velmaria; a country is read from a country mention added to <paramref name="document"/>.</summary>
    private static EventLocation Location(Document? document, string name, bool country)
    {
        int? mention = null;
        if (country)
        {
            var at = document!.Text.IndexOf(name, StringComparison.Ordinal);
            document.Mentions.Add(new Mention { Kind = MentionKind.Country, Span = new TextSpan(at, at + name.Length), Name = name, Country = CountryCode.From("VLM") });
            mention = document.Mentions.Count - 1;
        }

        return new() { Text = name, Name = name, Country = CountryCode.From("VLM"), Lat = 45.0, Lon = 10.0, Mention = mention };
    }

    private static List<FusedReport> Reports(string spec) =>
        [.. spec.Split('|').Select((part, i) =>
        {
            var f = part.Split(' ');
            var date = f[3] == "-" ? null : f[3];
            var options = f.Skip(4).ToList();
            string? Named(string key) => options.FirstOrDefault(o => o.StartsWith(key + ":", StringComparison.Ordinal)) is { } o ? o[(key.Length + 1)..].Replace('_', ' ') : null;
            var actor = Named("actor") ?? "Ana Varga";
            var target = Named("target");
            var report = new FusedReport
            {
                Document = new ReportDocument("d1", "market.txt", "Harbour Post", new DateOnly(2024, 5, 9), null),
                Event = i,
                Sentence = int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture),
                Evidence = (options.Contains("verbal") ? "The minister attacked the budget plan in a speech, report "
                    : options.Contains("heart") ? "The mayor died of a heart attack, report " : "Gunmen attacked the square, report ") + i,
                Type = PloverTypes.Parse(f[0]).Value,
                Actor = actor == "-" ? new ActorKey(null, null, null) : new ActorKey(actor, "VLM", null),
                Recipient = target is null or "-" ? null : new ActorKey(target, "VLM", null),
                DateValue = date,
                DateBasis = date is null ? null : "explicit",
                Date = DateRange.Of(date, "explicit"),
                Location = f[2] switch
                {
                    "Velmar" => Velmar,
                    "Durn" => Durn,
                    "Brenn" => Brenn,
                    "Velmaria" => Velmaria,
                    "Ostland" => Ostland,
                    _ => null,
                },
                Source = Source("Harbour Post"),
                Modality = new Modality(),
            };
            if (options.Contains("toll"))
            {
                report.Figures.Add(Killed(9, null));
            }

            return report;
        })];
}
