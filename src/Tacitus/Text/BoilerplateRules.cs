using System.Text.RegularExpressions;

namespace Tacitus.Text;

/// <summary>Where in a document a boilerplate rule applies.</summary>
internal enum BoilerplateScope : byte
{
    /// <summary>Every sentence.</summary>
    Any,

    /// <summary>The first two paragraphs: outlet tag lines, bylines.</summary>
    Head,

    /// <summary>The last three paragraphs, or the last 600 characters: support and donation pleas.</summary>
    Tail,

    /// <summary>The last paragraph: sign-offs ("— Reuters").</summary>
    Last,
}

/// <summary>One boilerplate rule: a name (reported as <c>Sentence.BoilerplateRule</c>), a scope and a pattern.</summary>
internal sealed record BoilerplateRule(string Name, BoilerplateScope Scope, Regex Pattern)
{
    /// <summary>The group that names the outlet in a tag line ("• Bloomberg").</summary>
    public const string OutletGroup = "outlet";

    /// <summary>
    /// The literals one of which a sentence the pattern matches holds (or starts with), read from the pattern; null
    /// when it has none. Most sentences hold none of a rule's literals, so its expression is not run on them. Options
    /// that change how the pattern's text reads (whitespace ignored, ^ at every line, right to left) give no filter.
    /// </summary>
    public LiteralFilter? Filter { get; } =
        (Pattern.Options & (RegexOptions.IgnorePatternWhitespace | RegexOptions.Multiline | RegexOptions.RightToLeft)) == 0 ? RequiredLiterals.Of(Pattern.ToString()) : null;
}

/// <summary>
/// The boilerplate rule table, read from <c>data/text/boilerplate.tsv</c> (embedded): name, scope, regex per line.
/// </summary>
internal static class BoilerplateRules
{
    private const string ResourceName = "Tacitus.Text.boilerplate.tsv";

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private static readonly Lazy<IReadOnlyList<BoilerplateRule>> Shipped = new(LoadShipped);

    /// <summary>
    /// The rules shipped in the assembly, parsed once. They run interpreted: <see cref="BoilerplateGate"/> lets few
    /// sentences reach them, and compiling them was 77 KB of code for the first pass to compile (docs/PERFORMANCE.md, s14-hot).
    /// </summary>
    public static IReadOnlyList<BoilerplateRule> Default => Shipped.Value;

    /// <summary>Parses a rule table; the result names the first bad line.</summary>
    public static ParseResult<IReadOnlyList<BoilerplateRule>> Parse(TextReader reader, string source)
    {
        var rules = new List<BoilerplateRule>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 3)
            {
                return ParseResult<IReadOnlyList<BoilerplateRule>>.Fail($"{source}:{lineNumber}: expected 3 tab-separated fields (name, scope, regex), found {fields.Length}");
            }

            BoilerplateScope scope;
            switch (fields[1])
            {
                case "any": scope = BoilerplateScope.Any; break;
                case "head": scope = BoilerplateScope.Head; break;
                case "tail": scope = BoilerplateScope.Tail; break;
                case "last": scope = BoilerplateScope.Last; break;
                default: return ParseResult<IReadOnlyList<BoilerplateRule>>.Fail($"{source}:{lineNumber}: scope '{fields[1]}' is not any, head, tail or last");
            }

            Regex pattern;
            try
            {
                pattern = new Regex(fields[2], RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, MatchTimeout);
            }
            catch (ArgumentException ex)
            {
                return ParseResult<IReadOnlyList<BoilerplateRule>>.Fail($"{source}:{lineNumber}: rule '{fields[0]}' has a bad pattern: {ex.Message}");
            }

            rules.Add(new BoilerplateRule(fields[0], scope, pattern));
        }

        return ParseResult<IReadOnlyList<BoilerplateRule>>.Ok(rules);
    }

    private static IReadOnlyList<BoilerplateRule> LoadShipped()
    {
        using var stream = typeof(BoilerplateRules).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"TAC201 boilerplate: embedded resource '{ResourceName}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var result = Parse(reader, "data/text/boilerplate.tsv");
        return result.Success ? result.Value : throw new InvalidOperationException($"TAC202 boilerplate: {result.Error}");
    }
}
