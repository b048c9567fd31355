using System.CommandLine;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tacitus.Server;
using Tacitus.Store;

namespace Tacitus.Cli.Commands;

/// <summary><c>tacitus serve</c>: the JSON API and the web app over a store, on loopback by default, until Ctrl+C.</summary>
internal static class ServeCommand
{
    public const string TokenVariable = "TACITUS_TOKEN";

    public static Command Create()
    {
        var db = CommonOptions.Db();
        var port = Port();
        var host = new Option<string>("--host") { Description = "Address to listen on. Off loopback, a token is required and guards reads too.", DefaultValueFactory = _ => "127.0.0.1" };
        var token = Token();
        var maxBody = new Option<long>("--max-body") { Description = "Largest request body accepted, in bytes.", DefaultValueFactory = _ => 1024 * 1024 };
        var command = new Command("serve", "Serve the JSON API (/api, /openapi/v1.json) and the web app over a store.") { db, port, host, token, maxBody };
        command.SetAction((parse, ct) =>
        {
            if (parse.GetValue(maxBody) <= 0)
            {
                Console.Error.WriteLine("tacitus serve: --max-body must be positive.");
                return Task.FromResult(ExitCodes.Usage);
            }

            return Run(Options(parse.GetValue(db)!, parse.GetValue(host)!, parse.GetValue(port), parse.GetValue(token)) with { MaxBodyBytes = parse.GetValue(maxBody) }, ct);
        });
        return command;
    }

    public static Option<int> Port() => new("--port")
    {
        Description = "Port to listen on (0: any free port).",
        DefaultValueFactory = _ => 5080,
    };

    public static Option<string?> Token() => new("--token") { Description = $"Token that writes (POST /api/documents) need, as 'Authorization: Bearer TOKEN'; default: ${TokenVariable}." };

    public static ServeOptions Options(string db, string host, int port, string? token) =>
        new() { DbPath = db, Host = host, Port = port, Token = token ?? NonEmpty(Environment.GetEnvironmentVariable(TokenVariable)) };

    /// <summary>Runs the server until <paramref name="ct"/> fires (Ctrl+C). Exit 2 for a bad address or a public one without a token, 3 when the store or port cannot be used.</summary>
    public static async Task<int> Run(ServeOptions options, CancellationToken ct)
    {
        if (options.Port is < 0 or > 65535)
        {
            Console.Error.WriteLine($"tacitus serve: --port {options.Port} is not a port (0 to 65535; 0 picks a free one).");
            return ExitCodes.Usage;
        }

        if (options.Host != "localhost" && !IPAddress.TryParse(options.Host, out _))
        {
            Console.Error.WriteLine($"tacitus serve: --host '{options.Host}' is not an IP address (or localhost).");
            return ExitCodes.Usage;
        }

        if (!options.IsLoopback && options.Token is null)
        {
            Console.Error.WriteLine($"tacitus serve: listening on {options.Host} needs a token (--token or ${TokenVariable}); it guards reads and writes.");
            return ExitCodes.Usage;
        }

        try
        {
            using var probe = DocumentStore.Open(options.DbPath, create: false);
        }
        catch (StoreException ex)
        {
            Console.Error.WriteLine(ex.Error.ToString());
            return ExitCodes.Fatal;
        }

        TuneCollector();
        IHost? server = null;
        try
        {
            var builder = ServerHost.CreateBuilder(options).ConfigureLogging(l => l.AddSimpleConsole(c => c.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
            server = builder.Build();
            await server.StartAsync(ct);
            var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? $"port {options.Port}";
            Console.WriteLine($"Tacitus is serving {options.DbPath} at {address.TrimEnd('/')}/ (API under /api, OpenAPI at /openapi/v1.json). Ctrl+C stops it.");
            if (options.Token is null)
            {
                Console.WriteLine($"Writes are off: start with --token or ${TokenVariable} to allow POST /api/documents.");
            }

            await server.WaitForShutdownAsync(ct);
            return ExitCodes.Ok;
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"tacitus serve: cannot listen on {options.Host}:{options.Port}: {ex.Message}");
            return ExitCodes.Fatal;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Ok;
        }
        finally
        {
            if (server is not null)
            {
                await server.StopAsync(CancellationToken.None);
                server.Dispose();
            }
        }
    }

    /// <summary>
    /// The CLI's collector conserves memory for long ingests (Tacitus.Cli.csproj); a server answering many small
    /// requests is better served by background collections that do not stop it (measured with bench --serve).
    /// </summary>
    public static void TuneCollector() => System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.SustainedLowLatency;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
