using Tacitus.Store;

namespace Tacitus.Tests.Cli;

public sealed class DemoCommandTests
{
    [Fact]
    public void Demo_ShippedExamples_StoresEveryStoryAndPrintsSummary()
    {
        var dir = Directory.CreateTempSubdirectory("tacitus-demo-");
        var db = Path.Combine(dir.FullName, "demo.db");
        try
        {
            var (exit, stdout, stderr) = CliProcess.Run("demo", "--db", db);

            Assert.True(exit == 0, stderr);
            var examples = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.txt").Length;
            Assert.Contains($"{examples} example stories read", stdout, StringComparison.Ordinal);
            using var store = DocumentStore.Open(db, create: false);
            Assert.Equal(examples, store.Count());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Demo_RunTwice_ReplacesItsStoreInsteadOfGrowingIt()
    {
        var dir = Directory.CreateTempSubdirectory("tacitus-demo-");
        var db = Path.Combine(dir.FullName, "demo.db");
        try
        {
            Assert.Equal(0, CliProcess.Run("demo", "--db", db).ExitCode);
            var (exit, _, stderr) = CliProcess.Run("demo", "--db", db);

            Assert.True(exit == 0, stderr);
            using var store = DocumentStore.Open(db, create: false);
            Assert.Equal(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.txt").Length, store.Count());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Demo_MissingExampleFolder_ExitsFatalWithMessage()
    {
        var (exit, _, stderr) = CliProcess.Run("demo", "--db", Path.Combine(Path.GetTempPath(), "never.db"), "--examples", "/nonexistent/folder");

        Assert.Equal(3, exit);
        Assert.Contains("not found", stderr, StringComparison.Ordinal);
    }
}
