using System.CommandLine;
using Tacitus.Knowledge.Build;

namespace Tacitus.Cli.Commands;

/// <summary><c>tacitus knowledge build</c>: recompile data/compiled/ from the public sources and data/ tables.</summary>
internal static class KnowledgeCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "Folder of public knowledge sources.", DefaultValueFactory = _ => "../shared/data/knowledge" };
        var data = new Option<string>("--data") { Description = "The repository's data/ folder.", DefaultValueFactory = _ => "data" };
        var only = new Option<string[]>("--only") { Description = "Build only these tables (by name), with the tables they read and the tables that read them." };
        var build = new Command("build", "Compile the knowledge tables in data/compiled/ from their sources.") { from, data, only };
        build.SetAction((parse, ct) =>
        {
            var source = parse.GetValue(from)!;
            var dataDir = parse.GetValue(data)!;
            var names = parse.GetValue(only) ?? [];
            if (!Directory.Exists(source))
            {
                Console.Error.WriteLine($"tacitus knowledge build: source folder '{source}' not found (give --from).");
                return Task.FromResult(ExitCodes.Fatal);
            }

            var plan = KnowledgeCompilers.Plan(names, out var unknown);
            if (unknown.Count > 0)
            {
                Console.Error.WriteLine($"tacitus knowledge build: unknown table(s) {string.Join(", ", unknown)}; the tables are {string.Join(", ", KnowledgeCompilers.All.Select(c => c.Name))}.");
                return Task.FromResult(ExitCodes.Usage);
            }

            Directory.CreateDirectory(Path.Combine(dataDir, "compiled"));
            foreach (var compiler in plan)
            {
                Console.WriteLine($"{compiler.Name}: {compiler.Compile(source, dataDir, ct)}");
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return new Command("knowledge", "Knowledge tables: build them from their sources.") { build };
    }
}
