using System.Diagnostics;
using Tacitus.Tests.Ingest;
using Tacitus.Tests.Knowledge.Build;

namespace Tacitus.Tests.Cli;

/// <summary>
/// The <c>tacitus</c> script a newcomer types: it builds the CLI when sources changed and only then. Run here in a
/// copy of the repository's layout, with a stand-in <c>dotnet</c> first on the PATH that records each call and makes
/// the dll a build would, so what is tested is the script's own decision, quickly.
/// </summary>
public sealed class LauncherScriptTests : IDisposable
{
    private const string StandInDotnet = """
        #!/bin/sh
        echo "$1" >> "$TACITUS_TEST_LOG"
        echo "gen0=${DOTNET_GCgen0size-unset}" >> "$TACITUS_TEST_LOG"
        if [ "$1" = build ]; then
          while [ $# -gt 0 ]; do
            if [ "$1" = --artifacts-path ]; then mkdir -p "$2/bin/Tacitus.Cli/release" && : > "$2/bin/Tacitus.Cli/release/Tacitus.Cli.dll"; fi
            shift
          done
        fi
        exit 0
        """;

    private readonly TempFolder root = new();
    private readonly TempFolder tools = new();

    public LauncherScriptTests()
    {
        File.Copy(Path.Combine(KnowledgeBuildTests.Repository!, "tacitus"), Path.Combine(root.Path, "tacitus"));
        root.Write("src/Tacitus.Cli/Tacitus.Cli.csproj", "<Project />");
        root.Write("src/Tacitus/Stage.cs", "class Stage {}");
        root.Write("data/events/patterns.tsv", "# patterns\n");
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "nuget.config", "global.json" })
        {
            root.Write(file, "<Project />");
        }

        var dotnet = tools.Write("dotnet", StandInDotnet.Replace("\r", string.Empty, StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private string Log => Path.Combine(tools.Path, "calls.log");

    /// <summary>Runs the script once; returns its exit code and how many builds it started.</summary>
    private (int Exit, int Builds) Run(string? gen0 = null)
    {
        var before = File.Exists(Log) ? File.ReadAllLines(Log).Count(l => l == "build") : 0;
        var start = new ProcessStartInfo("bash", [Path.Combine(root.Path, "tacitus"), "--help"]) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["PATH"] = tools.Path + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["TACITUS_TEST_LOG"] = Log;
        start.Environment.Remove("DOTNET_GCgen0size");
        if (gen0 is not null)
        {
            start.Environment["DOTNET_GCgen0size"] = gen0;
        }

        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(30_000), "the script did not end");
        var after = File.ReadAllLines(Log).Count(l => l == "build");
        return (process.ExitCode, after - before);
    }

    /// <summary>Gives a file a modification time after everything the script has stamped so far.</summary>
    private void Touch(string relative)
    {
        var path = Path.Combine(root.Path, relative);
        if (!File.Exists(path))
        {
            root.Write(relative, "// touched\n");
        }

        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
    }

    [Fact]
    public void Run_FreshClone_BuildsOnceAndRuns()
    {
        Assert.False(Directory.Exists(Path.Combine(root.Path, ".tacitus")));
        Assert.Equal((0, 1), Run());
        Assert.Equal((0, 0), Run());
    }

    [Theory]
    [InlineData("src/Tacitus/obj/Debug/net10.0/Tacitus.AssemblyInfo.cs", 0)] // what `dotnet test` writes
    [InlineData("src/Tacitus/bin/Debug/net10.0/Tacitus.dll", 0)]
    [InlineData("src/Tacitus/Stage.cs", 1)]
    [InlineData("data/events/patterns.tsv", 1)]
    [InlineData("Directory.Packages.props", 1)]
    public void Run_AfterAFileChanged_BuildsOnlyForSources(string changed, int builds)
    {
        Assert.Equal((0, 1), Run());
        Touch(changed);
        Assert.Equal((0, builds), Run());
    }

    /// <summary>What the collector's young-generation budget was when the script ran the CLI (the stand-in's last call).</summary>
    private string Gen0OfLastRun() => File.ReadAllLines(Log)[^1];

    [Fact]
    public void Run_NoBudgetGiven_RunsTheCliWithTheThirtyTwoMegabyteYoungBudget()
    {
        Assert.Equal((0, 1), Run());
        Assert.Equal("gen0=0x2000000", Gen0OfLastRun());
    }

    [Fact]
    public void Run_CallerGaveABudget_RunsTheCliWithTheCallersBudget()
    {
        Assert.Equal((0, 1), Run(gen0: "0x1000000"));
        Assert.Equal("gen0=0x1000000", Gen0OfLastRun());
    }

    public void Dispose()
    {
        root.Dispose();
        tools.Dispose();
    }
}
