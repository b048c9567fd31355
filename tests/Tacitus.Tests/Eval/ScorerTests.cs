using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Eval;
using Tacitus.Eval.Readers;
using Tacitus.Eval.Scoring;
using static Tacitus.Tests.Eval.EvalFixtures;

namespace Tacitus.Tests.Eval;

public class EventScorerTests
{
    private const string Sentence = "Japanese ministers met Peruvian envoys in Lima.";

    private static PloverGoldRecord Gold(PloverType type, string[] sources, string[] targets, bool reciprocal = false) => new()
    {
        Id = "g",
        Line = 1,
        Text = Sentence,
        Event = type,
        Sources = [.. sources.Select(c => new GoldActor(c, CountryCode.From(c), c, null))],
        Targets = [.. targets.Select(c => new GoldActor(c, CountryCode.From(c), c, null))],
        Reciprocal = reciprocal,
    };

    private static EventRecord Event(PloverType type, string? actor, string? recipient) => new()
    {
        Event = type,
        Actor = new ActorRef { Text = "a", Country = actor is null ? null : CountryCode.From(actor) },
        Recipient = recipient is null ? null : new ActorRef { Text = "r", Country = CountryCode.From(recipient) },
        Evidence = new TextSpan(0, Sentence.Length),
    };

    [Theory]
    // output type, actor, recipient → type ok, actor ok, recipient ok, fully right
    [InlineData(PloverType.Consult, "JPN", "PER", true, true, true, true)]
    [InlineData(PloverType.Agree, "JPN", "PER", false, true, true, false)]
    [InlineData(PloverType.Consult, "PER", "JPN", true, false, false, false)]
    [InlineData(PloverType.Consult, "JPN", null, true, true, false, false)]
    public void Add_OneEvent_ScoresTypeActorRecipient(PloverType type, string actor, string? recipient, bool typeOk, bool actorOk, bool recipientOk, bool full)
    {
        var scorer = new EventScorer();
        var doc = Doc(Sentence);
        doc.Events.Add(Event(type, actor, recipient));

        scorer.Add(Gold(PloverType.Consult, ["JPN"], ["PER"]), doc);

        Assert.Equal(typeOk ? 1 : 0, scorer.TypeAccuracy.Correct);
        Assert.Equal(actorOk ? 1 : 0, scorer.ActorAccuracy.Correct);
        Assert.Equal(recipientOk ? 1 : 0, scorer.RecipientAccuracy.Correct);
        Assert.Equal(full ? 1 : 0, scorer.FullyRight.Correct);
        Assert.Equal(full ? 0 : 1, scorer.Misses.Count);
    }

    [Fact]
    public void Add_SeveralEvents_ComparesTheBestAndCountsSpurious()
    {
        var scorer = new EventScorer();
        var doc = Doc(Sentence);
        doc.Events.Add(Event(PloverType.Accuse, "JPN", "PER"));
        doc.Events.Add(Event(PloverType.Consult, "JPN", "PER"));

        scorer.Add(Gold(PloverType.Consult, ["JPN"], ["PER"]), doc);
        scorer.Add(Gold(PloverType.Consult, ["JPN"], ["PER"]), Doc(Sentence));

        Assert.Equal(new Accuracy(1, 2), scorer.FullyRight);
        Assert.Equal(1, scorer.Spurious);
        Assert.Equal(1, scorer.Missed);
        Assert.Equal("missed", Assert.Single(scorer.Misses).Kind);
    }

    [Theory]
    [InlineData(null, false, true)]
    [InlineData("TGO", true, true)]
    [InlineData("TGO", false, false)]
    public void Add_NoGoldTarget_WantsNoRecipientUnlessReciprocal(string? recipient, bool reciprocal, bool full)
    {
        var scorer = new EventScorer();
        var doc = Doc(Sentence);
        doc.Events.Add(Event(PloverType.Agree, "GHA", recipient));

        scorer.Add(Gold(PloverType.Agree, ["GHA", "TGO"], [], reciprocal), doc);

        Assert.Equal(full, scorer.FullyRight.Correct == 1);
        Assert.Equal(0, scorer.RecipientAccuracy.Total);
    }

    [Theory]
    // gold actor, output actor → actor ok
    [InlineData("IGO", "UNO", true)]
    [InlineData("UNO", "UNO", true)]
    [InlineData("UNO", "IGO", false)]
    [InlineData("IGO", "NGO", false)]
    [InlineData("USA", "UNO", false)]
    public void Add_UnitedNations_UnoMatchesGoldIgoOnly(string gold, string output, bool ok)
    {
        var scorer = new EventScorer();
        var doc = Doc(Sentence);
        doc.Events.Add(Event(PloverType.Consult, output, "PER"));

        scorer.Add(Gold(PloverType.Consult, [gold], ["PER"]), doc);

        Assert.Equal(ok ? 1 : 0, scorer.ActorAccuracy.Correct);
    }
}

public class AttributionScorerTests
{
    private const string Text = "The council will wait, the mayor said on Tuesday.";

    [Fact]
    public void Add_ExactAndOverlap_CountedPerRole()
    {
        var doc = Doc(Text);
        doc.Attributions.Add(new Attribution
        {
            Source = new SourceRef { Text = "the mayor", Span = Find(Text, "the mayor") },
            Cue = Find(Text, "said on"), // overlaps the gold cue, not exact
            Content = Find(Text, "The council will wait"),
            Evidence = new TextSpan(0, Text.Length),
        });
        var gold = new[] { new BratAttribution("E1", Find(Text, "the mayor"), Find(Text, "said"), Find(Text, "The council will wait")) };
        var scorer = new AttributionScorer();

        scorer.Add("doc", gold, doc);

        Assert.Equal(new PrfCounts(1, 0, 0), scorer.Exact("source"));
        Assert.Equal(new PrfCounts(0, 1, 1), scorer.Exact("cue"));
        Assert.Equal(new PrfCounts(1, 0, 0), scorer.Overlap("cue"));
        Assert.Equal(1.0, scorer.Exact("content").F1);
        Assert.Equal("boundary-cue", Assert.Single(scorer.Misses).Kind);
    }

    [Fact]
    public void Add_NoOutput_AllMissed()
    {
        var gold = new[] { new BratAttribution("E1", null, Find(Text, "said"), Find(Text, "The council will wait")) };
        var scorer = new AttributionScorer();

        scorer.Add("doc", gold, Doc(Text));

        Assert.Equal(0, scorer.Exact("source").Gold);
        Assert.Equal(new PrfCounts(0, 0, 1), scorer.Overlap("cue"));
        Assert.Equal(2, scorer.Misses.Count);
    }
}

public class TimeScorerTests
{
    private const string Text = "They met on Tuesday and will vote next month, after three days.";

    private static Mention Time(string words, string? value, string type = "DATE") => new()
    {
        Kind = MentionKind.Time,
        Span = Find(Text, words),
        Time = value is null ? null : new TimeInfo { Value = value, Precision = TimePrecision.Day, Type = type },
    };

    [Fact]
    public void Add_Mentions_GiveTempEvalMeasures()
    {
        var doc = Doc(Text);
        doc.Mentions.Add(Time("on Tuesday", "2020-05-05")); // relaxed match, right value
        doc.Mentions.Add(Time("next month", "2020-07")); // strict match, wrong value
        doc.Mentions.Add(Time("They", "PRESENT_REF")); // spurious
        GoldTimex[] gold =
        [
            new("t1", Find(Text, "Tuesday"), "2020-05-05", "DATE"),
            new("t2", Find(Text, "next month"), "2020-06", "DATE"),
            new("t3", Find(Text, "three days"), "P3D", "DURATION"),
        ];
        var scorer = new TimeScorer();

        scorer.Add("doc", gold, doc);

        Assert.Equal(new PrfCounts(1, 2, 2), scorer.Strict);
        Assert.Equal(new PrfCounts(2, 1, 1), scorer.Relaxed);
        Assert.Equal(new Accuracy(1, 2), scorer.Value);
        Assert.Equal(new PrfCounts(1, 2, 2), scorer.ValueCounts); // value F1: 1 right of 3 output, of 3 gold
        Assert.Equal(1.0 / 3, scorer.ValueCounts.F1, 6);
        Assert.Contains(scorer.Misses, m => m.Kind == "wrong-value" && m.Gold.StartsWith("2020-06", StringComparison.Ordinal));
        Assert.Contains(scorer.Misses, m => m.Kind == "missed");
        Assert.Contains(scorer.Misses, m => m.Kind == "spurious");
    }
}

public class GeoScorerTests
{
    private const string Text = "Ferries from Lyon to Geneva run again.";

    [Fact]
    public void Add_Places_ScoreDistanceAndCountry()
    {
        var doc = Doc(Text);
        doc.Mentions.Add(new Mention { Kind = MentionKind.Place, Span = Find(Text, "Lyon"), Country = CountryCode.From("FRA"), Place = new PlaceInfo { Lat = 45.76, Lon = 4.83 } });
        doc.Mentions.Add(new Mention { Kind = MentionKind.Place, Span = Find(Text, "Geneva"), Country = CountryCode.From("USA"), Place = new PlaceInfo { Lat = 41.80, Lon = -80.95 } }); // Geneva, Ohio
        doc.Mentions.Add(new Mention { Kind = MentionKind.Person, Span = Find(Text, "Ferries") }); // not a place: ignored
        GoldToponym[] gold =
        [
            new(Find(Text, "Lyon"), "Lyon", 45.74846, 4.84671, 2996944, CountryCode.From("FRA"), null),
            new(Find(Text, "Geneva"), "Geneva", 46.20222, 6.14569, 2660646, CountryCode.From("CHE"), null),
        ];
        var scorer = new GeoScorer();

        scorer.Add("doc", gold, doc);

        Assert.Equal(new PrfCounts(2, 0, 0), scorer.Overlap);
        Assert.Equal(new Accuracy(1, 2), scorer.Within161);
        Assert.Equal(new Accuracy(1, 2), scorer.Country);
        Assert.Equal(2, scorer.Resolved);
        Assert.InRange(scorer.MedianKm, 3000, 4000); // the mean of ~2 km and ~6,700 km
        Assert.Contains(scorer.Misses, m => m.Kind == "wrong-place");
        Assert.Contains(scorer.Misses, m => m.Kind == "wrong-country");
    }

    [Fact]
    public void Add_MatchWithoutCoordinates_CountsAsWrongPlace()
    {
        var doc = Doc(Text);
        doc.Mentions.Add(new Mention { Kind = MentionKind.Country, Span = Find(Text, "Lyon") });
        var scorer = new GeoScorer();

        scorer.Add("doc", [new GoldToponym(Find(Text, "Lyon"), "Lyon", 45.7, 4.8, null, null, null)], doc);

        Assert.Equal(new Accuracy(0, 1), scorer.Within161);
        Assert.Equal(0, scorer.Resolved);
        Assert.Equal(0, scorer.Country.Total);
    }

    [Fact]
    public void Add_MissedToponym_CountsAsWrongOverAllGold()
    {
        var doc = Doc(Text);
        doc.Mentions.Add(new Mention { Kind = MentionKind.Place, Span = Find(Text, "Lyon"), Country = CountryCode.From("FRA"), Place = new PlaceInfo { Lat = 45.76, Lon = 4.83 } });
        GoldToponym[] gold =
        [
            new(Find(Text, "Lyon"), "Lyon", 45.74846, 4.84671, null, CountryCode.From("FRA"), null),
            new(Find(Text, "Geneva"), "Geneva", 46.20222, 6.14569, null, CountryCode.From("CHE"), null),
        ];
        var scorer = new GeoScorer();

        scorer.Add("doc", gold, doc);

        Assert.Equal(new Accuracy(1, 1), scorer.Within161);
        Assert.Equal(new Accuracy(1, 1), scorer.Country);
        Assert.Equal(new Accuracy(1, 2), scorer.Within161All);
        Assert.Equal(new Accuracy(1, 2), scorer.CountryAll);
    }
}

public class NerScorerTests
{
    private const string Text = "Dana Ortiz visited Lisbon and Portugal with the Harbor Trust . Chinese officials left .";

    private static NameSpan Name(string words, NameKind kind) => new(0, 1, Find(Text, words), kind);

    [Fact]
    public void Add_Names_MappedPerTypeAndGroupsLeftOut()
    {
        var doc = Doc(Text);
        doc.Names.Add(Name("Dana Ortiz", NameKind.Person));
        doc.Names.Add(Name("Lisbon", NameKind.Place));
        doc.Names.Add(Name("Portugal", NameKind.Place));
        doc.Names.Add(Name("the Harbor Trust", NameKind.Organisation));
        doc.Names.Add(Name("Chinese", NameKind.Group));
        GoldEntity[] gold = [new("PER", Find(Text, "Dana Ortiz")), new("LOC", Find(Text, "Lisbon")), new("LOC", Find(Text, "Portugal")), new("ORG", Find(Text, "Harbor Trust"))];
        var scorer = new NerScorer();

        scorer.Add("doc", gold, doc);

        Assert.Equal(new PrfCounts(1, 0, 0), scorer.Exact("PER"));
        Assert.Equal(new PrfCounts(2, 0, 0), scorer.Exact("LOC"));
        Assert.Equal(new PrfCounts(0, 1, 1), scorer.Exact("ORG"));
        Assert.Equal(new PrfCounts(1, 0, 0), scorer.Overlap("ORG"));
        Assert.Equal(new PrfCounts(3, 1, 1), scorer.MicroExact);
    }

    [Fact]
    public void Add_WrongType_CountsAsMissAndSpurious()
    {
        var doc = Doc(Text);
        doc.Names.Add(Name("Lisbon", NameKind.Person));
        var scorer = new NerScorer();

        scorer.Add("doc", [new GoldEntity("LOC", Find(Text, "Lisbon"))], doc);

        Assert.Equal(new PrfCounts(0, 0, 1), scorer.Exact("LOC"));
        Assert.Equal(new PrfCounts(0, 1, 0), scorer.Exact("PER"));
    }

    [Theory]
    [InlineData(NameKind.Person, "PER")]
    [InlineData(NameKind.Organisation, "ORG")]
    [InlineData(NameKind.Place, "LOC")]
    [InlineData(NameKind.Group, null)]
    [InlineData(NameKind.Other, null)]
    public void TypeOf_Kind_MapsToGoldType(NameKind kind, string? type) => Assert.Equal(type, NerScorer.TypeOf(kind));
}
