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

    private readonly IReadOnlyList<BoilerplateRule> rules;

    public BoilerplateMarker()
        : this(BoilerplateRules.Default)
    {
    }

    public BoilerplateMarker(IReadOnlyList<BoilerplateRule> rules) => this.rules = rules;

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
            foreach (var rule in rules)
            {
                var applies = rule.Scope switch
                {
                    BoilerplateScope.Head => head,
                    BoilerplateScope.Tail => tail,
                    BoilerplateScope.Last => last,
                    _ => true,
                };
                if (!applies || (rule.Filter is { } filter && !filter.MayMatch(text)))
                {
                    continue;
                }

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
