using Tacitus.Documents;
using Tacitus.Syntax.Entities;
using Tacitus.Text;
using static Tacitus.Tests.Syntax.Entities.EntityTrainingFixture;

namespace Tacitus.Tests.Syntax.Entities;

public sealed class SelfTrainingTests
{
    private static readonly int UnitOrg = BilouTags.Tag(BilouTags.TypeOf("ORG"), 'U');
    private static readonly int UnitPer = BilouTags.Tag(BilouTags.TypeOf("PER"), 'U');
    private static readonly int UnitLoc = BilouTags.Tag(BilouTags.TypeOf("LOC"), 'U');
    private static readonly int BeginPer = BilouTags.Tag(BilouTags.TypeOf("PER"), 'B');
    private static readonly int LastPer = BilouTags.Tag(BilouTags.TypeOf("PER"), 'L');

    /// <summary>Plain news, two documents: names the fixture model knows, and sentences without any name.</summary>
    private static List<(string Text, Token[] Tokens, string[] Upos)> Corpus()
    {
        var first = new Document("Ines Maro told reporters that Quellco would open an office in Valera . The talks ended . Quellco hired Karl Udden .", new DocumentMetadata()) { Language = "en" };
        var second = new Document("Officials met in Lisbon . The officials met again . Ines Maro left Lisbon .", new DocumentMetadata()) { Language = "en" };
        new SentenceSegmenter().Process(first, CancellationToken.None);
        new SentenceSegmenter().Process(second, CancellationToken.None);
        return NewsCorpus.TaggedSentences([first, second], CancellationToken.None);
    }

    private static Token[] Tokens(string text)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, new TextSpan(0, text.Length), tokens);
        return [.. tokens];
    }

    /// <summary>Counts the hand-typed sentences of one document, then asks whether each agrees with it.</summary>
    private static bool[] Agreement(params (string Text, int[] Classes)[] sentences)
    {
        var types = new Dictionary<string, int>(StringComparer.Ordinal);
        var outside = new HashSet<string>(StringComparer.Ordinal);
        var tokens = sentences.Select(s => Tokens(s.Text)).ToArray();
        for (var s = 0; s < sentences.Length; s++)
        {
            Assert.Equal(tokens[s].Length, sentences[s].Classes.Length);
            SelfTraining.Count(sentences[s].Text, tokens[s], sentences[s].Classes, types, outside);
        }

        return [.. sentences.Select((s, i) => SelfTraining.Agrees(s.Text, tokens[i], s.Classes, types, outside))];
    }

    /// <summary>Every corpus sentence's margin, decoded as <see cref="SelfTraining.Select"/> decodes it.</summary>
    private static float[] Margins(EntityModel model, List<(string Text, Token[] Tokens, string[] Upos)> corpus)
    {
        var beam = new EntityBeam(4);
        var sentence = new EntitySentence();
        var margins = new float[corpus.Count];
        for (var s = 0; s < corpus.Count; s++)
        {
            var (text, tokens, upos) = corpus[s];
            model.Features.Prepare(text, tokens, upos, sentence);
            margins[s] = beam.DecodeWithMargin(model.Perceptron, model.Features, sentence, new int[tokens.Length]);
        }

        return margins;
    }

    [Fact]
    public void Agrees_NamesTypedOneWay_True()
    {
        var agree = Agreement(
            ("Quellco hired Karl Udden .", [UnitOrg, 0, BeginPer, LastPer, 0]),
            ("Karl Udden left Quellco .", [BeginPer, LastPer, 0, UnitOrg, 0]));

        Assert.Equal([true, true], agree);
    }

    [Fact]
    public void Agrees_NameTypedTwoWays_RejectsEverySentenceHoldingIt()
    {
        var agree = Agreement(
            ("Quellco hired Karl Udden .", [UnitOrg, 0, BeginPer, LastPer, 0]),
            ("Karl Udden left .", [BeginPer, LastPer, 0, 0]),
            ("They met in quellco .", [0, 0, 0, UnitLoc, 0]));

        Assert.Equal([false, true, false], agree);
    }

    [Fact]
    public void Agrees_NoName_False()
    {
        Assert.Equal([false], Agreement(("The talks ended .", [0, 0, 0, 0])));
    }

    [Fact]
    public void Agrees_OneWordNameCapitalisedOutsideANameMidSentence_Rejected()
    {
        var agree = Agreement(
            ("Quellco hired Karl Udden .", [UnitOrg, 0, BeginPer, LastPer, 0]),
            ("The staff of Quellco left .", [0, 0, 0, 0, 0, 0]));

        Assert.Equal([false, false], agree);
    }

    [Fact]
    public void Agrees_OneWordNameOutsideANameFirstAfterAnOpeningQuote_NotRejected()
    {
        // the word after an opening quote starts the sentence: its capital says nothing about it being a name
        var agree = Agreement(
            ("Ines hired Karl Udden .", [UnitPer, 0, BeginPer, LastPer, 0]),
            ("\" Ines ? \" he asked .", [0, 0, 0, 0, 0, 0, 0]));

        Assert.Equal([true, false], agree);
    }

    [Fact]
    public void DecodeWithMargin_Corpus_SameClassesAsDecode()
    {
        var model = TrainWith(new EntityTrainingOptions { Epochs = 6, Beam = 4 });
        var sentence = new EntitySentence();
        var named = 0;
        foreach (var (text, tokens, upos) in Corpus())
        {
            model.Features.Prepare(text, tokens, upos, sentence);
            var decoded = new int[tokens.Length];
            var withMargin = new int[tokens.Length];
            new EntityBeam(4).Decode(model.Perceptron, model.Features, sentence, decoded);

            var margin = new EntityBeam(4).DecodeWithMargin(model.Perceptron, model.Features, sentence, withMargin);

            Assert.Equal(decoded, withMargin);
            Assert.False(float.IsNaN(margin));
            if (EntityModel.Spans(decoded).Any())
            {
                named++;
                Assert.True(float.IsFinite(margin));
            }
            else
            {
                Assert.Equal(float.PositiveInfinity, margin);
            }
        }

        Assert.True(named > 0);
    }

    [Fact]
    public void Select_AllCandidates_EachKeptSentenceHoldsANameInCorpusOrder()
    {
        var model = TrainWith(new EntityTrainingOptions { Epochs = 6, Beam = 4 });
        var corpus = Corpus();

        var kept = SelfTraining.Select(corpus, model.Perceptron, model.Features, 4, 1.0);

        Assert.NotEmpty(kept);
        Assert.True(kept.Count < corpus.Count);
        Assert.All(kept, s => Assert.NotEmpty(EntityModel.Spans(s.Classes)));
        var order = kept.Select(s => corpus.FindIndex(c => ReferenceEquals(c.Tokens, s.Tokens))).ToList();
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public void Select_ShareZero_KeepsNone()
    {
        var model = TrainWith(new EntityTrainingOptions { Epochs = 6, Beam = 4 });

        Assert.Empty(SelfTraining.Select(Corpus(), model.Perceptron, model.Features, 4, 0));
    }

    [Fact]
    public void Select_HalfShare_EveryKeptMarginAtLeastEveryDroppedOne()
    {
        var model = TrainWith(new EntityTrainingOptions { Epochs = 6, Beam = 4 });
        var corpus = Corpus();
        var margins = Margins(model, corpus);
        var all = SelfTraining.Select(corpus, model.Perceptron, model.Features, 4, 1.0);

        var half = SelfTraining.Select(corpus, model.Perceptron, model.Features, 4, 0.5);

        Assert.Equal((int)Math.Round(0.5 * all.Count), half.Count);
        var kept = half.Select(s => margins[corpus.FindIndex(c => ReferenceEquals(c.Tokens, s.Tokens))]).ToList();
        var dropped = all.Where(a => !half.Any(s => ReferenceEquals(a.Tokens, s.Tokens)))
            .Select(s => margins[corpus.FindIndex(c => ReferenceEquals(c.Tokens, s.Tokens))]).ToList();
        Assert.NotEmpty(kept);
        Assert.NotEmpty(dropped);
        Assert.True(kept.Min() >= dropped.Max(), $"kept {string.Join(", ", kept)}; dropped {string.Join(", ", dropped)}");
    }

    [Fact]
    public void Train_SelfTraining_SameBytesTwiceAndNotTheGoldOnlyModel()
    {
        var options = new EntityTrainingOptions { Epochs = 3, Beam = 4, SelfTraining = Corpus(), SelfTrainingShare = 1.0 };

        var once = Bytes(TrainWith(options));

        Assert.Equal(once, Bytes(TrainWith(options)));
        Assert.NotEqual(once, Bytes(TrainWith(options with { SelfTraining = null })));
    }

    [Fact]
    public void Train_SelfTrainingTwoPassModel_Refused()
    {
        var options = new EntityTrainingOptions { Epochs = 2, Beam = 4, PassFolds = 2, SelfTraining = Corpus(), Features = new EntityTrainingOptions().Features | EntityFeatureSet.Document };

        Assert.Throws<ArgumentException>(() => TrainWith(options));
    }
}
