using Tacitus.Documents;
using Tacitus.Fusion;
using static Tacitus.Tests.Fusion.FusionFixtures;

namespace Tacitus.Tests.Fusion;

public sealed class DocumentProfileTests
{
    [Theory]
    [InlineData("Harbour Post")]
    [InlineData("  Norland   Navy  ")]
    [InlineData("ÉLYSÉE  Palace")]
    [InlineData("Ostra\tFarmers  Union")]
    [InlineData("İSTANBUL Port")]
    [InlineData("ΣΟΦΙΑ Σ")]
    [InlineData("\U0001D400bc Dé")]
    [InlineData("x")]
    public void NameKey_Name_SameAsNormalWithATilde(string name)
    {
        var profile = new DocumentProfile(FusionLexicon.Default);

        Assert.Equal("~" + ReportReader.Normal(name), profile.NameKey(name).ToString());
    }

    [Fact]
    public void NameKey_LongNameAfterAShortOne_BufferGrowsAndKeyIsWhole()
    {
        var profile = new DocumentProfile(FusionLexicon.Default);
        var longName = string.Join("  ", Enumerable.Range(0, 60).Select(i => $"Velmar{i}"));
        _ = profile.NameKey("Norland");

        Assert.Equal("~" + ReportReader.Normal(longName), profile.NameKey(longName).ToString());
        Assert.Equal("~norland navy", profile.NameKey("Norland Navy").ToString());
    }

    [Fact]
    public void Of_NamesKnownToTheTable_TakeTheTablesStringAndEntryAndCountEachSpelling()
    {
        var known = new TermFrequency("~norland navy", "Norland Navy") { Df = 3 };
        var profile = new DocumentProfile(FusionLexicon.Default, word => word.SequenceEqual(known.Term) ? known : null);
        var document = Document("Norland's navy blockaded the port of Velmar on Wednesday.", "Harbour Post", "2024-05-02", "a/harbour.txt");
        document.Entities.Add(new Entity { Id = 0, Name = "Norland Navy", Kind = MentionKind.Organization, Mentions = { 0, 1 } });
        document.Entities.Add(new Entity { Id = 1, Name = "Velmar", Kind = MentionKind.Place });
        document.Entities.Add(new Entity { Id = 2, Name = "NORLAND  navy", Kind = MentionKind.Organization });
        document.Entities.Add(new Entity { Id = 3, Name = "Wednesday", Kind = MentionKind.Time });

        var names = profile.Of(document).Where(t => t.Name).ToList();

        Assert.Equal(["~norland navy", "~velmar"], names.Select(n => n.Key));
        Assert.Same(known.Term, names[0].Key);
        Assert.Same(known, names[0].Frequency);
        Assert.Equal(3.0, names[0].Count);
        Assert.Equal("NORLAND  navy", names[0].Display);
        Assert.Null(names[1].Frequency);
        Assert.Equal(1.0, names[1].Count);
    }
}
