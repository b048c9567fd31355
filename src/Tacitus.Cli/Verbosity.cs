using System.CommandLine;

namespace Tacitus.Cli;

/// <summary>
/// <c>--quiet</c> and <c>--verbose</c>, given once on the root and so accepted by every command: quiet leaves errors
/// and results only (no progress, notes or warnings); verbose adds a line per document and the full trace of an
/// internal error.
/// </summary>
internal static class Verbosity
{
    public static Option<bool> Quiet { get; } = new("--quiet") { Description = "Errors and results only: no progress, notes or warnings.", Recursive = true };

    public static Option<bool> Verbose { get; } = new("--verbose") { Description = "A line per document, and the full trace of an internal error.", Recursive = true };
}
