using Tacitus.Cli.Commands;

namespace Tacitus.Tests.Cli;

public sealed class TrainCommandTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "entities", "train.iob2");

    [Fact]
    public void TrainEntities_FixtureData_WritesTheSameModelTwice()
    {
        var dir = Directory.CreateTempSubdirectory("tacitus-train-");
        try
        {
            var from = Path.Combine(dir.FullName, "train");
            Directory.CreateDirectory(Path.Combine(from, "ner"));
            File.Copy(Fixture, Path.Combine(from, "ner", "en_ewt-ud-train.iob2"));
            var corpus = Path.Combine(dir.FullName, "corpus");
            Directory.CreateDirectory(Path.Combine(corpus, "bbc"));
            File.WriteAllText(Path.Combine(corpus, "bbc", "001.txt"), "Talks ended.\n\nThe officials met in Lisbon. The talks in Lisbon ended. They left Lisbon.\n");

            int Train(string output) => TrainCommand.Create().Parse(["entities", "--from", from, "--corpus", corpus, "--out", output, "--epochs", "2"]).Invoke();

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
}
