using Tacitus.Fusion;

namespace Tacitus.Tests.Fusion;

public sealed class OpenFusedEventsTests
{
    private static readonly FusedReport Blockade = FusionFixtures.Report(FusionFixtures.Source("Harbour Post")); // Norland (NRL) navy, 2024-05-01

    /// <summary>A fused event of story 1 (or <paramref name="story"/>), family "coerce", dated from <paramref name="from"/> to <paramref name="to"/> (null: undated), by an actor of <paramref name="country"/>.</summary>
    private static FusedEvent Event(long id, long story = 1, string? country = "NRL", string? from = "2024-05-01", string? to = null) => new()
    {
        Id = id,
        Story = story,
        Type = Tacitus.Domain.PloverType.Coerce,
        Actor = new ActorKey(null, country, null),
        Earliest = from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
        Latest = (to ?? from) is { } last ? DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture) : null,
    };

    /// <summary>The blockade report as stored from document row <paramref name="seq"/>.</summary>
    private static FusedReport Stored(long seq) => new()
    {
        Document = Blockade.Document,
        DocumentSeq = seq,
        Evidence = Blockade.Evidence,
        Type = Blockade.Type,
        Actor = Blockade.Actor,
        Date = Blockade.Date,
        Source = Blockade.Source,
    };

    public static TheoryData<string, long[]> CandidateCases() => new()
    {
        { "same story, most recent first", [3, 2, 1] },
        { "other story, same actor country, dates a day apart", [5] },
        { "other story, same actor country, dates three days apart", [] },
        { "other story, other actor country", [] },
        { "other story, undated", [] },
        { "same story, closed (no report within the window)", [2] },
        { "same story and same country: listed once", [7] },
    };

    [Theory]
    [MemberData(nameof(CandidateCases))]
    public void Candidates_Report_StoryFirstThenActorCountryAndDates(string name, long[] expected)
    {
        var open = new OpenFusedEvents(window: 100);
        var now = 500L;
        switch (name)
        {
            case "same story, most recent first":
                open.Add(Event(1), "coerce", now, reports: 0);
                open.Add(Event(2), "coerce", now, reports: 0);
                open.Add(Event(3), "coerce", now, reports: 0);
                open.Add(Event(4), "assault", now, reports: 0);
                break;
            case "other story, same actor country, dates a day apart":
                open.Add(Event(5, story: 2, from: "2024-04-29", to: "2024-04-30"), "coerce", now, reports: 0);
                break;
            case "other story, same actor country, dates three days apart":
                open.Add(Event(5, story: 2, from: "2024-05-04"), "coerce", now, reports: 0);
                break;
            case "other story, other actor country":
                open.Add(Event(5, story: 2, country: "VLM"), "coerce", now, reports: 0);
                break;
            case "other story, undated":
                open.Add(Event(5, story: 2, from: null), "coerce", now, reports: 0);
                break;
            case "same story, closed (no report within the window)":
                open.Add(Event(1), "coerce", now - 100, reports: 0);
                open.Add(Event(2), "coerce", now - 99, reports: 0);
                break;
            default:
                open.Add(Event(7), "coerce", now, reports: 0);
                break;
        }

        Assert.Equal(expected, open.Candidates(1, "coerce", Blockade, now).Select(e => e.Id));
    }

    [Fact]
    public void Joined_ActorCountryNowKnown_FoundByCountry()
    {
        var open = new OpenFusedEvents(window: 100);
        var fused = Event(5, story: 2, country: null);
        var entry = open.Add(fused, "coerce", 10, fused.Reports.Count);
        Assert.Empty(open.Candidates(1, "coerce", Blockade, 20));

        fused.Actor = new ActorKey(null, "NRL", "MIL");
        open.Joined(entry, Stored(20), 20);

        Assert.Equal([5L], open.Candidates(1, "coerce", Blockade, 20).Select(e => e.Id));
    }

    [Fact]
    public void Close_EventsOutsideTheWindow_LeaveMemory()
    {
        var open = new OpenFusedEvents(window: 100);
        open.Add(Event(1), "coerce", 10, reports: 0);
        var kept = open.Add(Event(2), "coerce", 10, reports: 0);
        open.Add(Event(3), "coerce", 150, reports: 0);
        open.Joined(kept, Stored(120), 120);

        open.Close();

        Assert.Equal(2, open.Count);
        Assert.Null(open.Find(1));
        Assert.Equal([3L, 2L], open.Candidates(1, "coerce", Blockade, 150).Select(e => e.Id));
    }

    /// <summary>Open events keeping at most two reports each, and event 1 kept with a report from document 1 and one joined from each of documents 2 to <paramref name="last"/>.</summary>
    private static (OpenFusedEvents Open, FusedEvent Fused, OpenFusedEvent Kept) Joined(long last)
    {
        var open = new OpenFusedEvents(window: 100, reportLimit: 2);
        var fused = Event(1);
        fused.Reports.Add(Stored(1));
        var kept = open.Add(fused, "coerce", 1, fused.Reports.Count);
        for (var seq = 2L; seq <= last; seq++)
        {
            open.Joined(kept, Stored(seq), seq);
        }

        return (open, fused, kept);
    }

    [Fact]
    public void Joined_PastTheReportLimit_KeepsTheCountNotTheReports()
    {
        var (_, within, withinKept) = Joined(2);
        var (open, fused, kept) = Joined(4);

        Assert.Equal((false, 2, 2), (withinKept.Trimmed, within.Reports.Count, withinKept.ReportCount));
        Assert.Equal((true, 0, 4, 4L), (kept.Trimmed, fused.Reports.Count, kept.ReportCount, kept.LastDocument));
        Assert.Same(fused, Assert.Single(open.Candidates(1, "coerce", Blockade, 5)));
    }

    [Fact]
    public void Joined_PastTheReportLimitWithADenialAmongThem_TallyStillJudgesEveryReport()
    {
        var open = new OpenFusedEvents(window: 100, reportLimit: 2);
        var fused = Event(1);
        fused.Reports.Add(Stored(1));
        var kept = open.Add(fused, "coerce", 1, fused.Reports.Count);
        var denial = FusionFixtures.Report(FusionFixtures.Source("Norland Defence Ministry", "government", "NRL"), denied: true);
        var all = new List<FusedReport> { fused.Reports[0], Stored(2), denial, Stored(4) };

        for (var i = 1; i < all.Count; i++)
        {
            open.Joined(kept, all[i], i + 1);
        }

        Assert.True(kept.Trimmed);
        Assert.Equal(4, kept.Tally!.Reports);
        Assert.Equal(FusionStatus.Denied, FusionFixtures.Event([.. all]).Status);
        Assert.Equal(FusionStatus.Denied, kept.Tally.Status());
    }

    [Fact]
    public void Add_ReadFromTheStorePastTheLimit_NoTallyToJudgeFrom()
    {
        var open = new OpenFusedEvents(window: 100, reportLimit: 2);

        var kept = open.Add(Event(1), "coerce", 5, reports: 5); // read without its reports
        open.Joined(kept, Stored(6), 6);

        Assert.Null(kept.Tally);
    }

    [Theory]
    [InlineData(2, false, 3)]
    [InlineData(4, true, 0)]
    public void Add_ReportCount_TrimmedPastTheLimit(int reports, bool trimmed, int inMemory)
    {
        var open = new OpenFusedEvents(window: 100, reportLimit: 3);
        var fused = Event(1);
        fused.Reports.AddRange([Stored(1), Stored(2)]); // what the caller read: all its reports, or (past the bound) some

        var kept = open.Add(fused, "coerce", 2, reports);
        open.Joined(kept, Stored(3), 3);

        Assert.Equal((trimmed, inMemory, reports + 1), (kept.Trimmed, fused.Reports.Count, kept.ReportCount));
    }
}
