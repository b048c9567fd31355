using System.CommandLine;
using Tacitus.Cli;

namespace Tacitus.Tests.Cli;

public sealed class ProgramTests
{
    [Fact]
    public void Invoke_CommandThrowsUnexpectedly_ReportsTac900AndExitsWithTheInternalCode()
    {
        var command = new Command("fragile");
        command.SetAction((_, _) => throw new InvalidOperationException("a fault in the command"));
        var error = new StringWriter();

        var exit = Program.Invoke(command.Parse([]), error);

        Assert.Equal(ExitCodes.Internal, exit);
        Assert.StartsWith("tacitus: TAC900 internal: InvalidOperationException: a fault in the command", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Invoke_CommandInterruptedWithoutHandlingIt_SaysInterruptedAndExitsThree()
    {
        var command = new Command("long");
        command.SetAction((_, _) => throw new OperationCanceledException("stopped"));
        var error = new StringWriter();

        var exit = Program.Invoke(command.Parse([]), error);

        Assert.Equal(ExitCodes.Fatal, exit);
        Assert.Equal("tacitus: interrupted.", error.ToString().TrimEnd());
    }

    [Fact]
    public void Main_DocumentsOfAStoreWithADamagedPage_Tac500NamingTheStoreExitThree()
    {
        var db = Tacitus.Tests.Store.StoreFixtures.TempDb();
        try
        {
            Tacitus.Tests.Store.StoreFixtures.StoreAndCorruptALongDocumentsPage(db);

            var (exit, _, stderr) = CliProcess.Run("documents", "--db", db);

            Assert.Equal(ExitCodes.Fatal, exit);
            Assert.Contains($"{db}: TAC500 store: the store file is damaged", stderr, StringComparison.Ordinal);
            Assert.Contains("malformed", stderr, StringComparison.Ordinal);
        }
        finally
        {
            Tacitus.Tests.Store.StoreFixtures.DeleteDb(db);
        }
    }

    [Fact]
    public void Subcommands_EachEntry_BuildsTheCommandItsNamesCall()
    {
        foreach (var (names, create) in Program.Subcommands)
        {
            var command = create();

            Assert.Equal(names[0], command.Name);
            Assert.Equal(names[1..].Order(StringComparer.Ordinal), command.Aliases.Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("--help")]
    [InlineData("cod")]
    public void CreateRoot_FirstArgumentNamesNoSubcommand_HoldsThemAll(string? first)
    {
        var root = Program.CreateRoot(first);

        Assert.Equal(Program.Subcommands.Select(c => c.Names[0]), root.Subcommands.Select(c => c.Name));
    }

    [Theory]
    [InlineData("code", "code")]
    [InlineData("reanalyze", "reanalyse")]
    [InlineData("train", "train")]
    public void CreateRoot_FirstArgumentNamesSubcommand_HoldsThatOneAlone(string first, string expected)
    {
        var root = Program.CreateRoot(first);

        Assert.Equal(expected, Assert.Single(root.Subcommands).Name);
    }

    [Fact]
    public void CreateRoot_NamedSubcommand_ParsesAsWithAllOfThem()
    {
        string[] args = ["events", "--db", "x.db", "--fused", "--json"];

        var alone = Program.CreateRoot(args[0]).Parse(args);
        var all = Program.CreateRoot().Parse(args);

        Assert.Empty(alone.Errors);
        Assert.Equal(all.CommandResult.Command.Name, alone.CommandResult.Command.Name);
        Assert.Equal(all.Tokens.Select(t => (t.Value, t.Type)), alone.Tokens.Select(t => (t.Value, t.Type)));
    }
}
