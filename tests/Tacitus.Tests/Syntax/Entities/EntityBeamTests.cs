using Tacitus.Documents;
using Tacitus.Syntax.Entities;
using Tacitus.Syntax.Learning;
using Tacitus.Text;

namespace Tacitus.Tests.Syntax.Entities;

public sealed class EntityBeamTests
{
    private static readonly EntityFeatures Features = new(EntityFeatureSet.Core, null, null);

    private static EntitySentence Prepare(string text)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, new TextSpan(0, text.Length), tokens);
        var sentence = new EntitySentence();
        Features.Prepare(text, [.. tokens], [], sentence);
        return sentence;
    }

    /// <summary>
    /// Weights on the history keys only: the first token slightly prefers U-PER to O, but after U-PER every class of
    /// the second token costs 5, so the best sequence starts with O and a greedy decoder misses it.
    /// </summary>
    private static AveragedPerceptron Trap(EntitySentence sentence)
    {
        var perceptron = AveragedPerceptron.ForTraining(BilouTags.Count);
        var keys = new ulong[EntityFeatures.HistoryFeatures];
        var unit = BilouTags.Tag(BilouTags.TypeOf("PER"), 'U');
        Features.ExtractHistory(sentence, 0, -1, -1, keys);
        perceptron.Adjust(keys.AsSpan(1, 1), unit, 1f);
        perceptron.Adjust(keys.AsSpan(1, 1), BilouTags.Outside, 0.9f);
        var n = Features.ExtractHistory(sentence, 1, unit, -1, keys);
        for (var c = 0; c < BilouTags.Count; c++)
        {
            perceptron.Adjust(keys.AsSpan(0, n), c, -5f / n);
        }

        perceptron.Tick();
        perceptron.Average();
        return perceptron;
    }

    [Theory]
    [InlineData(1, "U-PER O")]
    [InlineData(2, "O O")]
    [InlineData(8, "O O")]
    public void Decode_GreedyTrap_WiderBeamFindsTheBetterSequence(int width, string expected)
    {
        var sentence = Prepare("Arlo left");
        var perceptron = Trap(sentence);
        var tags = new int[2];

        EntityModel.Decode(perceptron, Features, sentence, tags, width);

        var labels = BilouTags.Labels();
        Assert.Equal(expected, string.Join(' ', tags.Select(t => labels[t])));
    }

    [Fact]
    public void DecodeWithMargin_FirstWordPrefersPersonToOrganisation_TheNameTokensLead()
    {
        // the first word's own key: U-PER 2, U-ORG 1.5, nothing else weighted. The final beam's runner-up (U-PER O
        // U-PER, merged on its last two classes) ties the best sequence; the name's own lead is 0.5
        var sentence = Prepare("Arlo left today");
        var perceptron = AveragedPerceptron.ForTraining(BilouTags.Count);
        var keys = new ulong[EntityFeatures.MaxFeatures];
        Features.ExtractStatic(sentence, 0, keys);
        perceptron.Adjust(keys.AsSpan(1, 1), BilouTags.Tag(BilouTags.TypeOf("PER"), 'U'), 2f);
        perceptron.Adjust(keys.AsSpan(1, 1), BilouTags.Tag(BilouTags.TypeOf("ORG"), 'U'), 1.5f);
        perceptron.Tick();
        perceptron.Average();
        var tags = new int[3];

        var margin = new EntityBeam(4).DecodeWithMargin(perceptron, Features, sentence, tags);

        var labels = BilouTags.Labels();
        Assert.Equal("U-PER O O", string.Join(' ', tags.Select(t => labels[t])));
        Assert.Equal(0.5f, margin, 1e-5f);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    public void DecodeWithMargin_NoName_PositiveInfinity(int width)
    {
        var sentence = Prepare("Arlo left");
        var tags = new int[2];

        var margin = new EntityBeam(width).DecodeWithMargin(Trap(sentence), Features, sentence, tags);

        Assert.Equal(float.PositiveInfinity, margin);
    }

    [Fact]
    public void Learn_WrongSequence_UpdatesUntilTheGoldOneIsBest()
    {
        var sentence = Prepare("Ines Maro left Valera");
        var gold = new[] { BilouTags.Tag(0, 'B'), BilouTags.Tag(0, 'L'), BilouTags.Outside, BilouTags.Tag(2, 'U') };
        var perceptron = AveragedPerceptron.ForTraining(BilouTags.Count);
        var beam = new EntityBeam(4);

        var first = beam.Learn(perceptron, Features, sentence, gold);
        var rounds = 1;
        while (beam.Learn(perceptron, Features, sentence, gold) > 0 && rounds < 20)
        {
            rounds++;
        }

        perceptron.Average();
        var tags = new int[4];
        beam.Decode(perceptron, Features, sentence, tags);
        Assert.True(first > 0);
        Assert.Equal(gold, tags);
    }

    [Fact]
    public void Decode_TwoModelsInTurn_EachDecodesAsAlone()
    {
        var sentence = Prepare("Arlo left");
        var trap = Trap(sentence);
        var other = AveragedPerceptron.ForTraining(BilouTags.Count);
        var keys = new ulong[EntityFeatures.MaxFeatures];
        Features.ExtractStatic(sentence, 0, keys);
        other.Adjust(keys.AsSpan(1, 1), BilouTags.Tag(BilouTags.TypeOf("LOC"), 'U'), 3f); // the first word's own key
        other.Tick();
        other.Average();
        var beam = new EntityBeam(4);
        var first = new int[2];
        var between = new int[2];
        var again = new int[2];

        beam.Decode(trap, Features, sentence, first);
        beam.Decode(other, Features, sentence, between);
        beam.Decode(trap, Features, sentence, again);

        var labels = BilouTags.Labels();
        Assert.Equal("O O", string.Join(' ', first.Select(t => labels[t])));
        Assert.Equal("U-LOC O", string.Join(' ', between.Select(t => labels[t])));
        Assert.Equal(first, again);
    }

    [Fact]
    public void Decode_ThreeModelsInTurn_EachDecodesAsWithAFreshBeam()
    {
        // the beam keeps the class rows of the last two models: a third one replaces the older, and every model, kept
        // or replaced and read again, decodes as it does on a beam that never saw another
        var sentence = Prepare("Arlo left");
        var models = new[] { Trap(sentence), FirstWord(sentence, "LOC", 3f), FirstWord(sentence, "ORG", 2f) };
        var beam = new EntityBeam(4);

        foreach (var m in new[] { 0, 1, 2, 1, 0, 2, 0 })
        {
            var shared = new int[2];
            var alone = new int[2];
            beam.Decode(models[m], Features, sentence, shared);
            new EntityBeam(4).Decode(models[m], Features, sentence, alone);
            Assert.Equal(alone, shared);
        }
    }

    /// <summary>A model whose only weight is on the first word's own key, for the type <paramref name="type"/>.</summary>
    private static AveragedPerceptron FirstWord(EntitySentence sentence, string type, float weight)
    {
        var perceptron = AveragedPerceptron.ForTraining(BilouTags.Count);
        var keys = new ulong[EntityFeatures.MaxFeatures];
        Features.ExtractStatic(sentence, 0, keys);
        perceptron.Adjust(keys.AsSpan(1, 1), BilouTags.Tag(BilouTags.TypeOf(type), 'U'), weight);
        var history = new ulong[EntityFeatures.HistoryFeatures];
        Features.ExtractHistory(sentence, 1, BilouTags.Tag(BilouTags.TypeOf(type), 'U'), -1, history);
        perceptron.Adjust(history.AsSpan(0, 1), BilouTags.Outside, 0.5f); // a class row: read from the kept tables
        perceptron.Tick();
        perceptron.Average();
        return perceptron;
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(1.0, 4)]
    public void HideWords_Share_HidesThatShare(double share, int hidden)
    {
        var sentence = Prepare("Ines Maro left Valera");
        var lower = sentence.Lower[..4].ToArray();

        EntityFeatures.HideWords(sentence, new Random(1), share);

        var changed = Enumerable.Range(0, 4).Where(i => sentence.Lower[i] != lower[i]).ToList();
        Assert.Equal(hidden, changed.Count);
        Assert.All(changed, i => Assert.Equal(sentence.Lower[0], sentence.Word[i]));
    }

    [Fact]
    public void Decode_AnyWeights_ValidBilouSequence()
    {
        var sentence = Prepare("Ines Maro of Northfield Bank left New Tarn for Valera");
        var perceptron = AveragedPerceptron.ForTraining(BilouTags.Count);
        var keys = new ulong[EntityFeatures.MaxFeatures];
        for (var i = 0; i < sentence.Count; i++)
        {
            var n = Features.ExtractStatic(sentence, i, keys);
            perceptron.Adjust(keys.AsSpan(0, n), 1 + ((i * 7) % (BilouTags.Count - 1)), 1f);
        }

        perceptron.Tick();
        perceptron.Average();
        var tags = new int[sentence.Count];
        new EntityBeam(3).Decode(perceptron, Features, sentence, tags);

        var previous = -1;
        var allowed = new bool[BilouTags.Count];
        for (var i = 0; i < tags.Length; i++)
        {
            BilouTags.Allowed(previous, i == tags.Length - 1, allowed);
            Assert.True(allowed[tags[i]], $"class {tags[i]} may not follow {previous} at token {i}");
            previous = tags[i];
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void Decode_ModelReadBack_SameClassesAsScoringEachTokenInTurn(int repeats)
    {
        // a model in training scores each token's keys as the beam reaches it; read back, the beam locates the whole
        // sentence's keys first. The weights are whole numbers (exact at half precision), so both must decode alike.
        // Five repeats make a 75-token sentence, past the 64 tokens the beam's buffers start with, so they must grow
        var sentence = Prepare(string.Join(' ', Enumerable.Repeat("Ines Maro of Northfield Bank left New Tarn for Valera on Monday with Arlo Penn", repeats)));
        var perceptron = AveragedPerceptron.ForTraining(BilouTags.Count);
        var keys = new ulong[EntityFeatures.MaxFeatures];
        for (var i = 0; i < sentence.Count; i++)
        {
            var n = Features.ExtractStatic(sentence, i, keys);
            perceptron.Adjust(keys.AsSpan(0, n), 1 + ((i * 5) % (BilouTags.Count - 1)), 1f);
        }

        perceptron.Tick();
        perceptron.Average();
        var readBack = ReadBack(perceptron);
        var scored = new int[sentence.Count];
        var located = new int[sentence.Count];

        new EntityBeam(4).Decode(perceptron, Features, sentence, scored);
        new EntityBeam(4).Decode(readBack, Features, sentence, located);

        Assert.Equal(repeats * 15, sentence.Count);
        Assert.True(readBack.Locates);
        Assert.Equal(scored, located);
        Assert.Contains(located, t => t != BilouTags.Outside);
    }

    /// <summary>The model as a run reads it from its file.</summary>
    private static AveragedPerceptron ReadBack(AveragedPerceptron model)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            model.Write(writer);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        return AveragedPerceptron.Read(reader);
    }
}
