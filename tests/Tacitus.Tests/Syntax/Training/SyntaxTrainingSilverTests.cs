using Tacitus.Documents;
using Tacitus.Syntax;
using Tacitus.Syntax.Conllu;
using Tacitus.Syntax.Parsing;
using Tacitus.Syntax.Training;
using Xunit;

namespace Tacitus.Tests.Syntax.Training;

/// <summary>Uptraining: the parser trained on the treebank plus silver trees a teacher parser wrote.</summary>
public sealed class SyntaxTrainingSilverTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "tacitus-silver-" + Guid.NewGuid().ToString("N"));

    public SyntaxTrainingSilverTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(1, 100, 100)] // every length: everything
    [InlineData(5, 100, 50)]  // the short sentences (2 words) left out
    [InlineData(1, 4, 50)]    // the long sentences (8 words) left out
    [InlineData(3, 7, 0)]     // neither
    public void SelectSilver_LengthLimits_KeepsThoseBetween(int minLength, int maxLength, int expected)
    {
        var sentences = Enumerable.Range(0, 100).Select(i => Sentence(i % 2 == 0 ? 2 : 8)).ToList();
        Assert.Equal(expected, SyntaxTraining.SelectSilver(sentences, int.MaxValue, minLength, maxLength).Count);
    }

    [Theory]
    [InlineData(250)]
    [InlineData(100)]
    [InlineData(37)]
    public void SelectSilver_WordBudget_KeepsAboutThatMany(int budget)
    {
        // 500 words in sentences of 2 and 8 words
        var sentences = Enumerable.Range(0, 100).Select(i => Sentence(i % 2 == 0 ? 2 : 8)).ToList();
        var words = SyntaxTraining.SelectSilver(sentences, budget, 1, 100).Sum(s => s.Count);
        Assert.InRange(words, budget - 8, budget + 8);
    }

    [Fact]
    public void SelectSilver_Budget_TakesFromTheWholeCorpus()
    {
        var sentences = Enumerable.Range(0, 100).Select(_ => Sentence(5)).ToList();
        var kept = SyntaxTraining.SelectSilver(sentences, 100, 1, 100);
        Assert.Equal(20, kept.Count);
        var at = kept.Select(k => sentences.FindIndex(s => ReferenceEquals(s, k))).ToList();
        Assert.InRange(at[0], 0, 9); // spread over the corpus, not its first 100 words
        Assert.InRange(at[^1], 90, 99);
        Assert.All(at.Zip(at.Skip(1)), pair => Assert.InRange(pair.Second - pair.First, 3, 7));
    }

    [Fact]
    public void TrainParser_WithSilver_SameBytesTwiceAndNotTheTreebankOnes()
    {
        var (sentences, tagger, silver) = Uptraining();
        byte[] Train(string? path)
        {
            var training = new SyntaxTraining { ParserIterations = 2, JackknifeFolds = 1, SilverPath = path };
            return SyntaxFixture.ParserBytes(training.TrainParser(sentences, tagger, training.ReadSilver([])));
        }

        var first = Train(silver);
        Assert.Equal(first, Train(silver));
        Assert.NotEqual(Train(null), first);
    }

    [Fact]
    public void TrainParser_SilverOnly_LearnsTheTeachersTrees()
    {
        // the treebank (news.conllu) left out of the passes: the parser learns from the teacher's trees alone
        var (sentences, tagger, silver) = Uptraining();
        var training = new SyntaxTraining { ParserIterations = 6, JackknifeFolds = 1, SilverPath = silver, SilverMinLength = 1, ParserMix = [("news", 0)] };
        var problems = new List<TacitusError>();
        var trees = training.ReadSilver(problems);
        Assert.Empty(problems);
        Assert.Equal(sentences.Count, trees?.Count);
        var student = training.TrainParser(sentences, tagger, trees);
        var models = new SyntaxModels(tagger, SyntaxFixture.Models.Lemmas, student);
        var work = new SyntaxWorkspace();
        int same = 0, total = 0;
        using var reader = new StreamReader(silver);
        foreach (var teacher in ConlluReader.Read(reader, silver, problems))
        {
            var parsed = ConlluAnnotation.Predict(teacher, models, work);
            for (var i = 0; i < teacher.Words.Count; i++)
            {
                same += parsed.Words[i].Head == teacher.Words[i].Head ? 1 : 0;
                total++;
            }
        }

        Assert.True(same >= 0.9 * total, $"the student agrees with the teacher on {same} of {total} heads");
    }

    [Fact]
    public void ReadSilver_NoFileThere_ThrowsCodedError()
    {
        var training = new SyntaxTraining { SilverPath = Path.Combine(folder, "none") };
        var error = Assert.Throws<FileNotFoundException>(() => training.ReadSilver([]));
        Assert.Contains(SyntaxTraining.NoData, error.Message, StringComparison.Ordinal);
    }

    /// <summary>The fixture treebank, the fixture's tagger and a silver file: the fixture parser's trees of the fixture's sentences.</summary>
    private (List<TreebankSentence> Sentences, Tacitus.Syntax.Tagging.PartOfSpeechTagger Tagger, string Silver) Uptraining()
    {
        var teacher = SyntaxFixture.Models;
        var silver = Path.Combine(folder, "silver.conllu");
        var problems = new List<TacitusError>();
        var work = new SyntaxWorkspace();
        using (var reader = new StreamReader(SyntaxFixture.File))
        using (var writer = new StreamWriter(silver) { NewLine = "\n" })
        {
            foreach (var sentence in ConlluReader.Read(reader, SyntaxFixture.File, problems))
            {
                ConlluWriter.Write(writer, ConlluAnnotation.Predict(sentence, teacher, work));
            }
        }

        Assert.Empty(problems);
        return (SyntaxFixture.Sentences(), teacher.Tagger, silver);
    }

    private static TreebankSentence Sentence(int length)
    {
        var sentence = new ConlluSentence();
        for (var i = 1; i <= length; i++)
        {
            sentence.Words.Add(new ConlluWord(i, "word", "word", "NOUN", "NN", "_", i == 1 ? 0 : 1, i == 1 ? "root" : "dep", "_", "_"));
        }

        return TreebankSentence.From(sentence);
    }
}
