using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Fusion;
using static Tacitus.Tests.Fusion.FusionFixtures;

namespace Tacitus.Tests.Fusion;

/// <summary>
/// The tally kept as reports join gives the status the judge gives all the reports from scratch: random sequences of
/// invented reports (actors and recipients that vote against each other, parties and outsiders, denials, anonymous
/// ends, figures shared between reports of one document), every prefix compared.
/// </summary>
public sealed class StatusTallyTests
{
    private static readonly ActorKey?[] Actors =
    [
        new("Norland Navy", "NRL", "MIL"), new("Norland Navy", "NRL", null), new(null, "NRL", "GOV"), new("Anja Brekke", "NRL", "GOV"),
        new("Velmar Port Authority", "VLM", "GOV"), new(null, "VLM", null), new("Coast Wire Agency", null, "MED"), new(null, null, null),
    ];

    private static readonly ReportSource[] Sources =
    [
        Source("Harbour Post"), Source("Velmar Courier"), Source("Coast Wire Agency"), Source("Norland Defence Ministry", "government", "NRL"),
        Source("Anja Brekke", "official", "NRL"), Source("Brekke", "official"), Source("Velmar Port Authority", "government", "VLM"),
        Source("Harbour Post", "anonymous"), Source("Velmar Courier", "anonymous", "VLM"),
        new ReportSource("harbour post", "Harbour Post", "media", true, null), // the key of a named outlet, but anonymous
        new ReportSource("velmar port authority", "Velmar Port Authority", "official", false, "VLM"), // one key, two kinds
    ];

    private static readonly string?[] Days = ["2024-05-02", "2024-05-03", "2024-05-04", null];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Status_RandomReportSequences_EqualsJudgingEveryPrefixFromScratch(int seed)
    {
        var random = new Random(seed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var sequence = 0; sequence < 400; sequence++)
        {
            var tally = new StatusTally(limit: 1000);
            var reports = new List<FusedReport>();
            var documents = new List<ReportDocument>();
            var length = random.Next(1, 9);
            for (var i = 0; i < length; i++)
            {
                var report = RandomReport(random, documents);
                reports.Add(report);
                tally.Add(report);

                var expected = Event([.. reports]).Status;
                Assert.True(tally.Complete);
                Assert.Equal(expected, tally.Status());
                seen.Add(expected);
            }
        }

        // the sequences reach every status, so each of the judge's rules was compared
        Assert.Equal(FusionStatus.All.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Status_RandomReportSequencesAcrossASmallBound_TallyOrTheJudgeFromScratchGiveTheJudgesStatus(int seed)
    {
        // what the caller stores: the tally's status while it is complete, else the judge's from the reports
        var random = new Random(seed);
        var (within, past) = (0, 0);
        for (var sequence = 0; sequence < 300; sequence++)
        {
            var limit = random.Next(1, 4);
            var tally = new StatusTally(limit);
            var reports = new List<FusedReport>();
            var documents = new List<ReportDocument>();
            var wasComplete = true;
            for (var i = 0; i < random.Next(1, 13); i++)
            {
                var report = RandomReport(random, documents);
                reports.Add(report);
                tally.Add(report);

                var expected = Event([.. reports]).Status;
                var stored = tally.Complete ? tally.Status() : Event([.. reports]).Status;
                Assert.Equal(expected, stored);
                Assert.Equal(reports.Count, tally.Reports);
                Assert.True(wasComplete || !tally.Complete, "a tally that let go stays incomplete");
                Assert.Equal(WithinBound(reports, limit), tally.Complete);
                wasComplete = tally.Complete;
                _ = tally.Complete ? within++ : past++;
            }
        }

        // both sides of the bound were compared
        Assert.True(within > 100 && past > 100, $"{within} within the bound, {past} past it");
    }

    [Fact]
    public void Add_MoreDistinctSourcesThanTheLimit_IncompleteAndStatusRefused()
    {
        var tally = new StatusTally(limit: 2);
        tally.Add(Report(Source("Harbour Post")));
        tally.Add(Report(Source("Velmar Courier")));
        tally.Add(Report(Source("Harbour Post")));
        Assert.True(tally.Complete);

        tally.Add(Report(Source("Coast Wire Agency")));

        Assert.False(tally.Complete);
        Assert.Throws<InvalidOperationException>(() => tally.Status());
    }

    [Fact]
    public void Add_MoreDistinctActorNamesThanTheLimit_Incomplete()
    {
        var tally = new StatusTally(limit: 2);
        tally.Add(ByActor("Norland Navy"));
        tally.Add(ByActor("Norland Coast Guard"));
        tally.Add(ByActor("Norland Navy"));
        Assert.True(tally.Complete);

        tally.Add(ByActor("Norland Army"));

        Assert.False(tally.Complete);
    }

    private static FusedReport ByActor(string name) => new()
    {
        Document = new ReportDocument("d", null, "Harbour Post", null, null),
        Evidence = "Norland's navy blockaded the port of Velmar.",
        Type = PloverType.Coerce,
        Actor = new ActorKey(name, "NRL", "MIL"),
        Source = Source("Harbour Post"),
    };

    /// <summary>
    /// What the tally may keep, counted from the reports: at most <paramref name="limit"/> distinct sources, distinct values
    /// of each actor and recipient field, and figures (once per document and quantity).
    /// </summary>
    private static bool WithinBound(List<FusedReport> reports, int limit)
    {
        var actors = reports.Select(r => r.Actor).ToList();
        var recipients = reports.Select(r => r.Recipient).OfType<ActorKey>().ToList();
        var fields = new[]
        {
            actors.Select(a => a.Name), actors.Select(a => a.Country), actors.Select(a => a.Sector),
            recipients.Select(a => a.Name), recipients.Select(a => a.Country), recipients.Select(a => a.Sector),
        };
        var figures = reports.SelectMany(r => r.Figures.Select(f => (r.Document.Id, f.Mention))).Distinct().Count();
        return reports.Select(r => r.Source).Distinct().Count() <= limit && figures <= limit
            && fields.All(values => values.OfType<string>().Distinct(StringComparer.Ordinal).Count() <= limit);
    }

    [Fact]
    public void JudgeNew_RandomSingleReports_SameFieldsAndStatusAsJudge()
    {
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var report = RandomReport(random, []);
            var judged = Event(report);
            var fresh = new FusedEvent { Id = 1, Type = report.Type, Actor = report.Actor };
            fresh.Reports.Add(report);

            FusedEventJudge.JudgeNew(fresh);

            Assert.Equal(
                (judged.Type, judged.Mode, judged.Cameo, judged.Actor, judged.Recipient, judged.DateValue, judged.DatePrecision, judged.Earliest, judged.Latest, judged.Location, judged.Status),
                (fresh.Type, fresh.Mode, fresh.Cameo, fresh.Actor, fresh.Recipient, fresh.DateValue, fresh.DatePrecision, fresh.Earliest, fresh.Latest, fresh.Location, fresh.Status));
            Assert.Equal(judged.StatusReports, fresh.StatusReports);
        }
    }

    [Fact]
    public void Status_SameDayFiguresFromTwoOutlets_DisputedAsTheJudgeSays()
    {
        var tally = new StatusTally(limit: 10);
        tally.Add(Report(Source("Harbour Post"), figures: Killed(4)));
        Assert.Equal(FusionStatus.SingleSource, tally.Status());

        tally.Add(Report(Source("Velmar Courier"), outlet: "Velmar Courier", figures: Killed(12, mention: 3)));

        Assert.Equal(FusionStatus.Disputed, tally.Status());
    }

    [Fact]
    public void Add_MoreFiguresThanTheLimit_IncompleteAndStatusRefused()
    {
        var tally = new StatusTally(limit: 2);
        tally.Add(Report(Source("Harbour Post"), figures: [Killed(4), Killed(5, mention: 1)]));
        Assert.True(tally.Complete);

        tally.Add(Report(Source("Velmar Courier"), figures: Killed(6)));

        Assert.False(tally.Complete);
        Assert.Throws<InvalidOperationException>(() => tally.Status());
    }

    private static FusedReport RandomReport(Random random, List<ReportDocument> documents)
    {
        // a third of the reports come from a document an earlier report came from (their figures are counted once)
        ReportDocument document;
        if (documents.Count > 0 && random.Next(3) == 0)
        {
            document = documents[random.Next(documents.Count)];
        }
        else
        {
            var day = Days[random.Next(Days.Length)];
            document = new ReportDocument($"doc{documents.Count}", null, "Harbour Post", day is null ? null : DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), null);
            documents.Add(document);
        }

        var roll = random.Next(10);
        var report = new FusedReport
        {
            Document = document,
            Evidence = "Norland's navy blockaded the port of Velmar.",
            Type = PloverType.Coerce,
            Actor = Actors[random.Next(Actors.Length)]!,
            Recipient = random.Next(3) == 0 ? null : Actors[random.Next(Actors.Length)],
            DateValue = "2024-05-01",
            DateBasis = "explicit",
            Date = DateRange.Of("2024-05-01", "explicit"),
            Source = Sources[random.Next(Sources.Length)],
            Denial = roll == 0,
            Modality = new Modality { Denied = roll == 1, Negated = roll == 2, Hedged = roll == 3 },
        };
        for (var f = random.Next(-2, 3); f > 0; f--)
        {
            report.Figures.Add(new FusedFigure(random.Next(2) == 0 ? "killed" : "injured", random.Next(0, 4) * 4, null, "person", random.Next(3)));
        }

        return report;
    }
}
