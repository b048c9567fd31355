using System.Text.Json;
using Tacitus.Tests.Ingest;

namespace Tacitus.Tests.Cli;

/// <summary>
/// The conventions README promises, through the real program: exit codes (0 ok, 1 some inputs failed, 2 usage, 3
/// nothing could be done), unknown options refused, JSON Lines for several documents, the name "tacitus", notes and
/// warnings on stderr that --quiet silences, and document text escaped before it reaches a terminal.
/// </summary>
public sealed class ConventionTests : IDisposable
{
    private const string Story = "Title: Pier repairs\nPublished: 2024-03-02\n\nThe harbour council met on Tuesday and agreed to repair the old pier, a spokeswoman said.\n";
    private const string Undated = "Title: Bridge\n\nThe county council closed the old bridge on Tuesday after the river rose, a spokesman said.\n";
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "fuzz", name);

    [Theory]
    [InlineData("code --bogus {good}", 2, "unknown option '--bogus'")]
    [InlineData("code {good} --bogus", 2, "unknown option '--bogus'")]
    [InlineData("ingest --nonsense {good}", 2, "unknown option '--nonsense'")]
    [InlineData("documents --db {missing} --what", 2, "--what")]
    [InlineData("code", 2, "name at least one file")]
    [InlineData("frobnicate", 2, "frobnicate")]
    [InlineData("code {missing}", 3, "TAC101")]
    [InlineData("code {good} {missing}", 1, "TAC101")]
    [InlineData("code {bad-lines}", 1, "TAC106")]
    [InlineData("code {good}", 0, "")]
    public void Main_CommandLine_ExitCodeAsReadmeSays(string line, int exit, string stderrHas)
    {
        var good = folder.Write("good.txt", Story);
        var badLines = folder.Write("batch.jsonl", "{\"text\": 5}\n{\"published\":\"2024-03-02\",\"text\":\"The harbour council met on Tuesday.\"}\n");
        var args = line.Split(' ').Select(a => a
            .Replace("{good}", good, StringComparison.Ordinal)
            .Replace("{missing}", Path.Combine(folder.Path, "missing.txt"), StringComparison.Ordinal)
            .Replace("{bad-lines}", badLines, StringComparison.Ordinal)).ToArray();

        var (code, _, stderr) = CliProcess.Run(args);

        Assert.Equal(exit, code);
        Assert.Contains(stderrHas, stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("code --help")]
    public void Main_Help_CallsTheProgramTacitus(string line)
    {
        var (code, stdout, _) = CliProcess.Run(line.Split(' '));

        Assert.Equal(0, code);
        Assert.Matches(@"Usage:\s+tacitus\b", stdout);
        Assert.DoesNotContain("Tacitus.Cli", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("reanalyse")]
    [InlineData("bench")]
    public void Main_HelpOfACommandWithStoryOptions_EachDefaultShownOnce(string command)
    {
        var (code, stdout, _) = CliProcess.Run([command, "--help"]);

        Assert.Equal(0, code);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(stdout, @"\b2000\b"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(stdout, @"\[default: 32\]"));
        Assert.DoesNotContain("Default 2000", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Code_JsonOverSeveralFiles_AlwaysJsonLines(bool pretty)
    {
        var a = folder.Write("a.txt", Story);
        var b = folder.Write("b.txt", Story.Replace("Pier repairs", "Pier vote", StringComparison.Ordinal).Replace("old pier", "new pier", StringComparison.Ordinal));
        string[] args = pretty ? ["code", a, b, "--json", "--pretty"] : ["code", a, b, "--json"];

        var (code, stdout, _) = CliProcess.Run(args);

        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(l).RootElement.ValueKind));
    }

    [Fact]
    public void Code_JsonPrettyOneFile_Indented()
    {
        var (code, stdout, _) = CliProcess.Run("code", folder.Write("a.txt", Story), "--json", "--pretty");

        Assert.Equal(0, code);
        Assert.True(stdout.Split('\n').Length > 10);
        Assert.Equal("Pier repairs", JsonDocument.Parse(stdout).RootElement.GetProperty("document").GetProperty("title").GetString());
    }

    [Fact]
    public void Code_TitleWithTerminalEscapes_PrintedEscaped()
    {
        var (code, stdout, _) = CliProcess.Run("code", Fixture("title-escape.txt"));

        Assert.Equal(0, code);
        Assert.DoesNotContain('\u001B', stdout);
        Assert.DoesNotContain('\u0007', stdout);
        Assert.Contains(@"# \x1B]0;owned\x07\x1B[2JPier repairs", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_BatchWithNotesAndWarnings_ReportedOnStderrOnceEachAndSilencedByQuiet()
    {
        folder.Write("in/README.md", Story);
        folder.Write("in/a-undated.txt", Undated);
        folder.Write("in/b-undated.txt", Undated.Replace("old bridge", "east bridge", StringComparison.Ordinal));
        folder.Write("in/c-bad-date.txt", Story.Replace("2024-03-02", "the 32nd of Smarch", StringComparison.Ordinal));
        folder.Write("in/d-french.txt", "Title: Conseil\nPublished: 2024-03-02\n\nLe conseil municipal a décidé mardi de réparer le vieux pont avant l'hiver, a indiqué une porte-parole de la mairie.\n");
        var input = Path.Combine(folder.Path, "in");

        var (code, stdout, stderr) = CliProcess.Run("code", input);
        var (quietCode, quietStdout, quietStderr) = CliProcess.Run("code", input, "--quiet");

        Assert.Equal(0, code);
        Assert.Contains("TAC112", stderr, StringComparison.Ordinal);               // README skipped, not a failure
        Assert.Single(stderr.Split('\n'), l => l.Contains("TAC113", StringComparison.Ordinal)); // no date: once per batch
        Assert.Contains("TAC110", stderr, StringComparison.Ordinal);               // unreadable Published date
        Assert.Contains("TAC114", stderr, StringComparison.Ordinal);               // another language
        Assert.Equal(4, stdout.Split('\n').Count(l => l.StartsWith("# ", StringComparison.Ordinal)));
        Assert.Equal(0, quietCode);
        Assert.Equal(stdout, quietStdout);
        Assert.Equal(string.Empty, quietStderr);
    }
}
