namespace Tacitus.Cli;

/// <summary>Process exit codes: scripts can tell a partial failure from a usage error.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Some inputs or records failed; the rest were processed.</summary>
    public const int PartialFailure = 1;

    /// <summary>The command line was wrong.</summary>
    public const int Usage = 2;

    /// <summary>Nothing could be done (store unreadable, gold set missing).</summary>
    public const int Fatal = 3;
}
