namespace Tacitus.Server;

/// <summary>How <c>tacitus serve</c> runs: the store, where it listens, the write token and its limits.</summary>
internal sealed record ServeOptions
{
    public required string DbPath { get; init; }

    /// <summary>Address to listen on; loopback by default. Anything else needs a token, which then guards reads too.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Port; 0 picks a free one (tests).</summary>
    public int Port { get; init; } = 5080;

    /// <summary>The token writes need (<c>Authorization: Bearer …</c>); null: writes are refused.</summary>
    public string? Token { get; init; }

    /// <summary>Largest request body accepted, in bytes.</summary>
    public long MaxBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>Reads each client may make per second (token bucket).</summary>
    public int ReadsPerSecond { get; init; } = 2000;

    /// <summary>Writes (analyses) each client may make per minute.</summary>
    public int WritesPerMinute { get; init; } = 60;

    public bool IsLoopback => Host is "127.0.0.1" or "::1" or "localhost";
}
