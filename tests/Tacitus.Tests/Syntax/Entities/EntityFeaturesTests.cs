using Tacitus.Documents;
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
}
