using Tacitus.Documents;
using Tacitus.Knowledge;
using Tacitus.Syntax.Entities;
using Tacitus.Text;

namespace Tacitus.Tests.Syntax.Entities;

public sealed class EntityFeaturesTests
{
    private const string Joined = "She joined Ostra Quellworks .";

    private static EntitySentence Prepare(EntityFeatures features, string text)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, new TextSpan(0, text.Length), tokens);
        var sentence = new EntitySentence();
        features.Prepare(text, [.. tokens], [], sentence);
        return sentence;
    }

    private static int StaticKeys(EntityFeatures features, string text, int token) =>
        features.ExtractStatic(Prepare(features, text), token, new ulong[EntityFeatures.MaxFeatures]);

    [Fact]
    public void Prepare_Cues_HeadWordCarriesOrgEnd()
    {
        var features = new EntityFeatures(EntityFeatureSet.Core | EntityFeatureSet.Cues, null, null, cues: EntityCuesTests.Counted());

        var sentence = Prepare(features, Joined);

        Assert.Equal(EntityCue.OrgEnd, (EntityCue)sentence.Cue[3] & EntityCue.OrgEnd);
        Assert.Equal(EntityCue.None, (EntityCue)sentence.Cue[0]);
    }

    [Theory]
    [InlineData(2)] // the name's first word: the head after it, the context word before it, the run's head
    [InlineData(3)] // the head word itself
    public void ExtractStatic_CuesOnAName_MoreKeysThanWithout(int token)
    {
        var with = new EntityFeatures(EntityFeatureSet.Core | EntityFeatureSet.Cues, null, null, cues: EntityCuesTests.Counted());
        var without = new EntityFeatures(EntityFeatureSet.Core, null, null);

        Assert.True(StaticKeys(with, Joined, token) > StaticKeys(without, Joined, token), $"{StaticKeys(with, Joined, token)} against {StaticKeys(without, Joined, token)}");
    }

    [Fact]
    public void ExtractStatic_CuesWithoutCueWords_SameKeysAsWithout()
    {
        const string text = "We met Ines Maro .";
        var with = new EntityFeatures(EntityFeatureSet.Core | EntityFeatureSet.Cues, null, null, cues: EntityCuesTests.Counted());
        var without = new EntityFeatures(EntityFeatureSet.Core, null, null);
        var withKeys = new ulong[EntityFeatures.MaxFeatures];
        var withoutKeys = new ulong[EntityFeatures.MaxFeatures];

        var n = with.ExtractStatic(Prepare(with, text), 2, withKeys);

        Assert.Equal(withoutKeys[..without.ExtractStatic(Prepare(without, text), 2, withoutKeys)], withKeys[..n]);
    }

    [Fact]
    public void Prepare_WordsMetInEarlierSentences_SameFactsAsAFreshInstance()
    {
        // the classes, clusters and cues of a word are kept per thread once read: a sentence whose words were met
        // before (the same words, other words of their slots, a word longer than the kept ones) must read as a new
        // instance reads it
        static EntityFeatures Make() => new(
            EntityFeatureSet.Core | EntityFeatureSet.WordClasses | EntityFeatureSet.Clusters | EntityFeatureSet.Cues,
            null,
            new Lexicon([("she", WordClass.Pronoun, null), ("quellworks", WordClass.OrgHead, null), ("ostra", WordClass.GivenName, null)]),
            clusters: WordClusters.FromPaths([("Ostra", "0110"), ("joined", "10"), ("quellworks", "111")]),
            cues: EntityCuesTests.Counted());
        const string text = "She joined Ostra Quellworks and Ostra-Quellworks-Holdings-International , she said .";
        var features = Make();
        foreach (var i in Enumerable.Range(0, 3000))
        {
            Prepare(features, $"w{i} Ostra joined quellworks she .");
        }

        var warmed = Prepare(features, text);
        var fresh = Prepare(Make(), text);

        Assert.Equal(fresh.Count, warmed.Count);
        Assert.Equal(fresh.Classes[..fresh.Count], warmed.Classes[..warmed.Count]);
        Assert.Equal(fresh.Cluster[..fresh.Count], warmed.Cluster[..warmed.Count]);
        Assert.Equal(fresh.Cue[..fresh.Count], warmed.Cue[..warmed.Count]);
        Assert.Equal(fresh.Case[..fresh.Count], warmed.Case[..warmed.Count]);
        Assert.NotEqual(0, fresh.Classes[0]);
        Assert.NotEqual(0u, fresh.Cluster[2]);
    }
}
