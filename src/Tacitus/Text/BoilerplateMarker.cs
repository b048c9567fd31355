using System.Text.RegularExpressions;
using Tacitus.Documents;
using Tacitus.Pipeline;

namespace Tacitus.Text;

/// <summary>
/// Marks the sentences that are not news: outlet tag lines and bylines at the top, subscription and support pleas,
/// share/follow lines, credits and copyright lines. The rules are data (<see cref="BoilerplateRules"/>); a marked
/// sentence keeps its text and offsets and gets <see cref="Sentence.BoilerplateRule"/>. An outlet tag line
/// ("• Bloomberg", "(AP) —") fills <see cref="DocumentMetadata.Outlet"/> when the input did not name the outlet.
/// </summary>
internal sealed class BoilerplateMarker : IPipelineStage
{
    private const int HeadParagraphs = 2;

    private const int TailParagraphs = 3;

    /// <summary>Sentences starting this close to the end are in the tail too (a plea split over short lines).</summary>
    private const int TailCharacters = 600;

    /// <summary>The rules that apply where a sentence is, by <see cref="GateIndex"/>: head, tail and last paragraph.</summary>
    private readonly BoilerplateGate[] gates = new BoilerplateGate[8];

    private readonly int mostRules;

    public BoilerplateMarker()
        : this(BoilerplateRules.Default)
    {
    }

    public BoilerplateMarker(IReadOnlyList<BoilerplateRule> rules)
    {
        for (var index = 0; index < gates.Length; index++)
        {
            var applying = new List<BoilerplateRule>();
            foreach (var rule in rules)
            {
                var applies = rule.Scope switch
                {
                    BoilerplateScope.Head => (index & 1) != 0,
                    BoilerplateScope.Tail => (index & 2) != 0,
                    BoilerplateScope.Last => (index & 4) != 0,
                    _ => true,
                };
                if (applies)
                {
                    applying.Add(rule);
                }
            }

            gates[index] = new BoilerplateGate(applying);
            mostRules = Math.Max(mostRules, applying.Count);
        }
    }

    public string Name => "boilerplate";

    public Annotations Requires => Annotations.Sentences;

    public Annotations Assigns => Annotations.Boilerplate;

    public bool EnglishOnly => false;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        StageRequirements.Enter(this, document);
        var sentences = document.Sentences;
        if (sentences.Count == 0)
        {
            return;
        }

        var lastParagraph = sentences[^1].Paragraph;
        var tailFrom = lastParagraph - TailParagraphs + 1;
        var tailStart = document.Text.Length - TailCharacters;
        Span<bool> candidates = mostRules <= 256 ? stackalloc bool[mostRules] : new bool[mostRules];
        for (var index = 0; index < sentences.Count; index++)
        {
            var sentence = sentences[index];
            if (IsQuoteAttribution(document, index))
            {
                continue;
            }

            var head = sentence.Paragraph < HeadParagraphs;
            var tail = sentence.Paragraph >= tailFrom || sentence.Span.Start >= tailStart;
            var last = sentence.Paragraph == lastParagraph;
            var text = document.Slice(sentence.Span);
            var gate = gates[GateIndex(head, tail, last)];
            var marks = candidates[..gate.Rules.Count];
            marks.Clear();
            gate.Mark(text, marks);
            for (var r = 0; r < marks.Length; r++)
            {
                if (!marks[r])
                {
                    continue;
                }

                var rule = gate.Rules[r];
                if (!TryMatch(document, rule, text, out var outlet))
                {
                    continue;
                }

                sentence.Boilerplate = true;
                sentence.BoilerplateRule = rule.Name;
                if (outlet.Length > 0 && document.Metadata.Outlet is null)
                {
                    document.Metadata = document.Metadata with { Outlet = outlet.ToString() };
                }

                break;
            }
        }
    }

    private static int GateIndex(bool head, bool tail, bool last) => (head ? 1 : 0) | (tail ? 2 : 0) | (last ? 4 : 0);

    /// <summary>A dash line right after a quotation names who said it ("“...”" then "― Jane Roe"): it is not a sign-off.</summary>
    private static bool IsQuoteAttribution(Document document, int index)
    {
        if (index == 0)
        {
            return false;
        }

        var text = document.Text;
        var sentence = document.Sentences[index].Span;
        var previous = document.Sentences[index - 1].Span;
        return text[sentence.Start] is '-' or '–' or '—' or '―' && text[previous.End - 1] is '”' or '"' or '’' or '\'';
    }

    private bool TryMatch(Document document, BoilerplateRule rule, ReadOnlySpan<char> text, out ReadOnlySpan<char> outlet)
    {
        outlet = default;
        try
        {
            if (rule.Scope != BoilerplateScope.Head)
            {
                return rule.Pattern.IsMatch(text);
            }

            // Head rules may name the outlet; only they need the (allocating) Match.
            if (!rule.Pattern.IsMatch(text))
            {
                return false;
            }

            var match = rule.Pattern.Match(text.ToString());
            var group = match.Groups[BoilerplateRule.OutletGroup];
            if (group.Success)
            {
                outlet = group.ValueSpan.Trim();
            }

            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            document.Warnings.Add(new TacitusError("TAC210", Name, $"boilerplate rule '{rule.Name}' timed out on a sentence; the rule was skipped for it", document.Metadata.Origin));
            return false;
        }
    }
}
