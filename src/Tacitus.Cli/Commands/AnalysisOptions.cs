using System.CommandLine;
using Tacitus.Pipeline;

namespace Tacitus.Cli.Commands;

/// <summary>
/// The options that say how to analyse (dictionaries, patterns, the event coder and its verb dictionaries, the time
/// budget), declared once for every command that analyses (code, ingest, eval, reanalyse) and read back as one
/// <see cref="PipelineOptions"/>.
/// </summary>
internal sealed class AnalysisOptions
{
    private readonly Option<string[]> dictionaries = CommonOptions.Dictionaries();
    private readonly Option<string[]> patterns = CommonOptions.Patterns();
    private readonly Option<string[]> verbs = CommonOptions.Verbs();
    private readonly Option<string[]> discards = CommonOptions.Discards();
    private readonly Option<string[]> issues = CommonOptions.Issues();
    private readonly Option<bool> noShipped = CommonOptions.NoShipped();
    private readonly Option<EventCoderChoice> coder = CommonOptions.Coder();
    private readonly Option<DateReaderChoice> dates = CommonOptions.Dates();
    private readonly Option<TimeSpan?>? budget;

    /// <param name="withBudget">Whether the command takes <c>--time-budget</c> (the ones that run over many documents).</param>
    public AnalysisOptions(bool withBudget) => budget = withBudget ? CommonOptions.TimeBudget() : null;

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { dictionaries, patterns, verbs, discards, issues, noShipped, coder, dates })
        {
            command.Options.Add(option);
        }

        if (budget is not null)
        {
            command.Options.Add(budget);
        }
    }

    /// <summary>The pipeline options the command line asked for.</summary>
    public PipelineOptions Read(ParseResult parse, bool textOnly = false)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var options = new PipelineOptions
        {
            TextOnly = textOnly,
            UserDictionaries = parse.GetValue(dictionaries) ?? [],
            EventPatternFiles = parse.GetValue(patterns) ?? [],
            VerbFiles = parse.GetValue(verbs) ?? [],
            DiscardFiles = parse.GetValue(discards) ?? [],
            IssueFiles = parse.GetValue(issues) ?? [],
            NoShipped = parse.GetValue(noShipped),
            Coder = parse.GetValue(coder),
            Dates = parse.GetValue(dates),
        };
        return budget is null ? options : options with { TimeBudget = parse.GetValue(budget) };
    }
}
