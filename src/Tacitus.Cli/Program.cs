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
            var root = CreateRoot(args.Length > 0 ? args[0] : null);

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

            return Invoke(result, Console.Error);
        }
        catch (Exception ex)
        {
            return Fault(ex, Console.Error);
        }
    }

    /// <summary>
    /// Runs the parsed command. An exception no command handled is a fault in Tacitus: TAC900 on <paramref name="error"/>
    /// and <see cref="ExitCodes.Internal"/> (System.CommandLine's own handler, off here, printed "Unhandled exception" and
    /// exited 1, the code for failed inputs); an interruption the command did not handle exits as one that did (3).
    /// </summary>
    internal static int Invoke(ParseResult result, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return result.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (OperationCanceledException)
        {
            error.WriteLine($"{Name}: interrupted.");
            return ExitCodes.Fatal;
        }
        catch (Exception ex) when (Store.DocumentRowReader.Damaged(ex))
        {
            // SQLite found the store's file damaged outside a document's read (those are TAC504 for the document): the
            // store's own error, naming the file when the command has one, not a fault in Tacitus
            var db = result.CommandResult.Command.Options.Any(o => o.Name == "--db") ? result.GetValue<string>("--db") : null;
            error.WriteLine(TerminalText.Escape(new Documents.TacitusError("TAC500", "store", $"the store file is damaged: {ex.Message}", db).ToString()));
            return ExitCodes.Fatal;
        }
        catch (Exception ex)
        {
            return Fault(ex, error);
        }
    }

    /// <summary>A fault in Tacitus that escaped every command: said plainly, with its own exit code.</summary>
    private static int Fault(Exception ex, TextWriter error)
    {
        error.WriteLine($"{Name}: TAC900 internal: {ex.GetType().Name}: {ex.Message} (a fault in Tacitus, please report it; TACITUS_TRACE=1 shows the trace)");
        if (Environment.GetEnvironmentVariable("TACITUS_TRACE") == "1")
        {
            error.WriteLine(ex);
        }

        return ExitCodes.Internal;
    }

    /// <summary>
    /// The subcommands by the names (and aliases) they answer to, in the order help lists them. Each is built only
    /// when needed: building all fifteen (their options, validators and handlers, and the compiling of each
    /// <c>Create</c>) cost every run some tens of milliseconds when a run uses one (docs/PERFORMANCE.md, s13-cold).
    /// </summary>
    internal static readonly (string[] Names, Func<Command> Create)[] Subcommands =
    [
        (["code"], CodeCommand.Create),
        (["knowledge"], KnowledgeCommand.Create),
        (["ingest"], IngestCommand.Create),
        (["reanalyse", "reanalyze"], ReanalyseCommand.Create),
        (["documents"], DocumentsCommand.Create),
        (["show"], ShowCommand.Create),
        (["stories"], StoriesCommand.Create),
        (["events"], EventsCommand.Create),
        (["export"], ExportCommand.Create),
        (["demo"], DemoCommand.Create),
        (["eval"], EvalCommand.Create),
        (["bench"], BenchCommand.Create),
        (["train"], TrainCommand.Create),
        (["serve"], ServeCommand.Create),
        (["parse"], ParseCommand.Create),
    ];

    /// <summary>
    /// The command line: with <paramref name="first"/> (the first argument) naming a subcommand, the root holds that
    /// one alone, which parses and runs the same; otherwise (no argument, an option, a typo) it holds them all, for
    /// the root's help and the parser's suggestions.
    /// </summary>
    internal static Command CreateRoot(string? first = null)
    {
        // A plain command named "tacitus" rather than RootCommand, whose name is the assembly's (Tacitus.Cli).
        var root = new Command(Name, "Tacitus reads news and writes down what happened: who did what to whom, when, where, according to whom.")
        {
            new HelpOption(),
            new VersionOption(),
            Verbosity.Quiet,
            Verbosity.Verbose,
        };
        var named = first is not null && Array.Exists(Subcommands, c => Array.IndexOf(c.Names, first) >= 0);
        foreach (var (names, create) in Subcommands)
        {
            if (!named || Array.IndexOf(names, first) >= 0)
            {
                root.Subcommands.Add(create());
            }
        }

        return root;
    }
}
