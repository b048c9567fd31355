using System.Diagnostics;
using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Knowledge;
using Tacitus.Tests.Mentions;

namespace Tacitus.Tests.Knowledge;

public sealed class KnowledgeBaseTests
{
    [Theory]
    [InlineData("DPRK", "PRK")]
    [InlineData("North Korean", "PRK")]
    [InlineData("PRK", "PRK")]
    [InlineData("Chinese", "CHN")]
    [InlineData("United States", "USA")]
    [InlineData("British", "GBR")]
    public void TryGetCountry_NameAliasAdjectiveOrCode_FindsCountry(string text, string code)
    {
        Assert.True(KnowledgeBase.Default.TryGetCountry(text, out var country));
        Assert.Equal(code, country.Code.Value);
    }

    [Theory]
    [InlineData("Pyongyang", "PRK")]
    [InlineData("Washington", "USA")]
    [InlineData("Nairobi", "KEN")]
    public void TryGetCountryByCapital_Capital_FindsCountry(string text, string code)
    {
        Assert.True(KnowledgeBase.Default.TryGetCountryByCapital(text, out var country));
        Assert.Equal(code, country.Code.Value);
    }

    [Fact]
    public void Default_Loads_WithoutErrorsAndQuickly()
    {
        var watch = Stopwatch.StartNew();
        var kb = KnowledgeBase.Default;
        watch.Stop();
        Assert.Empty(kb.Errors);
        Assert.True(kb.Actors.Count > 10_000);
        Assert.True(kb.Roles.Count > 1_000);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"loading took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("2019-01-09", "GOV")]
    [InlineData("2023-01-01", "ELI")]
    public void LookupActor_DatedSpell_ResolvesOnDate(string date, string? sector)
    {
        var found = KnowledgeBase.Default.LookupActor("Moon Jae-in", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        var (_, spell) = Assert.Single(found);
        Assert.Equal("KOR", spell.Country?.Value);
        Assert.Equal(sector, spell.Sector?.Value);
    }

    [Fact]
    public void ActorEntryResolve_OutOfOffice_IsFormerElite()
    {
        var entry = new ActorEntry
        {
            Name = "Test Person",
            Kind = MentionKind.Person,
            Source = "test",
            Spells = [new ActorSpell(CountryCode.From("FRA"), Sector.Government, new DateOnly(2010, 1, 1), new DateOnly(2012, 1, 1), "minister")],
        };
        Assert.Equal("GOV", entry.Resolve(new DateOnly(2011, 1, 1)).Sector?.Value);
        Assert.Equal("ELI", entry.Resolve(new DateOnly(2015, 1, 1)).Sector?.Value);
        Assert.Null(entry.Resolve(new DateOnly(2000, 1, 1)).Sector);
        Assert.Equal("GOV", entry.Resolve(null).Sector?.Value);
    }

    [Fact]
    public void Load_UserTsv_AddsAndOverridesEntries()
    {
        using var dir = new TempDirectory();
        var tsv = dir.Write("mine.tsv",
            "# my dictionary\n" +
            "person\tAnna Volkova\tVolkova\tFRA\tGOV\t2020-01-01\t\tminister\n" +
            "organization\tReuters\t\tCAN\tJRN\t\t\tmedia\n" +
            "role\tharbourmaster\tGOV\ttitle\ts\n" +
            "bogus\tline\n");
        var kb = KnowledgeBase.Load([tsv]);
        var error = Assert.Single(kb.Errors);
        Assert.Equal(("TAC303", "line 5"), (error.Code, error.Record));
        Assert.Equal("FRA", kb.LookupActor("Volkova", new DateOnly(2021, 1, 1))[0].Spell.Country?.Value);
        Assert.Equal("CAN", Assert.Single(kb.LookupActor("Reuters", null)).Spell.Country?.Value);
        Assert.True(kb.Roles.TryGet("harbourmaster", out var role));
        Assert.Equal("GOV", role.Sector?.Value);

        var doc = ActorTestDocuments.Analyze("Volkova said the port would close.", "2021-06-01", kb);
        Assert.Equal("FRA", ActorTestDocuments.Find(doc, "Volkova").Country?.Value);
    }

    [Fact]
    public void Load_PetrarchActorsAndAgents_AreUsed()
    {
        using var dir = new TempDirectory();
        var actors = dir.Write("mine.actors.txt", "ANNA_VOLKOVA_\n+MINISTER_VOLKOVA_\n\t[FRAGOV 20200101-20221231]\nGREEN_LANTERN_SOCIETY_ [NGOENV]\n");
        var agents = dir.Write("mine.agents.txt", "HARBORMASTER [~GOV]\n");
        var kb = KnowledgeBase.Load([actors, agents]);
        Assert.Empty(kb.Errors);
        var doc = ActorTestDocuments.Analyze("Anna Volkova met the Green Lantern Society. Portuguese harbormasters objected.", "2021-06-01", kb);
        var anna = ActorTestDocuments.Find(doc, "Anna Volkova", MentionKind.Person);
        Assert.Equal("FRA", anna.Country?.Value);
        Assert.Equal("GOV", anna.Sector?.Value);
        Assert.Equal("NGO", ActorTestDocuments.Find(doc, "Green Lantern Society", MentionKind.Organization).Country?.Value);
        Assert.Equal("GOV", ActorTestDocuments.Find(doc, "Portuguese harbormasters", MentionKind.Country).Sector?.Value);
    }

    [Fact]
    public void Load_MissingFile_IsAnErrorNotACrash()
    {
        var kb = KnowledgeBase.Load(["/nonexistent/dictionary.tsv"]);
        Assert.Contains(kb.Errors, e => e.Code == "TAC300");
    }

    private sealed class TempDirectory : IDisposable
    {
        private readonly string path = Directory.CreateTempSubdirectory("tacitus-kb-").FullName;

        public string Write(string name, string content)
        {
            var file = Path.Combine(path, name);
            File.WriteAllText(file, content);
            return file;
        }

        public void Dispose() => Directory.Delete(path, recursive: true);
    }
}
