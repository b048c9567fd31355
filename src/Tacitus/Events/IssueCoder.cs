using Tacitus.Documents;
using Tacitus.Knowledge;
using Tacitus.Knowledge.Build;
using Tacitus.Pipeline;

namespace Tacitus.Events;

/// <summary>
/// Gives each event record the issues (topics) of the sentence it was read from, as PETRARCH-2 codes them
/// (<c>get_issues</c>): the sentence is read left to right for the phrases of the issue dictionaries (the shipped
/// Phoenix list, <c>data/compiled/petrarch-issues.txt</c>, behind the user's <c>--issues</c> files), each issue code
/// counted once per occurrence; a word written <c>n:school</c> matches only a noun, by its lemma ("schools", not
/// "schooling" or the verb); an exclusion phrase (<c>~a head start</c>) found anywhere leaves the sentence with no
/// issues. Where phrases overlap, the longest one starting at a word wins and the reading goes on after it. The tags
/// and lemmas are the token layer's, already on the document.
/// </summary>
internal sealed class IssueCoder : IPipelineStage
{
    private readonly Dictionary<string, List<Phrase>> byFirstWord = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<Phrase>>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public IssueCoder(IEnumerable<PetrarchIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        foreach (var issue in issues)
        {
            foreach (var (words, nouns) in Variants(issue.Words))
            {
                if (!byFirstWord.TryGetValue(words[0], out var list))
                {
                    byFirstWord[words[0]] = list = [];
                }

                list.Add(new Phrase(words, nouns, issue.Exclusion ? null : issue.Code));
            }
        }

        lookup = byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Name => "issues";

    public Annotations Requires => Annotations.Sentences | Annotations.Tokens | Annotations.Tags | Annotations.Events;

    public Annotations Assigns => Annotations.Events;

    /// <summary>How many phrase spellings the coder looks for.</summary>
    public int PhraseCount => byFirstWord.Values.Sum(l => l.Count);

    /// <summary>The shipped issue phrases (unless <paramref name="noShipped"/>) behind the user's files; missing files and bad lines are setup errors.</summary>
    public static IssueCoder Load(IReadOnlyList<string> files, bool noShipped, List<TacitusError> errors)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(errors);
        var issues = new List<PetrarchIssue>();
        foreach (var file in files)
        {
            if (File.Exists(file))
            {
                issues.AddRange(PetrarchDictionaryReader.ReadIssues(file, errors));
            }
            else
            {
                errors.Add(new TacitusError("TAC305", "issues", "issue dictionary file not found", file));
            }
        }

        if (!noShipped)
        {
            issues.AddRange(PetrarchDictionaryReader.ReadIssues(TreeCoding.Shipped(PetrarchCompiler.IssuesFile, errors), PetrarchCompiler.IssuesFile, errors));
        }

        return new IssueCoder(issues);
    }

    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Events.Count == 0 || byFirstWord.Count == 0)
        {
            return;
        }

        var bySentence = new Dictionary<int, IReadOnlyList<IssueCount>>();
        foreach (var record in document.Events)
        {
            var sentence = document.SentenceAt(record.Evidence.Start);
            if (sentence < 0)
            {
                continue;
            }

            if (!bySentence.TryGetValue(sentence, out var issues))
            {
                bySentence[sentence] = issues = IssuesOf(document, document.Sentences[sentence]);
            }

            record.Issues = issues;
        }
    }

    /// <summary>The issue codes of one sentence with their counts, in the order first found; none when an exclusion occurs.</summary>
    internal IReadOnlyList<IssueCount> IssuesOf(Document document, Sentence sentence)
    {
        var tokens = document.TokensOf(sentence);
        var syntax = document.SyntaxOf(sentence);
        List<IssueCount>? found = null;
        var i = 0;
        while (i < tokens.Length)
        {
            var best = Longest(document.Text, tokens, syntax, i);
            if (best is null)
            {
                i++;
                continue;
            }

            if (best.Code is null)
            {
                return [];
            }

            found ??= [];
            var at = found.FindIndex(f => f.Code == best.Code);
            if (at < 0)
            {
                found.Add(new IssueCount(best.Code, 1));
            }
            else
            {
                found[at] = found[at] with { Count = found[at].Count + 1 };
            }

            i += best.Words.Length;
        }

        return found is null ? [] : found;
    }

    private Phrase? Longest(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<TokenSyntax> syntax, int start)
    {
        Phrase? best = null;
        var surface = text.AsSpan(tokens[start].Span.Start, tokens[start].Span.Length);
        if (lookup.TryGetValue(surface, out var bySurface))
        {
            best = LongestOf(bySurface, text, tokens, syntax, start, null);
        }

        if (start < syntax.Length && IsNoun(syntax[start]) && !surface.Equals(syntax[start].Lemma, StringComparison.OrdinalIgnoreCase)
            && byFirstWord.TryGetValue(syntax[start].Lemma, out var byLemma))
        {
            best = LongestOf(byLemma, text, tokens, syntax, start, best);
        }

        return best;
    }

    private static Phrase? LongestOf(List<Phrase> phrases, string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<TokenSyntax> syntax, int start, Phrase? best)
    {
        foreach (var phrase in phrases)
        {
            if ((best is null || phrase.Words.Length > best.Words.Length) && Matches(phrase, text, tokens, syntax, start))
            {
                best = phrase;
            }
        }

        return best;
    }

    private static bool Matches(Phrase phrase, string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<TokenSyntax> syntax, int start)
    {
        if (start + phrase.Words.Length > tokens.Length)
        {
            return false;
        }

        for (var k = 0; k < phrase.Words.Length; k++)
        {
            var j = start + k;
            var surface = text.AsSpan(tokens[j].Span.Start, tokens[j].Span.Length);
            if (!phrase.Nouns[k])
            {
                if (!surface.Equals(phrase.Words[k], StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }
            else if (j >= syntax.Length || !IsNoun(syntax[j])
                || !(surface.Equals(phrase.Words[k], StringComparison.OrdinalIgnoreCase) || syntax[j].Lemma.Equals(phrase.Words[k], StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNoun(TokenSyntax token) => token.Upos is "NOUN" or "PROPN";

    /// <summary>
    /// The token sequences a phrase may be written as: each word's spellings (<c>early+childhood</c>: "early childhood"
    /// as two tokens, "early-childhood" as one token or as three, "earlychildhood"), the noun rule on each word's last token.
    /// </summary>
    private static List<(string[] Words, bool[] Nouns)> Variants(IReadOnlyList<IssueWord> words)
    {
        var result = new List<(string[] Words, bool[] Nouns)> { ([], []) };
        foreach (var word in words)
        {
            var forms = new List<string[]>();
            foreach (var spelling in word.Spellings)
            {
                forms.Add(spelling.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                if (spelling.Contains('-', StringComparison.Ordinal))
                {
                    forms.Add([.. spelling.Split('-').SelectMany((p, n) => n == 0 ? new[] { p } : ["-", p])]);
                }
            }

            result = [.. result.SelectMany(r => forms.Select(f => (
                (string[])[.. r.Words, .. f],
                (bool[])[.. r.Nouns, .. f.Select((_, n) => word.Noun && n == f.Length - 1)])))];
        }

        return [.. result.Where(r => r.Words.Length > 0)];
    }

    /// <summary>One spelling of an issue phrase as tokens; <see cref="Code"/> null for an exclusion.</summary>
    private sealed record Phrase(string[] Words, bool[] Nouns, string? Code);
}
