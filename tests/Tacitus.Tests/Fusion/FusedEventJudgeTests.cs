using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Fusion;
using static Tacitus.Tests.Fusion.FusionFixtures;

namespace Tacitus.Tests.Fusion;

/// <summary>The case table of statuses and figure conflicts: reports written for the project about an invented blockade.</summary>
public sealed class FusedEventJudgeTests
{
    public static TheoryData<string, string, int[]> StatusCases() => new()
    {
        // a party to the event (Norland's defence ministry, the actor's government) says so
        { "confirmed", FusionStatus.Confirmed, [1] },
        // two outlets in their own voice: two independent sources
        { "two-outlets", FusionStatus.Corroborated, [0, 1] },
        // two outlets that both cite the same wire agency: one source
        { "outlets-citing-one-agency", FusionStatus.SingleSource, [0, 1] },
        // only unnamed officials, behind two outlets
        { "anonymous-only", FusionStatus.AnonymousOnly, [0, 1] },
        // the actor's government denies it
        { "denied-by-party", FusionStatus.Denied, [1] },
        // an outlet says it did not happen while another says it did
        { "negated-by-outsider", FusionStatus.Disputed, [0, 1] },
        // the same day, 4 killed against 12 killed
        { "figures-far-apart", FusionStatus.Disputed, [0, 1] },
    };

    [Theory]
    [MemberData(nameof(StatusCases))]
    public void Judge_Reports_StatusAndTheReportsThatEarnedIt(string name, string status, int[] earnedBy)
    {
        var fused = Event(Case(name));

        Assert.Equal(status, fused.Status);
        Assert.Equal(earnedBy, fused.StatusReports);
    }

    private static FusedReport[] Case(string name) => name switch
    {
        "confirmed" => [Report(Source("Harbour Post")), Report(Source("Norland Defence Ministry", "government", "NRL"))],
        "two-outlets" => [Report(Source("Harbour Post")), Report(Source("Velmar Courier"), outlet: "Velmar Courier")],
        "outlets-citing-one-agency" => [Report(Source("Coast Wire Agency")), Report(Source("Coast Wire Agency"), outlet: "Velmar Courier")],
        "anonymous-only" => [Report(Source("Harbour Post", "anonymous")), Report(Source("Velmar Courier", "anonymous"), outlet: "Velmar Courier")],
        "denied-by-party" => [Report(Source("Harbour Post")), Report(Source("Norland Defence Ministry", "government", "NRL"), denied: true)],
        "negated-by-outsider" => [Report(Source("Harbour Post")), Report(Source("Velmar Courier"), negated: true, outlet: "Velmar Courier")],
        "figures-far-apart" => [Report(Source("Harbour Post"), figures: Killed(4)), Report(Source("Velmar Courier"), outlet: "Velmar Courier", figures: Killed(12, mention: 3))],
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Fact]
    public void Judge_OutletsCitingOneAgency_CountOneIndependentSource()
    {
        var fused = Event(Case("outlets-citing-one-agency"));

        var source = Assert.Single(fused.Sources);
        Assert.Equal("Coast Wire Agency", source.Name);
        Assert.Equal([0, 1], source.Reports);
    }

    [Fact]
    public void Judge_DenialByParty_KeepsTheDenialWithItsSource()
    {
        var fused = Event(Case("denied-by-party"));

        var denial = fused.Reports[fused.StatusReports[0]];
        Assert.True(denial.Modality.Denied);
        Assert.Contains(fused.Sources, s => s.Party && s.Name == "Norland Defence Ministry");
    }

    public static TheoryData<string, string[], string[]> FigureCases() => new()
    {
        // (published day, killed) per report, in the order they were stored → conflict kinds
        { "rising toll", ["2024-05-02:4", "2024-05-03:6", "2024-05-04:10"], [] },
        { "later report lower, same kind of source", ["2024-05-02:12", "2024-05-03:6"], ["figure-decrease"] },
        { "same day far apart", ["2024-05-02:4", "2024-05-02:12"], ["figure-spread"] },
        { "same day close", ["2024-05-02:10", "2024-05-02:12"], [] },
    };

    [Theory]
    [MemberData(nameof(FigureCases))]
    public void Judge_Figures_SeriesInTimeOrderLatestMarkedConflictsFlagged(string name, string[] series, string[] conflicts)
    {
        var reports = series.Select((s, i) =>
        {
            var parts = s.Split(':');
            return Report(Source(i % 2 == 0 ? "Harbour Post" : "Velmar Courier"), parts[0], outlet: i % 2 == 0 ? "Harbour Post" : "Velmar Courier",
                figures: Killed(double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), "at least", i));
        }).Reverse().ToArray();

        var fused = Event(reports);

        Assert.Equal(series.Select(s => s.Split(':')[0]).Order(StringComparer.Ordinal), fused.Figures.Select(f => f.Document!.Published!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(fused.Figures[^1].Latest, name);
        Assert.Single(fused.Figures, f => f.Latest);
        Assert.All(fused.Figures, f => Assert.Equal("at least", f.Qualifier));
        Assert.Equal(conflicts, fused.Conflicts.Select(c => c.Kind));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void FiguresConflict_RandomSeries_TrueWhenTheJudgeFlagsAFigureConflict(int seed)
    {
        var random = new Random(seed);
        var outcomes = new int[2];
        string?[] days = ["2024-05-02", "2024-05-03", "2024-05-04", null];
        string[] kinds = ["government", "media", "official"];
        for (var sequence = 0; sequence < 1000; sequence++)
        {
            var reports = new List<FusedReport>();
            for (var i = random.Next(1, 7); i > 0; i--)
            {
                // a document an earlier report came from now and then (its figures are counted once), some undated
                var from = reports.Count > 0 && random.Next(4) == 0 ? reports[random.Next(reports.Count)].Document : null;
                var day = days[random.Next(days.Length)];
                var document = from ?? new ReportDocument($"doc{reports.Count}", null, "Harbour Post", day is null ? null : DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), null);
                var report = Report(Source($"Outlet {random.Next(3)}", kinds[random.Next(kinds.Length)]));
                var placed = new FusedReport
                {
                    Document = document, Evidence = report.Evidence, Type = report.Type, Actor = report.Actor, Source = report.Source,
                };
                for (var f = random.Next(0, 4); f > 0; f--)
                {
                    placed.Figures.Add(new FusedFigure(random.Next(3) == 0 ? "injured" : "killed", random.Next(0, 5) * 3, null, "person", random.Next(3)));
                }

                reports.Add(placed);
            }

            var expected = Event([.. reports]).Conflicts.Any(c => c.Kind is "figure-decrease" or "figure-spread");

            var conflict = FusedEventJudge.FiguresConflict(Collected(reports));

            Assert.Equal(expected, conflict);
            outcomes[conflict ? 1 : 0]++;
        }

        Assert.All(outcomes, n => Assert.True(n > 100, $"{outcomes[0]} without a conflict, {outcomes[1]} with one"));
    }

    [Fact]
    public void FiguresConflict_SeriesAskedAgain_AllocatesNothing()
    {
        var rising = Collected([.. Enumerable.Range(0, 8).Select(i => Report(Source("Harbour Post"), $"2024-05-0{1 + i}", figures: Killed(4 + i, mention: i)))]);
        var spread = Collected([Report(Source("Harbour Post"), figures: Killed(4)), Report(Source("Velmar Courier"), outlet: "Velmar Courier", figures: Killed(12, mention: 3))]);
        Assert.False(FusedEventJudge.FiguresConflict(rising));
        Assert.True(FusedEventJudge.FiguresConflict(spread));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            FusedEventJudge.FiguresConflict(rising);
            FusedEventJudge.FiguresConflict(spread);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>The reports' figures as the status tally collects them: in report order, once per document and quantity.</summary>
    private static List<FusedFigure> Collected(List<FusedReport> reports)
    {
        var seen = new HashSet<(string, int)>();
        var collected = new List<FusedFigure>();
        for (var i = 0; i < reports.Count; i++)
        {
            foreach (var f in reports[i].Figures)
            {
                if (seen.Add((reports[i].Document.Id, f.Mention)))
                {
                    collected.Add(FusedEventJudge.Placed(f, i, reports[i]));
                }
            }
        }

        return collected;
    }

    [Theory]
    [InlineData("d1", "d2", "d1", "d2")]
    [InlineData("0123456789abcdef", "fedcba9876543210", "01234567", "fedcba98")]
    public void Judge_FigureConflictBetweenDocumentsWithoutOutlet_NamesTheStartOfEachDocumentId(string first, string second, string firstShown, string secondShown)
    {
        FusedReport Without(string id, double killed, int mention)
        {
            var report = Report(Source("Harbour Post"), figures: Killed(killed, mention: mention));
            var placed = new FusedReport
            {
                Document = new ReportDocument(id, null, null, new DateOnly(2024, 5, 2), null),
                Evidence = report.Evidence, Type = report.Type, Actor = report.Actor, Source = report.Source,
            };
            placed.Figures.AddRange(report.Figures);
            return placed;
        }

        var fused = Event(Without(first, 4, 0), Without(second, 12, 1));

        var conflict = Assert.Single(fused.Conflicts);
        Assert.Equal("figure-spread", conflict.Kind);
        Assert.Equal($"killed on the same day: 4 (Harbour Post, {firstShown}, 2024-05-02) against 12 (Harbour Post, {secondShown}, 2024-05-02)", conflict.Detail);
    }

    [Fact]
    public void Judge_DatesOfDifferentPrecision_MostPreciseValueWithTheRangeTheySpan()
    {
        var month = Report(Source("Harbour Post")) is var r ? r : null!;
        var monthReport = new FusedReport
        {
            Document = month.Document, Evidence = month.Evidence, Type = month.Type, Actor = month.Actor, Source = month.Source,
            DateValue = "2024-05", DateBasis = "explicit", Date = DateRange.Of("2024-05", "explicit"),
        };
        var fused = Event(monthReport, Report(Source("Velmar Courier"), outlet: "Velmar Courier"));

        Assert.Equal("2024-05-01", fused.DateValue);
        Assert.Equal(new DateOnly(2024, 5, 1), fused.Earliest);
        Assert.Equal(new DateOnly(2024, 5, 31), fused.Latest);
    }

    [Theory]
    [InlineData("2024-05-01", "explicit", false)]
    [InlineData("2024-05-02T09:30", "publication", false)]
    [InlineData(null, null, true)]
    public void Judge_OneReport_JudgedAsTheGroupingJudgesTwoCopiesOfIt(string? date, string? basis, bool denied)
    {
        FusedReport Make() => new()
        {
            Document = new ReportDocument("d", "d.txt", "Harbour Post", new DateOnly(2024, 5, 2), null),
            Evidence = "Norland's navy blockaded the port of Velmar.",
            Type = PloverType.Coerce,
            Mode = "blockade",
            Cameo = "191",
            Actor = new ActorKey("Norland Navy", "NRL", "MIL"),
            Recipient = new ActorKey(null, "VLM", null),
            DateValue = date,
            DateBasis = basis,
            Date = DateRange.Of(date, basis),
            Location = new PlaceKey("Velmar", "VLM", 1.5, 2.5, false),
            Source = Source("Norland Defence Ministry", "government", "NRL"),
            Modality = new Modality { Denied = denied },
        };

        var one = Event(Make());
        var two = Event(Make(), Make()); // the general path: the same values grouped

        Assert.Equal(
            (two.Type, two.Mode, two.Cameo, two.Actor, two.Recipient, two.DateValue, two.DatePrecision, two.Earliest, two.Latest, two.Location),
            (one.Type, one.Mode, one.Cameo, one.Actor, one.Recipient, one.DateValue, one.DatePrecision, one.Earliest, one.Latest, one.Location));
        var (source, expected) = (Assert.Single(one.Sources), Assert.Single(two.Sources));
        Assert.Equal((expected.Name, expected.Kind, expected.Anonymous, expected.Party), (source.Name, source.Kind, source.Anonymous, source.Party));
        Assert.Equal([0], source.Reports);
        Assert.Equal(two.Status, one.Status);
    }
}
