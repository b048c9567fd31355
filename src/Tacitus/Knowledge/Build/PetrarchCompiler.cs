using Tacitus.Documents;
using Tacitus.Events;

namespace Tacitus.Knowledge.Build;

/// <summary>
/// The tree coder's shipped dictionaries: UD-PETRARCH's default verb dictionary (<c>CAMEO.verbpatterns.150430.txt</c>,
/// 11,010 patterns), the Phoenix actor dictionaries, agents, discards and issue phrases, each rewritten as the lines the PETRARCH
/// reader accepts — comments, blank lines and lines it rejects left out, whitespace collapsed — so the shipped file is
/// compact, reads back to the same dictionary, and rebuilds byte-identically. The summary counts the verb codes the
/// CAMEO→PLOVER table (data/events/CAMEO2PLOVER-2021.txt) cannot map.
/// </summary>
internal sealed class PetrarchCompiler : IKnowledgeCompiler
{
    public const string VerbsFile = "petrarch-verbs.txt.gz";
    public const string ActorsFile = "petrarch-actors.txt.gz";
    public const string AgentsFile = "petrarch-agents.txt";
    public const string DiscardsFile = "petrarch-discards.txt";
    public const string IssuesFile = "petrarch-issues.txt";
    public const string TransformationsFile = "petrarch-transformations.txt";

    private static readonly string[] ActorSources = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"];

    public string Name => "petrarch";

    /// <summary>Reads only its own sources (the Phoenix dictionaries), no other compiled table.</summary>
    public IReadOnlyList<string> Reads => [];

    public string Compile(string sourceDirectory, string dataDirectory, CancellationToken cancellationToken)
    {
        var phoenix = Path.Combine(sourceDirectory, "phoenix");
        var verbSource = Path.Combine(phoenix, "CAMEO.verbpatterns.150430.txt");
        var errors = new List<TacitusError>();
        var verbs = PetrarchDictionaryReader.ReadVerbs(verbSource, errors);
        Write(dataDirectory, VerbsFile, verbSource, errors);

        var unmapped = verbs.Blocks.SelectMany(b => b.Patterns.Select(p => p.Code).Append(b.Code))
            .Where(c => !c.IsNull && (!Domain.CameoCode.Parse(c.Code).Success || CameoPloverTable.Shipped.Map(Domain.CameoCode.From(c.Code)) is null))
            .Select(c => c.Code).Distinct().Count();

        var actorErrors = new List<TacitusError>();
        var actorLines = new List<string>();
        foreach (var file in ActorSources)
        {
            var path = Path.Combine(phoenix, file);
            var before = actorErrors.Count;
            _ = PetrarchDictionaryReader.ReadActors(path, actorErrors);
            actorLines.AddRange(Clean(path, actorErrors.Skip(before)));
        }

        CompiledTableWriter.Write(dataDirectory, ActorsFile, Header(string.Join(", ", ActorSources)), actorLines);
        var agentSource = Path.Combine(phoenix, "Phoenix.agents.txt");
        var agentErrors = new List<TacitusError>();
        _ = PetrarchDictionaryReader.ReadAgents(agentSource, agentErrors);
        Write(dataDirectory, AgentsFile, agentSource, agentErrors);
        var discardSource = Path.Combine(phoenix, "Phoenix.discards.txt");
        var discardErrors = new List<TacitusError>();
        _ = PetrarchDictionaryReader.ReadDiscards(discardSource, discardErrors);
        Write(dataDirectory, DiscardsFile, discardSource, discardErrors);
        var issueSource = Path.Combine(phoenix, "Phoenix.IssueCoding.txt");
        var issueErrors = new List<TacitusError>();
        var issues = PetrarchDictionaryReader.ReadIssues(issueSource, issueErrors);
        Write(dataDirectory, IssuesFile, issueSource, issueErrors);
        var transformationSource = Path.Combine(phoenix, "CAMEO.2.0.txt");
        var transformationErrors = new List<TacitusError>();
        var transformations = Transformations(transformationSource, transformationErrors);
        CompiledTableWriter.Write(dataDirectory, TransformationsFile, Header(Path.GetFileName(transformationSource)), transformations);

        var dropped = errors.Count + actorErrors.Count + agentErrors.Count + discardErrors.Count + issueErrors.Count + transformationErrors.Count;
        return $"{verbs.Blocks.Count} verb blocks, {verbs.PatternCount} patterns ({unmapped} codes with no PLOVER mapping), {actorLines.Count} actor lines, agents, discards, {issues.Count} issue phrases, {transformations.Count} transformations ({dropped} unreadable lines left out{(errors.Count > 0 ? "; verbs: " + string.Join("; ", errors.Take(3)) : string.Empty)}) → data/compiled/petrarch-*";
    }

    /// <summary>
    /// The transformation lines (<c>~</c>) of PETRARCH-2's dictionary, which UD-PETRARCH's has none of, whitespace
    /// collapsed; lines the reader rejects (a TAC error with the line) are left out. Their verb words are checked
    /// against the verb dictionary only when the engine loads them (<see cref="Tacitus.Events.Tree.NestedEventTransformer.Resolve"/>).
    /// </summary>
    private static List<string> Transformations(string path, List<TacitusError> errors) =>
        [.. CleanLines(path)
            .Select(l => (l.Line, Text: l.Text.TrimStart('\t')))
            .Where(l => l.Text.StartsWith('~') && PetrarchDictionaryReader.ReadTransformation(l.Text, Path.GetFileName(path), l.Line, errors) is not null)
            .Select(l => l.Text)];

    private static void Write(string dataDirectory, string file, string source, IEnumerable<TacitusError> errors) =>
        CompiledTableWriter.Write(dataDirectory, file, Header(Path.GetFileName(source)), Clean(source, errors));

    private static string Header(string sources) =>
        $"# PETRARCH dictionary lines from {sources} (openeventdata, MIT), built by `tacitus knowledge build`; see data/NOTICE.md";

    /// <summary>The source's lines without comments, blanks and the lines the reader rejected, whitespace collapsed.</summary>
    private static List<string> Clean(string path, IEnumerable<TacitusError> errors)
    {
        var bad = errors.Select(e => e.Record).Where(r => r is not null).ToHashSet(StringComparer.Ordinal);
        return [.. CleanLines(path).Where(l => !bad.Contains($"line {l.Line}")).Select(l => l.Text)];
    }

    /// <summary>The source's lines without comments and blanks, whitespace collapsed, with their line numbers.</summary>
    private static IEnumerable<(int Line, string Text)> CleanLines(string path)
    {
        var lineNo = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNo++;
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var text = (hash >= 0 ? raw[..hash] : raw).TrimEnd();
            if (text.Trim().Length == 0 || text.TrimStart().StartsWith("<!", StringComparison.Ordinal))
            {
                continue;
            }

            // a leading tab or space is meaningful in actor files (a code line under its root): keep one
            var indent = char.IsWhiteSpace(text[0]) ? "\t" : string.Empty;
            yield return (lineNo, indent + string.Join(' ', text.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)));
        }
    }
}
