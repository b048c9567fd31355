using Tacitus.Syntax.Learning;
using Xunit;

namespace Tacitus.Tests.Syntax;

public sealed class AveragedPerceptronTests
{
    // A toy task: the class is the word's last letter group ("-ed" past, "-s" plural, else base).
    private static readonly (string Word, int Class)[] Examples =
    [
        ("walked", 0), ("talked", 0), ("visited", 0), ("signed", 0), ("met", 2),
        ("talks", 1), ("visits", 1), ("leaders", 1), ("walk", 2), ("sign", 2), ("visit", 2),
    ];

    private static ulong[] Features(string word) =>
    [
        FeatureKey.Of(0),
        FeatureKey.Of(1, word.AsSpan(Math.Max(0, word.Length - 2))),
        FeatureKey.Of(2, word.AsSpan(Math.Max(0, word.Length - 1))),
    ];

    private static AveragedPerceptron Train(int iterations)
    {
        var model = AveragedPerceptron.ForTraining(3);
        var scores = new float[3];
        for (var i = 0; i < iterations; i++)
        {
            foreach (var (word, truth) in Examples)
            {
                var features = Features(word);
                var guess = model.Predict(features, scores);
                model.Tick();
                model.Update(features, truth, guess);
            }
        }

        model.Average();
        return model;
    }

    private static byte[] Bytes(AveragedPerceptron model, float? prune = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            model.Write(writer, prune);
        }

        return stream.ToArray();
    }

    /// <summary>The model as a run reads it from its file.</summary>
    private static AveragedPerceptron ReadBack(AveragedPerceptron model, float? prune = null)
    {
        using var reader = new BinaryReader(new MemoryStream(Bytes(model, prune)));
        return AveragedPerceptron.Read(reader);
    }

    [Theory]
    [InlineData("jumped", 0)]
    [InlineData("summits", 1)]
    [InlineData("visited", 0)]
    public void Predict_AfterTraining_GeneralisesFromSuffixes(string word, int expected)
    {
        var model = Train(5);
        Assert.Equal(expected, model.Predict(Features(word), new float[3]));
    }

    [Fact]
    public void Write_SameDataTwice_SameBytes()
    {
        Assert.Equal(Bytes(Train(4)), Bytes(Train(4)));
    }

    [Fact]
    public void Read_WrittenModel_ScoresAsBefore()
    {
        var model = Train(5);
        using var stream = new MemoryStream(Bytes(model));
        using var reader = new BinaryReader(stream);
        var loaded = AveragedPerceptron.Read(reader);
        foreach (var (word, _) in Examples)
        {
            Assert.Equal(model.Predict(Features(word), new float[3]), loaded.Predict(Features(word), new float[3]));
        }
    }

    /// <summary>A model file of <paramref name="keys"/>' rows (three classes), each with one weight, for class key % 3.</summary>
    private static byte[] ModelBytes(IReadOnlyList<ulong> keys)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(0x50434154u); // "TACP"
            writer.Write(1);
            writer.Write(3);
            writer.Write(keys.Count);
            foreach (var key in keys)
            {
                writer.Write(key);
                writer.Write((ushort)1);
                writer.Write((ushort)(key % 3));
                writer.Write((Half)1.0f);
            }
        }

        return stream.ToArray();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(1000)]
    public void Read_RowsOnEitherSideOfTheIndexingDelay_EveryRowFound(int rows)
    {
        var keys = Enumerable.Range(1, rows).Select(i => (ulong)i * 0x9E3779B97F4A7C15UL).ToList();
        using var reader = new BinaryReader(new MemoryStream(ModelBytes(keys)));

        var model = AveragedPerceptron.Read(reader);

        Assert.Equal(rows, model.Features);
        foreach (var key in keys)
        {
            Assert.Equal((int)(key % 3), model.Predict([key], new float[3]));
        }
    }

    [Theory]
    [InlineData(2, 5)]   // the repeat arrives while the first is still waiting to be indexed
    [InlineData(3, 40)]  // the first was indexed long before
    [InlineData(30, 50)] // the repeat is the last row, indexed only when the model is made
    public void Read_RowRepeatingAFeature_InvalidDataNamingTheRow(int first, int repeat)
    {
        var keys = Enumerable.Range(1, 50).Select(i => (ulong)i * 0x9E3779B97F4A7C15UL).ToList();
        keys.Insert(repeat, keys[first]);
        using var reader = new BinaryReader(new MemoryStream(ModelBytes(keys)));

        var error = Assert.Throws<InvalidDataException>(() => AveragedPerceptron.Read(reader));

        Assert.Contains($"row {repeat} repeats a feature", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "walked", "talks")]
    [InlineData(true, "walked", "talks")]
    [InlineData(true, "visits", "sign")]
    public void AddScores_OntoTotals_SameSumsAsScoringEachFeatureAndAdding(bool readBack, string first, string second)
    {
        // the entity beam adds rows onto running totals; the sums must be bit-for-bit those of scoring one feature at a
        // time and adding each row in turn, in the training form (rows in a table) and as read from a file (packed rows)
        var trained = Train(5);
        var model = readBack ? ReadBack(trained) : trained;
        ulong[] features = [.. Features(first).Skip(1), .. Features(second).Skip(1)];
        float[] start = [0.1f, -2.5f, 1e-3f];
        var expected = (float[])start.Clone();
        var row = new float[3];
        foreach (var feature in features)
        {
            model.Score([feature], row);
            for (var c = 0; c < 3; c++)
            {
                expected[c] += row[c];
            }
        }

        var actual = (float[])start.Clone();
        model.AddScores(features, actual);
        Assert.Equal(expected, actual);
        Assert.NotEqual(start, actual);
    }

    [Fact]
    public void Predict_AllowedMask_NeverChoosesAForbiddenClass()
    {
        var model = Train(5);
        var allowed = new[] { false, true, true };
        Assert.NotEqual(0, model.Predict(Features("walked"), new float[3], allowed));
    }

    [Fact]
    public void Read_DamagedHeader_IsInvalidData()
    {
        using var stream = new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8]);
        using var reader = new BinaryReader(stream);
        Assert.Throws<InvalidDataException>(() => AveragedPerceptron.Read(reader));
    }

    [Fact]
    public void Write_PruneBelowAboveEveryWeight_NoRowsLeft()
    {
        var model = Train(5);
        var back = ReadBack(model, prune: 1e6f);
        Assert.Equal(0, back.Features);
        Assert.True(back.Features < model.Features);
    }

    [Fact]
    public void Write_PruneBelowSetAtTraining_DropsOnlySmallWeights()
    {
        var features = new[] { FeatureKey.Of(1, "big"), FeatureKey.Of(2, "small") };
        var model = AveragedPerceptron.ForTraining(2, pruneBelow: 0.5f);
        var scores = new float[2];

        // "big" is updated at the first instance (its mean weight stays near 1), "small" only at the last of ten
        model.Tick();
        model.Update(features.AsSpan(0, 1), 0, 1);
        for (var i = 0; i < 8; i++)
        {
            model.Tick();
        }

        model.Tick();
        model.Update(features.AsSpan(1, 1), 0, 1);
        model.Average();

        var back = ReadBack(model);
        Assert.Equal(1, back.Features);
        back.Score(features.AsSpan(1, 1), scores);
        Assert.Equal([0f, 0f], scores);
        back.Score(features.AsSpan(0, 1), scores);
        Assert.True(scores[0] > 0.5f && scores[1] < -0.5f, $"{scores[0]} {scores[1]}");
    }

    [Fact]
    public void Read_LongAndShortRows_ScoresEqualTheFileWeightsBitForBit()
    {
        // "wide" gets a weight for every class (a dense row once read back), "narrow" for two (a sparse row)
        var wide = FeatureKey.Of(1, "wide");
        var narrow = FeatureKey.Of(2, "narrow");
        var model = AveragedPerceptron.ForTraining(12);
        for (var c = 0; c < 11; c++)
        {
            model.Tick();
            model.Update([wide], c, c + 1, amount: 1f + (c * 0.37f));
        }

        model.Tick();
        model.Update([narrow], 3, 9, amount: 2.5f);
        model.Average();
        var wideRow = new float[12];
        var narrowRow = new float[12];
        model.Score([wide], wideRow);
        model.Score([narrow], narrowRow);
        Assert.True(wideRow.Count(w => w != 0) >= PackedRow.DenseFrom, "the wide row must be long enough to be dense");

        var back = ReadBack(model);
        var scores = new float[12];
        back.Score([FeatureKey.Of(3, "unseen"), wide, narrow], scores);
        var expected = new float[12];
        for (var c = 0; c < 12; c++)
        {
            expected[c] += (float)(Half)wideRow[c];
            expected[c] += (float)(Half)narrowRow[c];
        }

        Assert.Equal(expected, scores);
    }

    /// <summary>A model of <paramref name="classes"/> classes: a weight for every class of "wide", two of "narrow" and one of <paramref name="own"/>, each scaled by <paramref name="scale"/>.</summary>
    private static AveragedPerceptron TrainRows(int classes, string own, float scale)
    {
        var model = AveragedPerceptron.ForTraining(classes);
        for (var c = 0; c + 1 < classes; c++)
        {
            model.Tick();
            model.Update([FeatureKey.Of(1, "wide")], c, c + 1, amount: scale * (1f + (c * 0.37f)));
        }

        model.Tick();
        model.Update([FeatureKey.Of(2, "narrow")], 3, classes - 1, amount: scale * 2.5f);
        model.Tick();
        model.Adjust([FeatureKey.Of(4, own)], 1, scale * 0.3f);
        model.Average();
        return model;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Join_TwoModels_EachHalfScoresAsItsModelBitForBit(bool readBack)
    {
        var first = TrainRows(12, "first only", 1.1f);
        var second = TrainRows(12, "second only", -0.7f);
        if (readBack)
        {
            (first, second) = (ReadBack(first), ReadBack(second));
        }

        var keys = new[] { FeatureKey.Of(2, "narrow"), FeatureKey.Of(3, "unseen"), FeatureKey.Of(4, "second only"), FeatureKey.Of(1, "wide"), FeatureKey.Of(4, "first only") };
        var joint = AveragedPerceptron.Join(first, second);
        var expectedFirst = new float[12];
        var expectedSecond = new float[12];
        first.Score(keys, expectedFirst);
        second.Score(keys, expectedSecond);
        var scores = new float[24];

        joint.Score(keys, scores);

        Assert.Equal(24, joint.Classes);
        Assert.Equal([.. expectedFirst.Concat(expectedSecond).Select(BitConverter.SingleToInt32Bits)], scores.Select(BitConverter.SingleToInt32Bits));
        Assert.Contains(scores, s => s != 0f);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AddScoresByGroup_ThreeGroups_EachTotalAsAddScoresOnItsGroupBitForBit(bool readBack)
    {
        var model = TrainRows(12, "own", 0.9f);
        if (readBack)
        {
            model = ReadBack(model);
        }

        var keys = new[] { FeatureKey.Of(1, "wide"), FeatureKey.Of(2, "narrow"), FeatureKey.Of(3, "unseen"), FeatureKey.Of(4, "own"), FeatureKey.Of(2, "narrow"), FeatureKey.Of(1, "wide") };
        var start = Enumerable.Range(0, 36).Select(k => (k % 7) * 0.31f).ToArray();
        var expected = (float[])start.Clone();
        for (var g = 0; g < 3; g++)
        {
            model.AddScores(keys.AsSpan(g * 2, 2), expected.AsSpan(g * 12, 12));
        }

        var scores = (float[])start.Clone();
        model.AddScoresByGroup(keys, 2, scores);

        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), scores.Select(BitConverter.SingleToInt32Bits));
        Assert.NotEqual(start, scores);
        Assert.Throws<ArgumentException>(() => model.AddScoresByGroup(keys, 4, new float[24]));
    }

    [Theory]
    [InlineData(12)]
    [InlineData(40)]
    [InlineData(108)]
    public void Read_LongRowsOfManyClasses_ScoresEqualTheFileWeightsBitForBit(int classes)
    {
        // long rows are padded to whole 256-bit blocks and added 512 bits at a time where the machine has AVX-512, then
        // 256 bits at a time: 12 classes (padded to 16) are one 512-bit block or two 256-bit ones, 40 are two 512-bit
        // blocks and a 256-bit one or five 256-bit ones, 108 (the tagger's, padded to 112) seven 512-bit blocks or
        // fourteen 256-bit ones. The fallbacks are checked by running these tests with DOTNET_EnableAVX512=0 (256-bit
        // only), DOTNET_EnableAVX2=0 and DOTNET_EnableHWIntrinsic=0 (software vectors); DOTNET_EnableAVX512F=0 does
        // nothing in .NET 10
        var model = TrainRows(classes, "own", 0.8f);
        var keys = new[] { FeatureKey.Of(1, "wide"), FeatureKey.Of(2, "narrow"), FeatureKey.Of(4, "own"), FeatureKey.Of(1, "wide") };
        var exact = new float[classes];
        var weights = new float[classes];
        foreach (var key in keys)
        {
            model.Score([key], weights);
            for (var c = 0; c < classes; c++)
            {
                exact[c] += (float)(Half)weights[c];
            }
        }

        var scores = new float[classes];
        ReadBack(model).Score(keys, scores);

        Assert.Equal(exact.Select(BitConverter.SingleToInt32Bits), scores.Select(BitConverter.SingleToInt32Bits));
        Assert.NotEqual(0f, scores[classes - 1]);
    }

    [Fact]
    public void ScoreLocated_ManyWordsLocatedInOneSweep_SameScoresAsScoringEachWordBitForBit()
    {
        // 30 "words" of 5 keys each: more keys than are prefetched ahead, some repeated, some unseen
        var model = ReadBack(TrainRows(12, "own", 1.3f));
        var pool = new[] { FeatureKey.Of(1, "wide"), FeatureKey.Of(2, "narrow"), FeatureKey.Of(3, "unseen"), FeatureKey.Of(4, "own") };
        var keys = Enumerable.Range(0, 150).Select(k => pool[(k * 7 / 3) % pool.Length]).ToArray();
        var rows = new ulong[keys.Length];

        model.Locate(keys, rows);

        var located = new float[12];
        var scored = new float[12];
        for (var w = 0; w < 30; w++)
        {
            model.ScoreLocated(rows.AsSpan(w * 5, 5), located);
            model.Score(keys.AsSpan(w * 5, 5), scored);
            Assert.Equal(scored.Select(BitConverter.SingleToInt32Bits), located.Select(BitConverter.SingleToInt32Bits));
        }

        Assert.Contains(located, s => s != 0f);
    }

    [Fact]
    public void Locate_ModelInTraining_Throws()
    {
        var model = TrainRows(12, "own", 1f);

        Assert.False(model.Locates);
        Assert.True(ReadBack(model).Locates);
        Assert.Throws<InvalidOperationException>(() => model.Locate([FeatureKey.Of(1, "wide")], new ulong[1]));
        Assert.Throws<InvalidOperationException>(() => model.ScoreLocated(new ulong[1], new float[12]));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(17)]
    [InlineData(108)]
    public void Best_AllClasses_SameClassAsWithEveryClassAllowed(int classes)
    {
        // with no mask, Best looks at all classes a vector at a time; with a mask allowing all, one by one: the same
        // class (lowest index on ties), with the highest score repeated, at the last class, and as -0 beside +0
        var random = new Random(classes);
        var all = Enumerable.Repeat(true, classes).ToArray();
        for (var round = 0; round < 200; round++)
        {
            var scores = Enumerable.Range(0, classes).Select(_ => (float)Math.Round((random.NextDouble() * 6) - 3, 1)).ToArray();
            if (round % 3 == 0)
            {
                scores[random.Next(classes)] = scores.Max();
            }

            if (round % 5 == 0)
            {
                scores[^1] = scores.Max() + 1f;
            }

            if (round % 7 == 0)
            {
                Array.Fill(scores, -1f);
                scores[classes / 2] = -0f;
                scores[^1] = 0f;
            }

            Assert.Equal(AveragedPerceptron.Best(scores, all), AveragedPerceptron.Best(scores));
        }

        var withNaN = Enumerable.Range(0, classes).Select(c => (float)c).ToArray();
        withNaN[1] = float.NaN;
        Assert.Equal(AveragedPerceptron.Best(withNaN, all), AveragedPerceptron.Best(withNaN));
    }
}
