namespace Tacitus.Cli;

/// <summary>Process exit codes: scripts can tell a partial failure from a usage error, and both from a bug.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Some inputs or records failed; the rest were processed.</summary>
    public const int PartialFailure = 1;

    /// <summary>The command line was wrong (an unknown option, a missing argument, a bad value).</summary>
    public const int Usage = 2;

    /// <summary>Nothing could be done: no input could be read, the store is unreadable, a gold set is missing.</summary>
    public const int Fatal = 3;

    /// <summary>An internal error (a fault in Tacitus, TAC400) hit at least one document; the rest were processed.</summary>
    public const int Internal = 4;
}
