using System.CommandLine;
using System.Globalization;
using System.Numerics;
using Tacitus.Pipeline;

namespace Tacitus.Cli.Commands;

/// <summary>Options several commands share, defined once so they read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<DateOnly?> Date() => Day("--date", "Publication date (YYYY-MM-DD) for documents that give none; relative dates are read against it.");

    /// <summary>An option whose value is a day, YYYY-MM-DD.</summary>
    public static Option<DateOnly?> Day(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = r =>
        {
            var token = r.Tokens.Count > 0 ? r.Tokens[0].Value : string.Empty;
            if (DateOnly.TryParseExact(token, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return d;
            }

            r.AddError($"{name}: '{token}' is not a date in the form YYYY-MM-DD");
            return null;
        },
    };

    public static Option<TimeSpan?> TimeBudget() => new("--time-budget")
    {
        Description = "Seconds one document may take before it is reported (TAC401) and skipped; 0 for no limit.",
        DefaultValueFactory = _ => PipelineOptions.DefaultTimeBudget,
        CustomParser = r =>
        {
            var token = r.Tokens.Count > 0 ? r.Tokens[0].Value : string.Empty;
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds <= 86_400)
            {
                return seconds == 0 ? null : TimeSpan.FromSeconds(seconds);
            }

            r.AddError($"--time-budget: '{token}' is not a number of seconds (0 to 86400)");
            return null;
        },
    };

    /// <summary>
    /// <c>--story-window N</c>: documents that may arrive after a story's or an open fused event's latest one before it
    /// closes (<see cref="Fusion.StoryOptions.CloseAfterDocuments"/>, which <see cref="Fusion.EventFusion"/> reads as its window too).
    /// </summary>
    public static Option<long> StoryWindow() => AtLeastOne(
        "--story-window",
        "Documents that may arrive after a story's (or a fused event's) latest document before it closes to new ones and leaves memory (order of arrival is the clock, dated or not); changes what 'stories' and 'events --fused' show.",
        Fusion.StoryOptions.Default.CloseAfterDocuments,
        (long)int.MaxValue);

    /// <summary><c>--open-event-reports N</c>: reports an open fused event keeps in memory (<see cref="Fusion.StoryOptions.OpenEventReports"/>).</summary>
    public static Option<int> OpenEventReports() => AtLeastOne(
        "--open-event-reports",
        "Reports an open fused event keeps in memory; past it the event's status comes from a running tally of its reports (itself kept to that many figures, distinct sources and distinct names), or from the store when no tally is in memory or the tally passed that bound (the output is the same).",
        Fusion.StoryOptions.Default.OpenEventReports,
        int.MaxValue);

    /// <summary>One of the two options above as <c>bench</c> takes it: only its stages that fuse (fusion, fusion-only, store) read it.</summary>
    public static Option<T> FusionStagesOnly<T>(Option<T> option)
    {
        option.Description += " On bench: read by the fusion, fusion-only and store stages only.";
        return option;
    }

    /// <summary>
    /// The story window the user named with <paramref name="window"/> (none when the option was not given: the store's
    /// recorded window then holds); <paramref name="fusesAllAgain"/> when the run re-fuses every stored document.
    /// </summary>
    public static Store.StoryWindowChoice Window(ParseResult parse, Option<long> window, bool fusesAllAgain = false) =>
        new(parse.GetResult(window) is { Implicit: false } ? parse.GetValue(window) : null, fusesAllAgain);

    /// <summary>The story options the two options above ask for (the other settings at their defaults).</summary>
    public static Fusion.StoryOptions Stories(ParseResult parse, Option<long> window, Option<int> reports) =>
        Fusion.StoryOptions.Default with { CloseAfterDocuments = parse.GetValue(window), OpenEventReports = parse.GetValue(reports) };

    /// <summary>
    /// An option whose value is a whole number from 1 to <paramref name="max"/>; anything else is a usage error naming
    /// the option. The help shows the default once, from <see cref="Option{T}.DefaultValueFactory"/>.
    /// </summary>
    private static Option<T> AtLeastOne<T>(string name, string description, T defaultValue, T max)
        where T : struct, IBinaryInteger<T> => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = r =>
        {
            var token = r.Tokens.Count > 0 ? r.Tokens[0].Value : string.Empty;
            if (T.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= T.One && n <= max)
            {
                return n;
            }

            r.AddError($"{name}: '{token}' is not a whole number from 1 to {max.ToString(null, CultureInfo.InvariantCulture)}");
            return defaultValue;
        },
    };

    /// <summary>
    /// Refuses arguments that look like options: without this, <c>code --bogus FILE</c> would read "--bogus" as a
    /// file name. A file whose name starts with '-' can be named as <c>./-name</c>; "-" alone is stdin.
    /// </summary>
    public static void RefuseOptionLike(Argument argument)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-')
                {
                    result.AddError($"unknown option '{token.Value}' (a file whose name starts with '-' can be given as ./{token.Value})");
                }
            }
        });
    }

    public static Option<string?> Outlet() => new("--outlet") { Description = "Outlet name for documents that give none." };

    public static Option<string> Db() => new("--db") { Description = "SQLite store to use.", DefaultValueFactory = _ => "tacitus.db" };

    public static Option<string[]> Dictionaries() => new("--dictionary")
    {
        Description = "Extra dictionary file (user TSV, or PETRARCH .actors/.agents) loaded over the shipped knowledge; repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string[]> Verbs() => new("--verbs")
    {
        Description = "PETRARCH verb dictionary (CAMEO.2.0 or UD-PETRARCH verbpatterns format) for the tree coder, with its ~ transformations (applied before the shipped ones); repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string[]> Discards() => new("--discards")
    {
        Description = "PETRARCH discard list for the tree coder: sentences (or, with '+', stories) holding a phrase are not coded; repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string[]> Issues() => new("--issues")
    {
        Description = "PETRARCH issue dictionary (<ISSUE CATEGORY=...> blocks of phrases with [CODE]s) read in front of the shipped Phoenix issues; each event gets its sentence's issues; repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<EventCoderChoice> Coder()
    {
        var option = new Option<EventCoderChoice>("--coder")
        {
            Description = "Event coder: rules (the pattern table; default), tree (PETRARCH dictionaries over the dependency parse; replaces the rules in sentences it codes), or fill (rules first, the tree coder where they code nothing). tree and fill run the parser (slower).",
            DefaultValueFactory = _ => EventCoderChoice.Rules,
            CustomParser = r => Enum.TryParse<EventCoderChoice>(r.Tokens.Single().Value, ignoreCase: true, out var c) ? c : Refuse(r),
        };
        return option;

        static EventCoderChoice Refuse(System.CommandLine.Parsing.ArgumentResult r)
        {
            r.AddError($"--coder takes rules, tree or fill, not '{r.Tokens.Single().Value}'");
            return EventCoderChoice.Rules;
        }
    }

    public static Option<DateReaderChoice> Dates()
    {
        var option = new Option<DateReaderChoice>("--dates")
        {
            Description = "What reads dates: rules (the project's own date rules; default) or recognizer (the rules, then Microsoft.Recognizers for the forms they leave: a few rarer forms more, a slower start and first pass).",
            DefaultValueFactory = _ => DateReaderChoice.Rules,
            CustomParser = r => Enum.TryParse<DateReaderChoice>(r.Tokens.Single().Value, ignoreCase: true, out var c) && Enum.IsDefined(c) ? c : Refuse(r),
        };
        return option;

        static DateReaderChoice Refuse(System.CommandLine.Parsing.ArgumentResult r)
        {
            r.AddError($"--dates takes rules or recognizer, not '{r.Tokens.Single().Value}'");
            return DateReaderChoice.Rules;
        }
    }

    public static Option<bool> NoShipped() => new("--no-shipped") { Description = "Code with the given dictionaries and patterns alone, not the shipped ones." };

    public static Option<string[]> Patterns() => new("--patterns")
    {
        Description = "Extra event pattern file (the data/events/patterns.tsv format), tried before the shipped patterns; repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };
}
