using Tacitus.Fusion;

namespace Tacitus.Tests.Fusion;

public sealed class EventMatcherTests
{
    public static TheoryData<string?, string?, string?, string?, string?, string?, bool> ActorCases() => new()
    {
        { "Ana Varga", "HUN", "GOV", "Varga", "HUN", null, true },          // a surname stands for the full name
        { "Ana Varga", "HUN", "GOV", "Otto Brenner", "HUN", "GOV", false },  // two named people of one government
        { null, "HUN", "GOV", "Ana Varga", "HUN", "GOV", true },             // "the Hungarian government" and its minister
        { null, "HUN", "GOV", null, "AUT", "GOV", false },                   // two countries
        { null, "HUN", "MIL", null, "HUN", "GOV", false },                   // two sectors
        { null, null, null, "Ana Varga", "HUN", "GOV", true },               // an actor the coder could not name
    };

    [Theory]
    [MemberData(nameof(ActorCases))]
    public void Compatible_Actors_AgreeOnlyWithoutContradiction(string? n1, string? c1, string? s1, string? n2, string? c2, string? s2, bool expected)
    {
        Assert.Equal(expected, EventMatcher.Compatible(new ActorKey(n1, c1, s1), new ActorKey(n2, c2, s2)));
    }

    public static TheoryData<string, bool> PlaceCases() => new()
    {
        { "same town", true },
        { "towns 30 km apart", true },
        { "towns 300 km apart", false },
        { "town and its country", true },
        { "two countries", false },
    };

    [Theory]
    [MemberData(nameof(PlaceCases))]
    public void Agree_Places_SameCountryAndNearby(string name, bool expected)
    {
        var velmar = new PlaceKey("Velmar", "VLM", 45.0, 10.0, false);
        var other = name switch
        {
            "same town" => velmar,
            "towns 30 km apart" => new PlaceKey("Ostra", "VLM", 45.27, 10.0, false),
            "towns 300 km apart" => new PlaceKey("Durn", "VLM", 47.7, 10.0, false),
            "town and its country" => new PlaceKey("Velmaria", "VLM", 44.0, 11.0, true),
            _ => new PlaceKey("Norland", "NRL", 50.0, 5.0, true),
        };

        Assert.Equal(expected, EventMatcher.Agree(velmar, other));
    }

    public static TheoryData<string, bool, bool> AnchoredCases() => new()
    {
        { "same town, other attacker", true, true },           // reports of one attack name different attackers
        { "same town, other attacker", false, false },         // a meeting is known by who met, not where
        { "towns 300 km apart, other attacker", true, false },
        { "country only, other attacker", true, false },       // "in Velmaria" does not say which attack
        { "same town, other attacker, days apart", true, false },
    };

    [Theory]
    [MemberData(nameof(AnchoredCases))]
    public void Fit_PlaceAnchoredType_SameTownAndDatesFuseWhoeverIsNamed(string name, bool anchored, bool expected)
    {
        var velmar = new PlaceKey("Velmar", "VLM", 45.0, 10.0, false);
        var fused = FusionFixtures.Event(FusionFixtures.Report(FusionFixtures.Source("Harbour Post")));
        fused.Actor = new ActorKey("Otto Brenner", "VLM", null);
        fused.Location = velmar;
        fused.Earliest = fused.Latest = new DateOnly(2024, 5, 1);
        var day = name.EndsWith("days apart", StringComparison.Ordinal) ? "2024-05-09" : "2024-05-01";
        var report = new FusedReport
        {
            Document = new ReportDocument("d2", "coast-wire.txt", "Coast Wire", new DateOnly(2024, 5, 9), null),
            Evidence = "Gunmen attacked the market in Velmar.",
            Type = Tacitus.Domain.PloverType.Assault,
            Actor = new ActorKey("Ana Varga", "VLM", null),
            DateValue = day,
            DateBasis = "explicit",
            Date = DateRange.Of(day, "explicit"),
            Location = name switch
            {
                "towns 300 km apart, other attacker" => new PlaceKey("Durn", "VLM", 47.7, 10.0, false),
                "country only, other attacker" => new PlaceKey("Velmaria", "VLM", 44.0, 11.0, true),
                _ => velmar,
            },
            Source = FusionFixtures.Source("Coast Wire"),
            Modality = new Tacitus.Documents.Modality(),
        };

        Assert.Equal(expected, EventMatcher.Fit(report, fused, anchored) is not null);
    }

    public static TheoryData<string, bool> MeetingCases() => new()
    {
        { "a party named on both sides", true },                 // "Varga met Brenner" and "Varga's talks with Brenner"
        { "no name in the report, no day or town", false },       // "officials met" does not say it was Varga's meeting
        { "parties by country only, no day or town", false },     // British officials meet every day
        { "parties by country only, the same day", true },
        { "parties by country only, the same month", false },    // a month does not say which meeting
        { "parties by country only, the same town", true },
        { "parties by country only, the same country", false },
        { "a country named on both sides", false },               // "Italy meet Wales" is any match between them
    };

    [Theory]
    [MemberData(nameof(MeetingCases))]
    public void Fit_Meeting_SameMeetingOnlyByANamedPartyOrTheDayOrTheTown(string name, bool expected)
    {
        var velmar = new PlaceKey("Velmar", "VLM", 45.0, 10.0, false);
        var country = new PlaceKey("Velmaria", "VLM", 44.0, 11.0, true);
        var fused = FusionFixtures.Event(FusionFixtures.Report(FusionFixtures.Source("Harbour Post")));
        fused.Type = Tacitus.Domain.PloverType.Consult;
        fused.Actor = name switch
        {
            "a country named on both sides" => new ActorKey("Italy", "ITA", null),
            _ when name.StartsWith("parties", StringComparison.Ordinal) => new ActorKey(null, "VLM", "GOV"),
            _ => new ActorKey("Ana Varga", "VLM", "GOV"),
        };
        fused.Recipient = name.StartsWith("parties", StringComparison.Ordinal) ? new ActorKey(null, "VLM", "LAB") : new ActorKey("Otto Brenner", "VLM", null);
        (fused.DateValue, fused.DatePrecision, fused.Earliest, fused.Latest) = ("2024-05-01", 3, new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 1));
        fused.Location = name.EndsWith("same country", StringComparison.Ordinal) ? country : velmar;
        var day = name switch
        {
            "parties by country only, the same day" => "2024-05-01",
            "parties by country only, the same month" => "2024-05",
            _ => null,
        };
        var report = new FusedReport
        {
            Document = new ReportDocument("d2", "coast-wire.txt", "Coast Wire", null, null),
            Evidence = "The talks went on.",
            Type = Tacitus.Domain.PloverType.Consult,
            Actor = name switch
            {
                "a party named on both sides" => new ActorKey("Varga", "VLM", null),
                "a country named on both sides" => new ActorKey("Italy", "ITA", null),
                _ => new ActorKey(null, "VLM", "GOV"),
            },
            Recipient = new ActorKey(null, "VLM", name.StartsWith("parties", StringComparison.Ordinal) ? "LAB" : null),
            DateValue = day,
            DateBasis = day is null ? null : "explicit",
            Date = DateRange.Of(day, "explicit"),
            Location = name.EndsWith("same town", StringComparison.Ordinal) ? velmar : name.EndsWith("same country", StringComparison.Ordinal) ? country : null,
            Source = FusionFixtures.Source("Coast Wire"),
            Modality = new Tacitus.Documents.Modality(),
        };

        Assert.Equal(expected, EventMatcher.Fit(report, fused, paired: true) is not null);
        Assert.NotNull(EventMatcher.Fit(report, fused));
    }

    [Theory]
    [InlineData("2024-05-01", "explicit", "2024-05", "explicit", true)]
    [InlineData("2024-05-01", "explicit", "2024-05-09", "explicit", false)]
    [InlineData("2024-05-01", "explicit", "2024-05-03", "publication", true)]
    [InlineData("2024", "explicit", "2023-12-31", "explicit", true)]
    [InlineData("2015-SU", "explicit", "2015-07-04", "explicit", true)]
    [InlineData("2015-SU", "explicit", "1981", "explicit", false)]
    [InlineData("2015-WI", "explicit", "2016-02-10", "explicit", true)]
    [InlineData("2015-FA", "explicit", "2015-05", "explicit", false)]
    public void Overlaps_DatesWithinTheirPrecision(string a, string basisA, string b, string basisB, bool expected)
    {
        Assert.Equal(expected, DateRange.Of(a, basisA)!.Value.Overlaps(DateRange.Of(b, basisB)!.Value));
    }

    [Fact]
    public void NamesAgreeAndNameWithin_RandomNames_SameAsComparingWordSets()
    {
        // words of a few letters in mixed case (a dotless and a dotted I, the Kelvin sign), separators repeated or leading
        string[] pieces = ["anja", "Anja", "ANJA", "brekke", "Brekke", "van", "de", "K\u212Aal", "kkal", "\u0130nan", "inan", " ", " ", "-", ".", ",", ", "];
        var random = new Random(11);
        for (var i = 0; i < 5000; i++)
        {
            var (a, b) = (Name(random, pieces), Name(random, pieces));
            var (x, y) = (Words(a), Words(b));

            Assert.Equal(x.Count <= y.Count ? x.IsSubsetOf(y) : y.IsSubsetOf(x), EventMatcher.NamesAgree(a, b));
            Assert.Equal(x.IsSubsetOf(y), EventMatcher.NameWithin(a, b));
        }

        // past the stack buffer
        var longName = string.Join(' ', Enumerable.Repeat("Anja", 80)) + " Brekke";
        Assert.True(EventMatcher.NamesAgree(longName, "anja brekke"));
        Assert.False(EventMatcher.NameWithin(longName, "Anja"));
    }

    [Fact]
    public void NamesAgreeAndNameWithin_RandomLongNames_SameAsComparingWordSetsWithoutAllocating()
    {
        // names of 0-120 pieces: most pairs together past the stack buffer (a pooled one then), some within it
        string[] pieces = ["anja", "Anja", "brekke", "BREKKE", "van", "de", "K\u212Aal", "\u0130nan", "inan", "ostra", " ", "-", ".", ", "];
        var random = new Random(12);
        for (var i = 0; i < 2000; i++)
        {
            var (a, b) = (LongName(random, pieces), LongName(random, pieces));
            var (x, y) = (Words(a), Words(b));

            Assert.Equal(x.Count <= y.Count ? x.IsSubsetOf(y) : y.IsSubsetOf(x), EventMatcher.NamesAgree(a, b));
            Assert.Equal(x.IsSubsetOf(y), EventMatcher.NameWithin(a, b));
        }

        var longName = string.Join(' ', Enumerable.Repeat("Anja", 80)) + " Brekke";
        Assert.True(EventMatcher.NamesAgree(longName, "anja brekke"));
        Assert.True(EventMatcher.NameWithin(longName, longName)); // warms the pool's size class the loop below rents
        // The shared pool may drop its cached arrays at a gen-2 collection (it trims under memory pressure, as when the
        // whole suite runs on a loaded machine), and the next rent then allocates once: so the fewest bytes over a few
        // rounds is what is asserted. Code that allocates on every call fails every round.
        var fewest = long.MaxValue;
        for (var round = 0; round < 5 && fewest > 0; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 50; i++)
            {
                EventMatcher.NamesAgree(longName, "anja brekke");
                EventMatcher.NameWithin(longName, longName);
            }

            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, fewest);
    }

    private static string LongName(Random random, string[] pieces)
    {
        var name = new System.Text.StringBuilder();
        for (var n = random.Next(0, 121); n > 0; n--)
        {
            name.Append(pieces[random.Next(pieces.Length)]);
        }

        return name.ToString();
    }

    private static string Name(Random random, string[] pieces)
    {
        var name = new System.Text.StringBuilder();
        for (var n = random.Next(0, 7); n > 0; n--)
        {
            name.Append(pieces[random.Next(pieces.Length)]);
        }

        return name.ToString();
    }

    private static HashSet<string> Words(string name) =>
        new(name.ToLowerInvariant().Split([' ', '-', '.', ','], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
}
