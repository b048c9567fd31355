using System.CommandLine;
using Tacitus.Cli.Commands;

namespace Tacitus.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("Tacitus reads news and writes down what happened: who did what to whom, when, where, according to whom.");
        root.Subcommands.Add(CodeCommand.Create());
        root.Subcommands.Add(KnowledgeCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(DocumentsCommand.Create());
        root.Subcommands.Add(ShowCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(ParseCommand.Create());
        return root.Parse(args).Invoke();
    }
}
