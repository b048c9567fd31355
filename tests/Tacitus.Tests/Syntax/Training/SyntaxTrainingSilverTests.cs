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

    [Theory]
    [InlineData("1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n", null)]
    [InlineData("1\tThey\tthey\tPRON\tPRP\t_\t_\tnsubj\t_\t_\n2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n", "no head")]
    [InlineData("1\tThey\tthey\tPRON\tPRP\t_\t7\tnsubj\t_\t_\n2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n", "outside 0..2")]
    [InlineData("1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2\tleft\tleave\tVERB\tVBD\t_\t1\troot\t_\t_\n", "0 roots")]
    [InlineData("1\tThey\tthey\tPRON\tPRP\t_\t0\tnsubj\t_\t_\n2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n", "2 roots")]
    [InlineData("1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2\tleft\tleave\tVERB\tVBD\t_\t1\tdep\t_\t_\n3\tearly\tearly\tADV\tRB\t_\t0\troot\t_\t_\n", "cycle")]
    public void TreeProblem_Tree_NamesWhatIsWrong(string conllu, string? expected)
    {
        var sentence = Assert.Single(ConlluReader.Read(new StringReader(conllu), "test.conllu", new List<TacitusError>()));
        var problem = SyntaxTraining.TreeProblem(sentence);
        if (expected is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(expected, problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ReadSilver_OneBadTree_CodedProblemAndTrainsOnTheRest()
    {
        var (sentences, tagger, silver) = Uptraining();
        var text = File.ReadAllText(silver);
        var blocks = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        // the second tree loses its root: every head 0 becomes 1
        var lines = blocks[1].Split('\n').Select(l => l.Split('\t') is { Length: 10 } c && c[6] == "0" ? string.Join('\t', c[..6].Append("1").Concat(c[7..])) : l);
        var badLine = blocks[0].Split('\n').Length + 2; // after the first sentence and its blank line
        blocks[1] = string.Join('\n', lines);
        File.WriteAllText(silver, string.Join("\n\n", blocks) + "\n\n");

        var progress = new List<string>();
        var training = new SyntaxTraining { ParserIterations = 1, JackknifeFolds = 1, SilverPath = silver, SilverMinLength = 1, Progress = progress.Add };
        var problems = new List<TacitusError>();
        var trees = training.ReadSilver(problems);

        var problem = Assert.Single(problems);
        Assert.Equal(ConlluReader.Malformed, problem.Code);
        Assert.Equal(silver, problem.File);
        Assert.Equal($"line {badLine}", problem.Record);
        Assert.Equal(sentences.Count - 1, trees?.Count);
        Assert.NotNull(training.TrainParser(sentences, tagger, trees));
        Assert.Contains(progress, p => p.StartsWith("silver: 0 words with a tag the tagger does not know", StringComparison.Ordinal));
    }

    [Fact]
    public void TrainParser_SilverTagTheTaggerDoesNotKnow_CountedInProgress()
    {
        var (sentences, tagger, silver) = Uptraining();
        File.WriteAllText(silver, "1\tThey\tthey\tPRON\tNOTATAG\t_\t2\tnsubj\t_\t_\n2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n\n");
        var progress = new List<string>();
        var training = new SyntaxTraining { ParserIterations = 1, JackknifeFolds = 1, SilverPath = silver, SilverMinLength = 1, Progress = progress.Add };
        training.TrainParser(sentences, tagger, training.ReadSilver([]));
        Assert.Contains(progress, p => p.StartsWith("silver: 1 words with a tag the tagger does not know", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(60)]
    [InlineData(200)]
    public void ReadSilver_WordBudget_BuildsTheSentencesSelectSilverKeeps(int budget)
    {
        var (_, _, silver) = Uptraining();
        var training = new SyntaxTraining { SilverPath = silver, SilverMinLength = 2, SilverMaxLength = 30, SilverWords = budget };
        var expected = SyntaxTraining.SelectSilver(TreebankSentence.ReadAll([silver], new List<TacitusError>()), budget, 2, 30);
        Assert.Equal(expected.Select(s => s.Text), training.ReadSilver([])!.Select(s => s.Text));
    }

    [Fact]
    public void ReadSilver_NothingKept_ThrowsCodedError()
    {
        var (_, _, silver) = Uptraining();
        var training = new SyntaxTraining { SilverPath = silver, SilverMinLength = 500, SilverMaxLength = 600 };
        var error = Assert.Throws<FileNotFoundException>(() => training.ReadSilver([]));
        Assert.Contains(SyntaxTraining.NoData, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SilverFiles_FolderWithUdSubfolder_ReadsOnlyItsOwnFiles()
    {
        var silver = Path.Combine(folder, "silver");
        Directory.CreateDirectory(Path.Combine(silver, "ud"));
        File.WriteAllText(Path.Combine(silver, "b.conllu"), "");
        File.WriteAllText(Path.Combine(silver, "a.conllu"), "");
        File.WriteAllText(Path.Combine(silver, "notes.txt"), "");
        File.WriteAllText(Path.Combine(silver, "ud", "en_ewt-ud-train.conllu"), "");
        Assert.Equal([Path.Combine(silver, "a.conllu"), Path.Combine(silver, "b.conllu")], SyntaxTraining.SilverFiles(silver));
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
