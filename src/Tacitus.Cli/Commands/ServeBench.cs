using System.Diagnostics;
using Tacitus.Ingest;
using Tacitus.Pipeline;
using Tacitus.Server;
using Tacitus.Store;

namespace Tacitus.Cli.Commands;

/// <summary><c>tacitus bench --serve</c>: the API load test (<see cref="LoadTest"/>) over a store, or over a demo store built for it.</summary>
internal static class ServeBench
{
    public static async Task<int> Run(string? db, int requests, int concurrency, int? cores, CancellationToken ct)
    {
        if (requests <= 0 || concurrency <= 0 || cores is <= 0)
        {
            Console.Error.WriteLine("tacitus bench: --requests, --concurrency and --cores must be positive.");
            return ExitCodes.Usage;
        }

        if (cores is int n && (OperatingSystem.IsLinux() || OperatingSystem.IsWindows()))
        {
            // The server and its clients share these cores: the figure is what that many cores serve, clients included.
            Process.GetCurrentProcess().ProcessorAffinity = (nint)((1L << Math.Min(n, Environment.ProcessorCount)) - 1);
        }

        ServeCommand.TuneCollector();
        string? temporary = null;
        try
        {
            if (db is null)
            {
                temporary = Path.Combine(Path.GetTempPath(), $"tacitus-bench-serve-{Environment.ProcessId}.db");
                BuildDemoStore(temporary, ct);
            }

            var store = db ?? temporary!;
            if (!File.Exists(store))
            {
                Console.Error.WriteLine($"tacitus bench: no store at '{store}'.");
                return ExitCodes.Fatal;
            }

            var result = await LoadTest.Run(store, requests, concurrency, ct);
            Console.WriteLine($"API load test on loopback, store {(db ?? "demo (built for the test)")}, {concurrency} clients, " +
                $"{(cores is int c ? $"{c} core(s) for server and clients" : $"{Environment.ProcessorCount} cores")}:");
            Console.WriteLine("  GET " + string.Join(", ", result.Paths));
            Console.WriteLine("  " + LoadTest.Format(result));
            return result.Failed > 0 ? ExitCodes.PartialFailure : ExitCodes.Ok;
        }
        catch (StoreException ex)
        {
            Console.Error.WriteLine(ex.Error.ToString());
            return ExitCodes.Fatal;
        }
        finally
        {
            if (temporary is not null)
            {
                foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
                {
                    File.Delete(temporary + suffix);
                }
            }
        }
    }

    private static void BuildDemoStore(string path, CancellationToken ct)
    {
        var examples = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.txt").Order(StringComparer.Ordinal).ToArray();
        using var store = DocumentStore.Open(path);
        new StoreIngestion(store, PipelineFactory.Create(), workers: 1).Run(DocumentSources.Read(examples, IngestOptions.Default, ct), cancellationToken: ct);
    }
}
