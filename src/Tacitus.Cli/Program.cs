using System.CommandLine;
using System.CommandLine.Help;
using Tacitus.Cli.Commands;

namespace Tacitus.Cli;

internal static class Program
{
    /// <summary>The name the program goes by in help and messages, whatever the assembly or the script is called.</summary>
    public const string Name = "tacitus";

    public static int Main(string[] args)
    {
        try
        {
            var root = CreateRoot();

            // No response files: "@name" is an ordinary argument (a file may be called that).
            var result = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (result.Errors.Count > 0)
            {
                foreach (var error in result.Errors)
                {
                    Console.Error.WriteLine($"{Name}: {error.Message}");
                }

                var command = result.CommandResult.Command;
                var path = command == root ? Name : $"{Name} {command.Name}";
                Console.Error.WriteLine($"Run '{path} --help' for usage.");
                return ExitCodes.Usage;
            }

            return result.Invoke();
        }
        catch (Exception ex)
        {
            // A fault in Tacitus that escaped every command: say so plainly, with its own exit code.
            Console.Error.WriteLine($"{Name}: TAC900 internal: {ex.GetType().Name}: {ex.Message} (a fault in Tacitus, please report it; TACITUS_TRACE=1 shows the trace)");
            if (Environment.GetEnvironmentVariable("TACITUS_TRACE") == "1")
            {
                Console.Error.WriteLine(ex);
            }

            return ExitCodes.Internal;
        }
    }

    internal static Command CreateRoot()
    {
        // A plain command named "tacitus" rather than RootCommand, whose name is the assembly's (Tacitus.Cli).
        var root = new Command(Name, "Tacitus reads news and writes down what happened: who did what to whom, when, where, according to whom.")
        {
            new HelpOption(),
            new VersionOption(),
            Verbosity.Quiet,
            Verbosity.Verbose,
        };
        root.Subcommands.Add(CodeCommand.Create());
        root.Subcommands.Add(KnowledgeCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(ReanalyseCommand.Create());
        root.Subcommands.Add(DocumentsCommand.Create());
        root.Subcommands.Add(ShowCommand.Create());
        root.Subcommands.Add(StoriesCommand.Create());
        root.Subcommands.Add(EventsCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(ParseCommand.Create());
        return root;
    }
}
