using Tacitus.Syntax.Lemmas;
using Xunit;

namespace Tacitus.Tests.Syntax;

public sealed class LemmaTableTests
{
    [Theory]
    [InlineData("met", "VERB|VBD", false, "meet")]           // seen in training: the table
    [InlineData("Met", "VERB|VBD", false, "meet")]           // seen in lower case
    [InlineData("blocked", "VERB|VBD", false, "block")]      // seen
    [InlineData("kicked", "VERB|VBD", false, "kick")]        // unseen: the -ed ending rule
    [InlineData("Reporters", "NOUN|NNS", false, "reporter")] // unseen plural: the -s rule, lower-cased
    [InlineData("Kabul", "PROPN|NNP", true, "Kabul")]        // proper noun keeps its case
    [InlineData("Geneva", "PROPN|NNP", true, "Geneva")]      // unseen proper noun: itself
    public void Lemma_Words_GivesDictionaryForm(string word, string tag, bool properNoun, string lemma)
    {
        var models = SyntaxFixture.Models;
        var index = models.Tagger.Tags.IndexOf(tag);
        Assert.True(index >= 0, $"tag {tag} not in the fixture");
        var table = LemmaTable.Learn(SyntaxFixture.Sentences(), (s, i) => models.Tagger.Tags.IndexOf(s.JointTag(i)), minEditCount: 1);
        Assert.Equal(lemma, table.Lemma(word, index, properNoun));
    }

    [Theory]
    [InlineData("visited", "visit", 2, "")]
    [InlineData("cities", "city", 3, "y")]
    [InlineData("went", "go", -1, "")]
    public void Between_FormAndLemma_GivesEndingEdit(string form, string lemma, int strip, string append)
    {
        var edit = LemmaEdit.Between(form, lemma);
        if (strip < 0)
        {
            Assert.Null(edit);
        }
        else
        {
            Assert.Equal(new LemmaEdit(strip, append), edit);
        }
    }

    [Theory]
    [InlineData("joked", "joke")]     // the most frequent -ed edit gives "jok", no lemma; the next gives "joke", one
    [InlineData("walked", "walk")]    // the most frequent edit gives a known lemma: it stands
    [InlineData("glarped", "glarp")]  // neither result is a known lemma: the most frequent edit stands
    [InlineData("shouted", "shoute")] // only the longest ending with an edit chooses, even when a shorter one's would be known
    [InlineData("Joked", "joke")]     // checked in lower case
    public void Lemma_UnseenWord_PrefersEditGivingKnownLemma(string word, string lemma)
    {
        const int Tag = 7;
        var known = new Dictionary<string, string>
        {
            [LemmaTable.KnownKey(Tag, "jokes")] = "joke",
            [LemmaTable.KnownKey(Tag, "walks")] = "walk",
            [LemmaTable.KnownKey(Tag, "shouts")] = "shout",
        };
        var edits = new Dictionary<string, LemmaEdit>
        {
            [LemmaTable.EditKey(Tag, "ed")] = new(2, ""),
            [LemmaTable.EditKey(Tag, "ed", 1)] = new(1, ""),
            [LemmaTable.EditKey(Tag, "uted")] = new(1, ""),
        };
        var table = new LemmaTable(known, edits);
        Assert.Equal(lemma, table.Lemma(word, Tag, properNoun: false));
    }

    [Theory]
    [InlineData("shouted", false, "shoute")] // not a verb: only the longest ending's edits ("uted") choose
    [InlineData("shouted", true, "shout")]   // a verb: the shorter ending's edit ("ed", strip 2) gives a known lemma and wins
    [InlineData("glarped", true, "glarp")]   // a verb, no known result at any ending: the longest ending's edit stands
    public void Lemma_UnseenVerb_ChecksShorterEndingsToo(string word, bool verb, string lemma)
    {
        const int Tag = 7;
        var known = new Dictionary<string, string> { [LemmaTable.KnownKey(Tag, "shouts")] = "shout" };
        var edits = new Dictionary<string, LemmaEdit>
        {
            [LemmaTable.EditKey(Tag, "ed")] = new(2, ""),
            [LemmaTable.EditKey(Tag, "uted")] = new(1, ""),
        };
        var table = new LemmaTable(known, edits);
        Assert.Equal(lemma, table.Lemma(word, Tag, properNoun: false, verb));
    }

    [Theory]
    [InlineData("conceding", "concede")] // known lemmas end in "cede" (cede, precede), none in "ced": the "e" comes back
    [InlineData("conceded", "concede")]  // the same for "-ed": drop the "d" alone
    [InlineData("rioting", "riot")]      // known lemmas end in "iot" (idiot, patriot), none in "iote": the stem stands
    [InlineData("rioted", "riot")]
    [InlineData("zorbing", "zorb")]      // no known lemma ends in "orb" or "orbe": the chosen edit stands
    public void Lemma_UnseenInflection_RestoresEFromKnownEndings(string word, string lemma)
    {
        const int Tag = 3;
        var known = new Dictionary<string, string>
        {
            [LemmaTable.KnownKey(Tag, "cedes")] = "cede",
            [LemmaTable.KnownKey(Tag, "precedes")] = "precede",
            [LemmaTable.KnownKey(9, "idiots")] = "idiot",
            [LemmaTable.KnownKey(9, "patriots")] = "patriot",
        };
        var edits = new Dictionary<string, LemmaEdit>
        {
            [LemmaTable.EditKey(Tag, "ing")] = new(3, ""),
            [LemmaTable.EditKey(Tag, "ed")] = new(2, ""),
        };
        var table = new LemmaTable(known, edits);
        Assert.Equal(lemma, table.Lemma(word, Tag, properNoun: false));
    }

    [Fact]
    public void KnownLemma_FormSeenWithOneOfTheTags_GivesItsLemmaInLowerCase()
    {
        var known = new Dictionary<string, string> { [LemmaTable.KnownKey(4, "resigns")] = "resign" };
        var table = new LemmaTable(known, new Dictionary<string, LemmaEdit>());
        Assert.Equal("resign", table.KnownLemma("Resigns", [2, 4]));
        Assert.Null(table.KnownLemma("Resigns", [2]));
        Assert.Null(table.KnownLemma("Harbour", [2, 4]));
    }

    [Fact]
    public void InflectedForms_Tags_MapsFormsWhoseLemmaDiffers()
    {
        var known = new Dictionary<string, string>
        {
            [LemmaTable.KnownKey(4, "shot")] = "shoot",
            [LemmaTable.KnownKey(4, "Praises")] = "praise",
            [LemmaTable.KnownKey(4, "walk")] = "walk",
            [LemmaTable.KnownKey(5, "meeting")] = "meeting",
            [LemmaTable.KnownKey(6, "heirs")] = "heir",
        };
        var forms = new LemmaTable(known, new Dictionary<string, LemmaEdit>()).InflectedForms(new HashSet<int> { 4, 5 });
        Assert.Equal("shoot", forms["shot"]);
        Assert.Equal("praise", forms["praises"]);
        Assert.False(forms.ContainsKey("walk"));    // its own lemma
        Assert.False(forms.ContainsKey("meeting")); // its own lemma
        Assert.False(forms.ContainsKey("heirs"));   // another tag
    }

    [Fact]
    public void InflectedForms_FormUnderSeveralKeysAddedHighestFirst_LeastKeyWins()
    {
        // added in the reverse of key order: the lowest tag's lemma wins, and within a tag the form as written that
        // sorts first ("Left" before "left")
        var known = new Dictionary<string, string>
        {
            [LemmaTable.KnownKey(9, "left")] = "leave",
            [LemmaTable.KnownKey(5, "left")] = "leave",
            [LemmaTable.KnownKey(5, "Left")] = "Left-wing",
            [LemmaTable.KnownKey(7, "rose")] = "rise",
            [LemmaTable.KnownKey(6, "rose")] = "rose", // its own lemma: not a candidate, so tag 7's stands
            [LemmaTable.KnownKey(8, "bid")] = "bid",
            [LemmaTable.KnownKey(7, "bid")] = "bidding",
        };
        var forms = new LemmaTable(known, new Dictionary<string, LemmaEdit>()).InflectedForms(new HashSet<int> { 5, 6, 7, 8, 9 });
        Assert.Equal("left-wing", forms["left"]);
        Assert.Equal("rise", forms["rose"]);
        Assert.Equal("bidding", forms["bid"]);
        Assert.Equal(3, forms.Count);
    }

    [Fact]
    public void InflectedForms_GeneratedTables_SameAsReadingTheKeysInOrder()
    {
        var random = new Random(17);
        string[] stems = ["walk", "Walk", "WALK", "run", "Run", "ran", "go", "went", "Gone", "see", "saw", "seen", "x"];
        for (var round = 0; round < 200; round++)
        {
            var known = new Dictionary<string, string>();
            for (var i = 0; i < 30; i++)
            {
                known[LemmaTable.KnownKey(random.Next(12), stems[random.Next(stems.Length)])] = stems[random.Next(stems.Length)];
            }

            var tags = Enumerable.Range(0, 12).Where(_ => random.Next(2) == 0).ToHashSet();
            var expected = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, lemma) in known.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                var tag = int.Parse(key[..3], System.Globalization.CultureInfo.InvariantCulture);
                if (key[3] == '\u0001' && tags.Contains(tag) && key[4..].ToLowerInvariant() != lemma.ToLowerInvariant())
                {
                    expected.TryAdd(key[4..].ToLowerInvariant(), lemma.ToLowerInvariant());
                }
            }

            var forms = new LemmaTable(known, new Dictionary<string, LemmaEdit>()).InflectedForms(tags);
            Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), forms.OrderBy(e => e.Key, StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Write_ThenRead_KeepsEveryEditChoice()
    {
        var models = SyntaxFixture.Models;
        var table = LemmaTable.Learn(SyntaxFixture.Sentences(), (s, i) => models.Tagger.Tags.IndexOf(s.JointTag(i)), minEditCount: 1);
        Assert.True(table.EditCount > 0);
        using var first = new MemoryStream();
        using (var writer = new BinaryWriter(first, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            table.Write(writer);
        }

        first.Position = 0;
        using var reader = new BinaryReader(first);
        var read = LemmaTable.Read(reader);
        Assert.Equal(table.EditCount, read.EditCount);
        Assert.Equal(table.KnownCount, read.KnownCount);
    }

    [Fact]
    public void Lemma_UnlistedWordAskedAgainWithOtherFlags_SameAsAFreshTableEachTime()
    {
        // an unlisted word's lemma is kept after the first time: as a verb, not a verb, a proper noun, another tag and
        // another case it must still come out as a table that never saw it would make it
        const int Tag = 7;
        const int OtherTag = 8;
        LemmaTable Fresh()
        {
            var known = new Dictionary<string, string> { [LemmaTable.KnownKey(Tag, "shouts")] = "shout" };
            var edits = new Dictionary<string, LemmaEdit>
            {
                [LemmaTable.EditKey(Tag, "ed")] = new(2, ""),
                [LemmaTable.EditKey(Tag, "uted")] = new(1, ""),
                [LemmaTable.EditKey(OtherTag, "ed")] = new(2, ""),
            };
            return new LemmaTable(known, edits);
        }

        (string Word, int Tag, bool ProperNoun, bool Verb)[] asks =
        [
            ("shouted", Tag, false, true), ("shouted", Tag, false, false), ("shouted", Tag, true, false),
            ("shouted", OtherTag, false, false), ("Shouted", Tag, false, true), ("Shouted", Tag, true, false),
        ];
        var table = Fresh();
        foreach (var _ in new[] { 1, 2 })
        {
            foreach (var (word, tag, properNoun, verb) in asks)
            {
                Assert.Equal(Fresh().Lemma(word, tag, properNoun, verb), table.Lemma(word, tag, properNoun, verb));
            }
        }

        Assert.Equal("shout", table.Lemma("shouted", Tag, false, verb: true));
        Assert.Equal("shoute", table.Lemma("shouted", Tag, false, verb: false));
        Assert.Equal("Shoute", table.Lemma("Shouted", Tag, true, verb: false));
        Assert.Equal("shoute", table.Lemma("Shouted", Tag, false, verb: false));
        Assert.Equal("shout", table.Lemma("shouted", OtherTag, false, verb: false));
    }

    [Fact]
    public void Lemma_MoreUnlistedWordsThanTheLimit_CacheStopsGrowingAndLemmasStayRight()
    {
        const int Tag = 7;
        const int Limit = 2;
        var edits = new Dictionary<string, LemmaEdit> { [LemmaTable.EditKey(Tag, "ed")] = new(2, "") };
        var table = new LemmaTable(new Dictionary<string, string>(), edits, maxGuessed: Limit);
        string[] stems = ["walk", "kick", "block", "glarp", "zorb"];
        foreach (var _ in new[] { 1, 2 })
        {
            foreach (var stem in stems)
            {
                Assert.Equal(stem, table.Lemma(stem + "ed", Tag, properNoun: false));
                Assert.True(table.GuessedCount <= Limit, $"{table.GuessedCount} kept past the limit of {Limit}");
            }
        }

        Assert.Equal(Limit, table.GuessedCount);
    }

    [Fact]
    public void Lemma_SameWordInAnotherCase_SharesOneCachedLemma()
    {
        const int Tag = 7;
        var edits = new Dictionary<string, LemmaEdit> { [LemmaTable.EditKey(Tag, "ed")] = new(2, "") };
        var table = new LemmaTable(new Dictionary<string, string>(), edits);
        Assert.Equal("walk", table.Lemma("walked", Tag, properNoun: false));
        Assert.Equal("walk", table.Lemma("Walked", Tag, properNoun: false));
        Assert.Equal("walk", table.Lemma("WALKED", Tag, properNoun: false));
        Assert.Equal(1, table.GuessedCount);
        Assert.Equal("Walk", table.Lemma("Walked", Tag, properNoun: true)); // a proper noun keeps its case: its own entry
        Assert.Equal(2, table.GuessedCount);
    }
}
