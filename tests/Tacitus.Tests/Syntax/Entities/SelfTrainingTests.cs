using Tacitus.Documents;
using Tacitus.Knowledge;
using Tacitus.Syntax.Entities;
using Tacitus.Text;

namespace Tacitus.Tests.Syntax.Entities;

public sealed class SelfTrainingTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "entities", "train.iob2");

    private static readonly NameTables Tables = NameTables.Build([("Lisbon", NameTable.Place), ("Valera", NameTable.MajorPlace)]);

    private static CaseProfile Profile()
    {
        var document = new Document("The talks ended . Officials met the talks again . The officials met in Lisbon and Lisbon again , and Lisbon .", new DocumentMetadata()) { Language = "en" };
        new SentenceSegmenter().Process(document, CancellationToken.None);
        return CaseProfile.FromDocuments([document]);
    }

    /// <summary>Plain news, two documents: names the fixture model knows, and sentences without any name.</summary>
    private static List<(string Text, Token[] Tokens, string[] Upos)> Corpus()
    {
        var first = new Document("Ines Maro told reporters that Quellco would open an office in Valera . The talks ended . Quellco hired Karl Udden .", new DocumentMetadata()) { Language = "en" };
        var second = new Document("Officials met in Lisbon . The officials met again . Ines Maro left Lisbon .", new DocumentMetadata()) { Language = "en" };
        new SentenceSegmenter().Process(first, CancellationToken.None);
        new SentenceSegmenter().Process(second, CancellationToken.None);
        return NewsCorpus.TaggedSentences([first, second], CancellationToken.None);
    }

    private static EntityModel Train(EntityTrainingOptions options) =>
        EntityTrainer.Train(NameExamples.FromIob2(Fixture), options with { Profile = Profile() }, Tables, KnowledgeBase.Default.Words);

    private static byte[] Bytes(EntityModel model)
    {
        using var stream = new MemoryStream();
        model.Write(stream);
        return stream.ToArray();
    }

    [Fact]
    public void Select_AllCandidates_EachKeptSentenceHoldsANameInCorpusOrder()
    {
        var model = Train(new EntityTrainingOptions { Epochs = 6, Beam = 4 });
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
        var model = Train(new EntityTrainingOptions { Epochs = 6, Beam = 4 });

        Assert.Empty(SelfTraining.Select(Corpus(), model.Perceptron, model.Features, 4, 0));
    }

    [Fact]
    public void Select_HalfShare_KeepsTheSurestHalfOfAllCandidates()
    {
        var model = Train(new EntityTrainingOptions { Epochs = 6, Beam = 4 });
        var corpus = Corpus();
        var all = SelfTraining.Select(corpus, model.Perceptron, model.Features, 4, 1.0);

        var half = SelfTraining.Select(corpus, model.Perceptron, model.Features, 4, 0.5);

        Assert.Equal((int)Math.Round(0.5 * all.Count), half.Count);
        Assert.All(half, s => Assert.Contains(all, a => ReferenceEquals(a.Tokens, s.Tokens)));
    }

    [Fact]
    public void Train_SelfTraining_SameBytesTwiceAndNotTheGoldOnlyModel()
    {
        var options = new EntityTrainingOptions { Epochs = 3, Beam = 4, SelfTraining = Corpus(), SelfTrainingShare = 1.0 };

        var once = Bytes(Train(options));

        Assert.Equal(once, Bytes(Train(options)));
        Assert.NotEqual(once, Bytes(Train(options with { SelfTraining = null })));
    }

    [Fact]
    public void Train_SelfTrainingTwoPassModel_Refused()
    {
        var options = new EntityTrainingOptions { Epochs = 2, Beam = 4, PassFolds = 2, SelfTraining = Corpus(), Features = new EntityTrainingOptions().Features | EntityFeatureSet.Document };

        Assert.Throws<ArgumentException>(() => Train(options));
    }
}
