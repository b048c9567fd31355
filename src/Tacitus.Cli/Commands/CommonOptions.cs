using System.CommandLine;
using System.Globalization;

namespace Tacitus.Cli.Commands;

/// <summary>Options several commands share, defined once so they read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<DateOnly?> Date() => new("--date")
    {
        Description = "Publication date (YYYY-MM-DD) for documents that give none; relative dates are read against it.",
        CustomParser = r =>
        {
            var token = r.Tokens.Count > 0 ? r.Tokens[0].Value : string.Empty;
            if (DateOnly.TryParseExact(token, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return d;
            }

            r.AddError($"--date: '{token}' is not a date in the form YYYY-MM-DD");
            return null;
        },
    };

    public static Option<string?> Outlet() => new("--outlet") { Description = "Outlet name for documents that give none." };

    public static Option<string> Db() => new("--db") { Description = "SQLite store to use.", DefaultValueFactory = _ => "tacitus.db" };

    public static Option<string[]> Dictionaries() => new("--dictionary")
    {
        Description = "Extra dictionary file (user TSV, or PETRARCH .actors/.agents) loaded over the shipped knowledge; repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string[]> Verbs() => new("--verbs")
    {
        Description = "PETRARCH verb dictionary (CAMEO.2.0 or UD-PETRARCH verbpatterns format) for the tree coder; repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string[]> Discards() => new("--discards")
    {
        Description = "PETRARCH discard list for the tree coder: sentences (or, with '+', stories) holding a phrase are not coded; repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<bool> NoShipped() => new("--no-shipped") { Description = "Code with the given dictionaries and patterns alone, not the shipped ones." };

    public static Option<string[]> Patterns() => new("--patterns")
    {
        Description = "Extra event pattern file (the data/events/patterns.tsv format), tried before the shipped patterns; repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };
}
