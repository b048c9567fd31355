using Tacitus.Cli.Commands;

namespace Tacitus.Tests.Cli;

public sealed class TrainCommandTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "entities", "train.iob2");

    [Theory]
    [InlineData("--silver")]
    [InlineData("--silver-words")]
    [InlineData("--silver-max-length")]
    [InlineData("--transitions")]
    public void TrainTagger_ParserOnlyOption_UsageError(string option)
    {
        var value = option switch { "--silver" => "silver.conllu", "--transitions" => "arc-hybrid", _ => "5" };
        Assert.Equal(2, TrainCommand.Create().Parse(["tagger", "--from", "none", "--out", "none", option, value]).Invoke());
    }

    [Fact]
    public void TrainEntities_FixtureData_WritesTheSameModelTwice()
    {
        var dir = Directory.CreateTempSubdirectory("tacitus-train-");
        try
        {
            var from = Path.Combine(dir.FullName, "train");
            Directory.CreateDirectory(Path.Combine(from, "ner"));
            File.Copy(Fixture, Path.Combine(from, "ner", "en_ewt-ud-train.iob2"));
            Directory.CreateDirectory(Path.Combine(from, "ud"));
            // GUM's names are read by default: the fixture treebank stands for GUM (it has no entity column, so no names)
            File.Copy(Tacitus.Tests.Syntax.SyntaxFixture.File, Path.Combine(from, "ud", "en_gum-ud-train.conllu"));
            var corpus = Path.Combine(dir.FullName, "corpus");
            Directory.CreateDirectory(Path.Combine(corpus, "bbc"));
            File.WriteAllText(Path.Combine(corpus, "bbc", "001.txt"), "Talks ended.\n\nThe officials met in Lisbon. The talks in Lisbon ended. They left Lisbon.\n");

            // the clusters from the same small data (train clusters reads corpus/ and train/ud/ under its --from)
            Assert.Equal(0, TrainCommand.Create().Parse(["clusters", "--from", dir.FullName, "--out", dir.FullName, "--min-count", "1"]).Invoke());
            var clusters = Path.Combine(dir.FullName, TrainClustersCommand.FileName);

            int Train(string output) => TrainCommand.Create().Parse(["entities", "--from", from, "--corpus", corpus, "--clusters", clusters, "--tag-folds", "2", "--out", output, "--epochs", "2"]).Invoke();

            Assert.Equal(0, Train(Path.Combine(dir.FullName, "a")));
            Assert.Equal(0, Train(Path.Combine(dir.FullName, "b")));
            Assert.Equal(
                File.ReadAllBytes(Path.Combine(dir.FullName, "a", "entities.model.gz")),
                File.ReadAllBytes(Path.Combine(dir.FullName, "b", "entities.model.gz")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void TrainClusters_FixtureData_WritesTheSameFileTwice()
    {
        var dir = Directory.CreateTempSubdirectory("tacitus-train-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "train", "ud"));
            File.Copy(Tacitus.Tests.Syntax.SyntaxFixture.File, Path.Combine(dir.FullName, "train", "ud", "news.conllu"));

            int Train(string output) => TrainCommand.Create().Parse(["clusters", "--from", dir.FullName, "--out", output, "--min-count", "1"]).Invoke();

            Assert.Equal(0, Train(Path.Combine(dir.FullName, "a")));
            Assert.Equal(0, Train(Path.Combine(dir.FullName, "b")));
            var a = Path.Combine(dir.FullName, "a", TrainClustersCommand.FileName);
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(Path.Combine(dir.FullName, "b", TrainClustersCommand.FileName)));
            Assert.True(Tacitus.Syntax.Entities.WordClusters.ReadText(a).Count > 10);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("/no/such/folder", "16", 3)]
    [InlineData(null, "0", 2)]
    [InlineData(null, "25", 2)]
    public void TrainClusters_BadArguments_ExitCode(string? from, string depth, int expected)
    {
        var dir = Directory.CreateTempSubdirectory("tacitus-train-");
        try
        {
            var exit = TrainCommand.Create().Parse(["clusters", "--from", from ?? dir.FullName, "--out", Path.Combine(dir.FullName, "out"), "--depth", depth]).Invoke();

            Assert.Equal(expected, exit);
            Assert.False(File.Exists(Path.Combine(dir.FullName, "out", TrainClustersCommand.FileName)));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("/no/such/folder", "1", 3)]
    [InlineData(null, "0", 2)]
    public void TrainEntities_BadArguments_ExitCode(string? from, string epochs, int expected)
    {
        var dir = Directory.CreateTempSubdirectory("tacitus-train-");
        try
        {
            if (from is null)
            {
                from = dir.FullName;
                Directory.CreateDirectory(Path.Combine(from, "ner"));
                File.Copy(Fixture, Path.Combine(from, "ner", "en_ewt-ud-train.iob2"));
            }

            var exit = TrainCommand.Create().Parse(["entities", "--from", from, "--out", Path.Combine(dir.FullName, "out"), "--epochs", epochs]).Invoke();

            Assert.Equal(expected, exit);
            Assert.False(File.Exists(Path.Combine(dir.FullName, "out", "entities.model.gz")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("--self-train -0.5", 2)]
    [InlineData("--self-train NaN", 2)]
    [InlineData("--self-train 1.5", 2)]
    [InlineData("--self-train 0.5 --passes 2", 2)]
    [InlineData("--self-train 0.5 --beam 1", 2)]
    [InlineData("--self-train-rounds 2", 2)]
    [InlineData("--lowered-first-pass", 2)]
    [InlineData("--lowered-first-pass --passes 2 --lower-case 0", 2)]
    [InlineData("--self-train 0.5 --self-train-rounds 2", 3)]
    [InlineData("--lowered-first-pass --passes 2", 3)]
    public void TrainEntities_SelfTrainingAndLoweredFirstPassOptions_UsageErrorOrReadOn(string options, int expected)
    {
        // a usage error comes before the training data is looked for; an accepted combination reaches the missing data
        var dir = Directory.CreateTempSubdirectory("tacitus-train-");
        try
        {
            string[] args = ["entities", "--from", Path.Combine(dir.FullName, "none"), "--out", Path.Combine(dir.FullName, "out"), .. options.Split(' ')];

            Assert.Equal(expected, TrainCommand.Create().Parse(args).Invoke());
            Assert.False(Directory.Exists(Path.Combine(dir.FullName, "out")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
