using Tacitus.Documents;
using Tacitus.Knowledge;
using Tacitus.Syntax;
using Tacitus.Syntax.Entities;
using Tacitus.Syntax.Learning;
using Tacitus.Text;
using static Tacitus.Tests.Syntax.Entities.EntityTrainingFixture;

namespace Tacitus.Tests.Syntax.Entities;

public sealed class EntityTrainerTests
{
    private static EntityModel Train(int epochs = 6) =>
        EntityTrainer.Train(
            NameExamples.FromIob2(Fixture),
            new EntityTrainingOptions { Epochs = epochs, Profile = Profile() },
            Tables,
            KnowledgeBase.Default.Words);

    private static List<(string Text, NameKind Kind)> Recognise(EntityModel model, string text)
    {
        var document = new Document(text, new DocumentMetadata()) { Language = "en" };
        new SentenceSegmenter().Process(document, CancellationToken.None);
        new TokenTagger().Process(document, CancellationToken.None);
        new EntityRecognizer(() => model).Process(document, CancellationToken.None);
        return [.. document.Names.Select(n => (document.Slice(n.Span).ToString(), n.Kind))];
    }

    [Fact]
    public void Train_Fixture_FindsNamesInANewSentence()
    {
        var names = Recognise(Train(), "Ines Maro told reporters that Quellco would open an office in Valera .");

        Assert.Equal([("Ines Maro", NameKind.Person), ("Quellco", NameKind.Organisation), ("Valera", NameKind.Place)], names);
    }

    [Fact]
    public void Train_SameData_SameBytes()
    {
        Assert.Equal(Bytes(Train(3)), Bytes(Train(3)));
    }

    [Fact]
    public void Read_WrittenModel_DecodesTheSame()
    {
        var model = Train();
        using var stream = new MemoryStream(Bytes(model));
        var read = EntityModel.Read(stream, Tables, KnowledgeBase.Default.Words);
        const string text = "The Harbor Trust said Karl Udden had left Port Esk .";

        Assert.Equal(Recognise(model, text), Recognise(read, text));
        Assert.Equal(model.Features.Set, read.Features.Set);
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 1)]
    [InlineData(false, 4)]
    [InlineData(true, 4)]
    public void Read_OldOrQuickKeys_DecodesAsTrained(bool quick, int beam)
    {
        var features = quick ? new EntityTrainingOptions().Features : new EntityTrainingOptions().Features & ~EntityFeatureSet.QuickKeys;
        var model = TrainWith(new EntityTrainingOptions { Epochs = 6, Beam = beam, Features = features });
        using var stream = new MemoryStream(Bytes(model));
        var read = EntityModel.Read(stream, Tables, KnowledgeBase.Default.Words);
        const string text = "Ines Maro told reporters that Quellco would open an office in Valera .";

        Assert.Equal(quick, (read.Features.Set & EntityFeatureSet.QuickKeys) != 0);
        Assert.Equal(Recognise(model, text), Recognise(read, text));
        Assert.Equal([("Ines Maro", NameKind.Person), ("Quellco", NameKind.Organisation), ("Valera", NameKind.Place)], Recognise(read, text));
    }

    [Fact]
    public void Train_PruneAbove_FewerBytesSameNames()
    {
        var full = TrainWith(new EntityTrainingOptions { Epochs = 6, Beam = 4 });
        var pruned = TrainWith(new EntityTrainingOptions { Epochs = 6, Beam = 4, PruneBelow = 0.3f });
        const string text = "Ines Maro told reporters that Quellco would open an office in Valera .";

        Assert.True(Bytes(pruned).Length < Bytes(full).Length, $"{Bytes(pruned).Length} against {Bytes(full).Length}");
        Assert.Equal(Recognise(full, text), Recognise(pruned, text));
    }

    [Fact]
    public void Train_WordDropout_SameBytesAndChangesTheModel()
    {
        var options = new EntityTrainingOptions { Epochs = 4, Beam = 4, WordDropout = 0.2 };

        Assert.Equal(Bytes(TrainWith(options)), Bytes(TrainWith(options)));
        Assert.NotEqual(Bytes(TrainWith(options)), Bytes(TrainWith(options with { WordDropout = 0 })));
    }

    [Fact]
    public void Train_LowerCase_SameBytesAndChangesTheModel()
    {
        var options = new EntityTrainingOptions { Epochs = 4, Beam = 4, LowerCase = 0.3 };

        Assert.Equal(Bytes(TrainWith(options)), Bytes(TrainWith(options)));
        Assert.NotEqual(Bytes(TrainWith(options)), Bytes(TrainWith(options with { LowerCase = 0 })));
    }

    private static EntityModel TrainBeam(int beam, int epochs) =>
        EntityTrainer.Train(
            NameExamples.FromIob2(Fixture),
            new EntityTrainingOptions { Epochs = epochs, Profile = Profile(), Beam = beam },
            Tables,
            KnowledgeBase.Default.Words);

    [Fact]
    public void Train_Beam_SameBytesReadBackAndFindsNames()
    {
        var model = TrainBeam(4, 6);
        using var stream = new MemoryStream(Bytes(model));
        var read = EntityModel.Read(stream, Tables, KnowledgeBase.Default.Words);
        const string text = "Ines Maro told reporters that Quellco would open an office in Valera .";

        Assert.Equal(Bytes(model), Bytes(TrainBeam(4, 6)));
        Assert.Equal(4, read.Beam);
        Assert.Equal(Recognise(model, text), Recognise(read, text));
        Assert.Equal([("Ines Maro", NameKind.Person), ("Quellco", NameKind.Organisation), ("Valera", NameKind.Place)], Recognise(read, text));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Train_BeamBelowOne_Refused(int beam)
    {
        var options = new EntityTrainingOptions { Profile = Profile(), Beam = beam };

        Assert.Throws<ArgumentOutOfRangeException>(() => EntityTrainer.Train(NameExamples.FromIob2(Fixture), options, Tables, KnowledgeBase.Default.Words));
    }

    private static EntityModel TrainWithTagsAndClusters(int epochs)
    {
        var problems = new List<TacitusError>();
        var treebank = Tacitus.Syntax.Training.TreebankSentence.ReadAll([Tacitus.Tests.Syntax.SyntaxFixture.File], problems);
        var clusters = WordClusters.FromPaths([("Lisbon", "0110"), ("Valera", "0111"), ("said", "10"), ("told", "10")]);
        return EntityTrainer.Train(
            NameExamples.FromIob2(Fixture),
            new EntityTrainingOptions
            {
                Epochs = epochs,
                Profile = Profile(),
                Clusters = clusters,
                Tagging = EntityTagging.Jackknife(treebank, 2, 2),
                Features = new EntityTrainingOptions().Features | EntityFeatureSet.Clusters | EntityFeatureSet.Upos,
            },
            Tables,
            KnowledgeBase.Default.Words);
    }

    [Fact]
    public void Train_TagsAndClusters_SameBytesAndReadBack()
    {
        var model = TrainWithTagsAndClusters(3);
        using var stream = new MemoryStream(Bytes(model));
        var read = EntityModel.Read(stream, Tables, KnowledgeBase.Default.Words);
        const string text = "Ines Maro told reporters that Quellco would open an office in Valera .";

        Assert.Equal(Bytes(model), Bytes(TrainWithTagsAndClusters(3)));
        Assert.True(read.Features.UsesTags);
        Assert.Equal(model.Features.Clusters!.Count, read.Features.Clusters!.Count);
        Assert.Equal(Recognise(model, text), Recognise(read, text));
    }

    private static EntityModel TrainTwoPass(int epochs)
    {
        // plain text whose first-pass types become the corpus votes (tagged as at run time)
        var news = new Document("Shares in Quellco fell . Analysts at Quellco said so . Workers at Quellco left .", new DocumentMetadata()) { Language = "en" };
        new SentenceSegmenter().Process(news, CancellationToken.None);
        var problems = new List<TacitusError>();
        var treebank = Tacitus.Syntax.Training.TreebankSentence.ReadAll([Tacitus.Tests.Syntax.SyntaxFixture.File], problems);
        return EntityTrainer.Train(
            NameExamples.FromIob2(Fixture),
            new EntityTrainingOptions
            {
                Epochs = epochs,
                Profile = Profile(),
                PassFolds = 2,
                Tagging = EntityTagging.Jackknife(treebank, 2, 2),
                Corpus = NewsCorpus.TaggedSentences([news], CancellationToken.None),
                Features = new EntityTrainingOptions().Features | EntityFeatureSet.Upos | EntityFeatureSet.Document | EntityFeatureSet.Corpus,
            },
            Tables,
            KnowledgeBase.Default.Words);
    }

    [Fact]
    public void Train_TwoPasses_SameBytesReadBackAndFindsNames()
    {
        var model = TrainTwoPass(6);
        using var stream = new MemoryStream(Bytes(model));
        var read = EntityModel.Read(stream, Tables, KnowledgeBase.Default.Words);
        const string text = "Ines Maro told reporters that Quellco would open an office in Valera . Quellco said so .";

        Assert.NotNull(model.FirstPass);
        Assert.Equal(model.Corpus!.Count, read.Corpus!.Count);
        Assert.Equal(Bytes(model), Bytes(TrainTwoPass(6)));
        Assert.True(read.Features.TwoPass);
        Assert.Equal(Recognise(model, text), Recognise(read, text));
        Assert.Contains(("Quellco", NameKind.Organisation), Recognise(read, text));
    }

    private static EntityModel TrainWithCues(int epochs)
    {
        var examples = NameExamples.FromIob2(Fixture);
        var cues = EntityCues.FromNames(examples.Select(EntityTrainer.Prepare), KnowledgeBase.Default);
        return TrainWith(new EntityTrainingOptions { Epochs = epochs, Beam = 4, Cues = cues, Features = new EntityTrainingOptions().Features | EntityFeatureSet.Cues });
    }

    [Fact]
    public void Train_Cues_SameBytesReadBackAndFindsNames()
    {
        var model = TrainWithCues(6);
        using var stream = new MemoryStream(Bytes(model));
        var read = EntityModel.Read(stream, Tables, KnowledgeBase.Default.Words);
        const string text = "Ines Maro told reporters that Quellco would open an office in Valera .";

        Assert.Equal(Bytes(model), Bytes(TrainWithCues(6)));
        Assert.Equal(model.Features.Cues!.Count, read.Features.Cues!.Count);
        Assert.True((read.Features.Cues.CueOf("Corp") & EntityCue.OrgEnd) != 0);
        Assert.Equal(Recognise(model, text), Recognise(read, text));
        Assert.Equal([("Ines Maro", NameKind.Person), ("Quellco", NameKind.Organisation), ("Valera", NameKind.Place)], Recognise(read, text));
    }

    [Fact]
    public void Train_CuesFeatureWithoutTable_Refused()
    {
        var options = new EntityTrainingOptions { Profile = Profile(), Features = new EntityTrainingOptions().Features | EntityFeatureSet.Cues };

        Assert.Throws<ArgumentNullException>(() => EntityTrainer.Train(NameExamples.FromIob2(Fixture), options, Tables, KnowledgeBase.Default.Words));
    }

    [Fact]
    public void Recognise_GatedSentenceWithoutDisagreement_KeepsTheFirstPass()
    {
        var model = TrainWith(new EntityTrainingOptions { Epochs = 4, Beam = 4, PassFolds = 2, Features = new EntityTrainingOptions().Features | EntityFeatureSet.Document | EntityFeatureSet.Gated });
        var firstOnly = new EntityModel(new EntityFeatures(new EntityTrainingOptions().Features, Tables, KnowledgeBase.Default.Words, model.Features.Profile), model.Labels, model.FirstPass!, beam: 4);
        using var stream = new MemoryStream(Bytes(model));
        var read = EntityModel.Read(stream, Tables, KnowledgeBase.Default.Words);
        const string text = "Karl Udden told reporters that Quellco would open an office in Port Esk .";

        Assert.True(read.Features.Gated);
        Assert.Equal(Recognise(firstOnly, text), Recognise(read, text));
    }

    private static EntityModel TrainGated() =>
        TrainWith(new EntityTrainingOptions { Epochs = 4, Beam = 4, PassFolds = 2, Features = new EntityTrainingOptions().Features | EntityFeatureSet.Document | EntityFeatureSet.Gated });

    /// <summary>The gated model's first pass alone, as a one-pass model.</summary>
    private static EntityModel FirstPassOf(EntityModel model) =>
        new(new EntityFeatures(new EntityTrainingOptions().Features, Tables, KnowledgeBase.Default.Words, model.Features.Profile), model.Labels, model.FirstPass!, beam: model.Beam);

    /// <summary>The gated model with its first pass and an untrained second pass (which puts every token outside names).</summary>
    private static EntityModel WithUntrainedSecondPass(EntityModel model) =>
        new(model.Features, model.Labels, AveragedPerceptron.ForTraining(BilouTags.Count), model.FirstPass, beam: model.Beam);

    [Theory]
    [InlineData("Karl Udden told reporters that Quellco would open an office in Port Esk .")]
    [InlineData("Ines Maro visited Valera on Monday . Officials met Karl Udden in Lisbon .")]
    public void Recognise_GatedSentencesWithoutDisagreement_FirstPassNotTheSecond(string text)
    {
        var model = TrainGated();
        var untrained = new EntityModel(FirstPassOf(model).Features, model.Labels, AveragedPerceptron.ForTraining(BilouTags.Count), beam: model.Beam);
        var firstPass = Recognise(FirstPassOf(model), text);

        Assert.Empty(Recognise(untrained, text));
        Assert.NotEmpty(firstPass);
        Assert.Equal(firstPass, Recognise(WithUntrainedSecondPass(model), text));
    }

    [Fact]
    public void Recognise_GatedWordReadTwoWays_SecondPassReadsItsSentence()
    {
        var model = TrainGated();
        // the first pass reads "Ostra" as a place alone and as part of an organisation: only the sentences holding it are read again
        const string text = "Officials met Karl Udden in Lisbon . Ostra Mining Corp hired Ines Maro . The talks in Ostra were over .";
        var firstPass = Recognise(FirstPassOf(model), text);
        var gated = Recognise(WithUntrainedSecondPass(model), text);

        Assert.NotEqual(firstPass, gated);
        Assert.Equal([("Karl Udden", NameKind.Person), ("Lisbon", NameKind.Place)], gated);
    }

    /// <summary>A two-pass model as a run reads it (read-back perceptrons), gated or reading every sentence twice.</summary>
    private static EntityModel ReadTwoPass(bool gated)
    {
        var model = TrainWith(new EntityTrainingOptions { Epochs = 4, Beam = 4, PassFolds = 2, Features = new EntityTrainingOptions().Features | EntityFeatureSet.Document | (gated ? EntityFeatureSet.Gated : 0) });
        using var stream = new MemoryStream(Bytes(model));
        return EntityModel.Read(stream, Tables, KnowledgeBase.Default.Words);
    }

    private static Document Segmented(string text)
    {
        var document = new Document(text, new DocumentMetadata()) { Language = "en" };
        new SentenceSegmenter().Process(document, CancellationToken.None);
        return document;
    }

    private const string TwoPassText = "Officials met Karl Udden in Lisbon . Ostra Mining Corp hired Ines Maro . The talks in Ostra were over . Quellco said Udden would open an office in Valera .";

    [Fact]
    public void DecodeFirstPass_TwoPassModel_SameClassesAndKeepsTheSecondPerceptronsStaticScores()
    {
        var model = ReadTwoPass(gated: true);
        var document = Segmented(TwoPassText);
        var sentence = new EntitySentence();
        var keys = new ulong[EntityFeatures.MaxFeatures];
        var expected = new float[BilouTags.Count];

        foreach (var s in document.Sentences)
        {
            model.Features.Prepare(document.Text, document.TokensOf(s), [], sentence);
            var reference = new int[s.TokenCount];
            var tags = new int[s.TokenCount];
            var kept = new float[s.TokenCount * BilouTags.Count];
            model.Decode(sentence, reference);

            model.DecodeFirstPass(sentence, tags, kept);

            Assert.Equal(reference, tags);
            for (var i = 0; i < s.TokenCount; i++)
            {
                model.Perceptron.Score(keys.AsSpan(0, model.Features.ExtractStatic(sentence, i, keys)), expected);
                Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), kept.AsSpan(i * BilouTags.Count, BilouTags.Count).ToArray().Select(BitConverter.SingleToInt32Bits));
            }
        }
    }

    [Fact]
    public void DecodeSecondPass_WithoutADocumentView_Refused()
    {
        var model = ReadTwoPass(gated: true);
        var sentence = new EntitySentence();
        sentence.Restore([7UL, 8UL], [1UL, 1UL]);

        Assert.Throws<InvalidOperationException>(() => model.DecodeSecondPass(sentence, new float[2 * BilouTags.Count], new int[2]));
        Assert.Throws<InvalidOperationException>(() => Train(2).DecodeFirstPass(sentence, new int[2], new float[2 * BilouTags.Count]));
    }

    /// <summary>
    /// The names the two passes give when every sentence the second pass reads is prepared again and decoded with all
    /// its keys (the route the recogniser took before the first pass kept its scores), as token ranges and types.
    /// </summary>
    private static List<(int First, int Count, int Type)> ByPreparingAgain(EntityModel model, Document document)
    {
        var sentence = new EntitySentence();
        var first = new int[document.Tokens.Count];
        var votes = new DocumentVotes();
        foreach (var s in document.Sentences)
        {
            model.Features.Prepare(document.Text, document.TokensOf(s), [], sentence);
            model.Decode(sentence, first.AsSpan(s.FirstToken, s.TokenCount));
            votes.Add(document.Text, document.TokensOf(s), first.AsSpan(s.FirstToken, s.TokenCount));
        }

        var names = new List<(int, int, int)>();
        foreach (var s in document.Sentences)
        {
            var tags = first.AsSpan(s.FirstToken, s.TokenCount).ToArray();
            if (!model.Features.Gated || votes.AnyDisagreement(document.Text, document.TokensOf(s), tags))
            {
                model.Features.Prepare(document.Text, document.TokensOf(s), [], sentence);
                votes.Fill(sentence, first.AsSpan(s.FirstToken, s.TokenCount), model.Corpus);
                model.Decode(sentence, tags);
            }

            names.AddRange(EntityModel.Spans(tags).Select(n => (s.FirstToken + n.First, n.Count, n.Type)));
        }

        return names;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Recognise_TwoPassWithBeam_SameNamesAsPreparingEverySentenceAgain(bool gated)
    {
        var model = ReadTwoPass(gated);
        var document = Segmented(TwoPassText);
        new TokenTagger().Process(document, CancellationToken.None);
        var expected = ByPreparingAgain(model, document);

        new EntityRecognizer(() => model).Process(document, CancellationToken.None);

        Assert.True(model.SharesStaticScores);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(n => (n.First, n.Count, BilouTags.KindOf(n.Type))), document.Names.Select(n => (n.FirstToken, n.TokenCount, n.Kind)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Recognise_TwoPassShorterDocumentAfterLonger_SameNamesAsPreparingAgain(bool gated)
    {
        // one recogniser on one thread: the second, shorter document with other words reuses the first pass's kept
        // buffers and votes, so anything left of the longer document would show as a difference
        var model = ReadTwoPass(gated);
        var recognizer = new EntityRecognizer(() => model);
        string[] texts = [TwoPassText, "Brenna Tolt visited Marrow Bank . Officials in Dasso said Tolt left ."];
        foreach (var text in texts)
        {
            var document = Segmented(text);
            new TokenTagger().Process(document, CancellationToken.None);
            var expected = ByPreparingAgain(model, document);

            recognizer.Process(document, CancellationToken.None);

            Assert.Equal(expected.Select(n => (n.First, n.Count, BilouTags.KindOf(n.Type))), document.Names.Select(n => (n.FirstToken, n.TokenCount, n.Kind)));
        }

        Assert.True(model.SharesStaticScores);
    }

    [Fact]
    public void Recognise_GatedSkippedSentenceWithNationality_Group()
    {
        // a first pass that calls the nationality word "other", and a last sentence without it so the sentence left
        // prepared by the first pass is not the nationality's
        var tables = NameTables.Build([("Ostrian", NameTable.Demonym)]);
        var features = new EntityFeatures(EntityFeatureSet.Tables | EntityFeatureSet.Document | EntityFeatureSet.Gated, tables, null);
        var firstPass = AveragedPerceptron.ForTraining(BilouTags.Count);
        var keys = new ulong[EntityFeatures.MaxFeatures];
        var sentence = new EntitySentence();
        const string nationality = "Ostrian";
        var token = new List<Token>();
        Tokenizer.Tokenize(nationality, new TextSpan(0, nationality.Length), token);
        features.Prepare(nationality, [.. token], [], sentence);
        var n = features.ExtractStatic(sentence, 0, keys);
        firstPass.Adjust(keys.AsSpan(1, 1), BilouTags.Tag(BilouTags.TypeOf("OTH"), 'U'), 1f); // the word's own key
        firstPass.Tick();
        firstPass.Average();
        var model = new EntityModel(features, BilouTags.Labels(), AveragedPerceptron.ForTraining(BilouTags.Count), firstPass);

        var names = Recognise(model, "Ostrian workers left the yard . The talks ended on Monday with a vote .");

        Assert.True(n > 1);
        Assert.Equal([("Ostrian", NameKind.Group)], names);
    }

    [Fact]
    public void Read_UnknownFeatureBits_InvalidDataNamingThem()
    {
        var bytes = Bytes(Train(2));
        using var unpacked = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress))
        {
            gzip.CopyTo(unpacked);
        }

        var raw = unpacked.ToArray();
        var set = BitConverter.ToInt32(raw, 8); // after the magic and the format version
        BitConverter.GetBytes(set | (1 << 20)).CopyTo(raw, 8);
        using var packed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionMode.Compress, leaveOpen: true))
        {
            gzip.Write(raw);
        }

        packed.Position = 0;
        var error = Assert.Throws<InvalidDataException>(() => EntityModel.Read(packed, Tables, KnowledgeBase.Default.Words));
        Assert.Contains("0x100000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_CorpusVotesWithoutCorpus_Refused()
    {
        var options = new EntityTrainingOptions { Profile = Profile(), Features = new EntityTrainingOptions().Features | EntityFeatureSet.Document | EntityFeatureSet.Corpus };

        Assert.Throws<ArgumentException>(() => EntityTrainer.Train(NameExamples.FromIob2(Fixture), options, Tables, KnowledgeBase.Default.Words));
    }

    [Fact]
    public void Train_TwoPassesOneFold_Refused()
    {
        var options = new EntityTrainingOptions { Profile = Profile(), PassFolds = 1, Features = new EntityTrainingOptions().Features | EntityFeatureSet.Document };

        Assert.Throws<ArgumentException>(() => EntityTrainer.Train(NameExamples.FromIob2(Fixture), options, Tables, KnowledgeBase.Default.Words));
    }

    [Fact]
    public void Train_TagFeaturesWithoutTagging_Refused()
    {
        var options = new EntityTrainingOptions { Profile = Profile(), Features = new EntityTrainingOptions().Features | EntityFeatureSet.Upos };

        Assert.Throws<ArgumentException>(() => EntityTrainer.Train(NameExamples.FromIob2(Fixture), options, Tables, KnowledgeBase.Default.Words));
    }

    [Fact]
    public void Read_NotAModel_InvalidData()
    {
        using var stream = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Compress, leaveOpen: true))
        {
            gzip.Write([1, 2, 3, 4, 5, 6, 7, 8]);
        }

        stream.Position = 0;
        Assert.Throws<InvalidDataException>(() => EntityModel.Read(stream, Tables, KnowledgeBase.Default.Words));
    }

    [Fact]
    public void Prepare_NameEdgeInsideAToken_TakesTheWholeToken()
    {
        const string text = "Visit Lisbon's harbour .";
        var example = new NameExample(text, new TextSpan(0, text.Length), [(2, new TextSpan(6, 12))]);

        var (_, tokens, gold) = EntityTrainer.Prepare(example);

        var labels = BilouTags.Labels();
        Assert.Equal("U-LOC", labels[gold[1]]);
        Assert.Equal("Lisbon", tokens[1].Span.Of(text).ToString());
    }

    private static EntityModel TrainTwoPassLowered(bool loweredFirstPass, double lowerCase) =>
        TrainWith(new EntityTrainingOptions { Epochs = 3, Beam = 4, PassFolds = 2, LowerCase = lowerCase, LoweredFirstPass = loweredFirstPass, Features = new EntityTrainingOptions().Features | EntityFeatureSet.Document });

    [Fact]
    public void Train_LoweredFirstPass_SameBytesTwiceAndNotTheCasedClasses()
    {
        var lowered = Bytes(TrainTwoPassLowered(true, 0.5));

        Assert.Equal(lowered, Bytes(TrainTwoPassLowered(true, 0.5)));
        Assert.NotEqual(lowered, Bytes(TrainTwoPassLowered(false, 0.5)));
    }

    [Fact]
    public void Train_LoweredFirstPassNoLowerCase_SameBytesAsWithout()
    {
        Assert.Equal(Bytes(TrainTwoPassLowered(false, 0)), Bytes(TrainTwoPassLowered(true, 0)));
    }
}
