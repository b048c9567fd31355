using System.Buffers;

namespace Tacitus.Text;

/// <summary>
/// Which of a list of boilerplate rules may match a sentence, from the rules' <see cref="LiteralFilter"/>s, with one
/// scan of the sentence for all unanchored rules' literals together and one look at its first character for the
/// anchored ones. Most sentences hold no rule's literal, so no rule's expression runs on them; a rule without a filter
/// is always a candidate.
/// </summary>
internal sealed class BoilerplateGate
{
    private readonly int[] always;

    private readonly int[] anywhereRules;

    /// <summary>The unanchored rules' literals written in ASCII (a vectorised search; a non-ASCII literal makes it slow).</summary>
    private readonly SearchValues<string>? anywhere;

    /// <summary>
    /// For each unanchored literal holding a character outside ASCII, that character, and the ASCII case mates
    /// (<see cref="LiteralFilter.HoldsAsciiCaseMate"/>): a text holding none of them needs only <see cref="anywhere"/>.
    /// </summary>
    private readonly SearchValues<char> rare;

    /// <summary>The anchored rules by the first character of their literals, lower case.</summary>
    private readonly Dictionary<char, int[]> byFirst;

    public BoilerplateGate(IReadOnlyList<BoilerplateRule> rules)
    {
        Rules = rules;
        var alwaysList = new List<int>();
        var anywhereList = new List<int>();
        var literals = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var rareCharacters = new HashSet<char>();
        foreach (var c in LiteralFilter.AsciiCaseMateCharacters)
        {
            rareCharacters.Add(c);
        }
        var first = new Dictionary<char, List<int>>();
        for (var i = 0; i < rules.Count; i++)
        {
            var filter = rules[i].Filter;
            if (filter is null)
            {
                alwaysList.Add(i);
                continue;
            }

            if (!filter.AtStart)
            {
                anywhereList.Add(i);
                foreach (var literal in filter.Literals)
                {
                    var outside = literal.AsSpan().IndexOfAnyExceptInRange('\0', '\x7f');
                    if (outside < 0)
                    {
                        literals.Add(literal);
                    }
                    else
                    {
                        rareCharacters.Add(literal[outside]);
                    }
                }

                continue;
            }

            foreach (var literal in filter.Literals)
            {
                var key = char.ToLowerInvariant(literal[0]);
                if (!first.TryGetValue(key, out var list))
                {
                    first[key] = list = [];
                }

                if (list.Count == 0 || list[^1] != i)
                {
                    list.Add(i);
                }
            }
        }

        always = [.. alwaysList];
        anywhereRules = [.. anywhereList];
        anywhere = literals.Count > 0 ? SearchValues.Create([.. literals], StringComparison.OrdinalIgnoreCase) : null;
        rare = SearchValues.Create([.. rareCharacters]);
        byFirst = new Dictionary<char, int[]>(first.Count);
        foreach (var (key, list) in first)
        {
            byFirst[key] = [.. list];
        }
    }

    /// <summary>The rules, in the order they are tried.</summary>
    public IReadOnlyList<BoilerplateRule> Rules { get; }

    /// <summary>Sets <paramref name="candidates"/>[i] (one per rule, cleared by the caller) for each rule that may match.</summary>
    public void Mark(ReadOnlySpan<char> text, Span<bool> candidates)
    {
        var holdsRare = text.ContainsAny(rare);
        if (holdsRare && LiteralFilter.HoldsAsciiCaseMate(text))
        {
            candidates[..Rules.Count].Fill(true);
            return;
        }

        foreach (var i in always)
        {
            candidates[i] = true;
        }

        if (!text.IsEmpty && byFirst.TryGetValue(char.ToLowerInvariant(text[0]), out var anchored))
        {
            foreach (var i in anchored)
            {
                candidates[i] = Rules[i].Filter!.MayMatchOrdinally(text);
            }
        }

        if (holdsRare || (anywhere is not null && text.ContainsAny(anywhere)))
        {
            foreach (var i in anywhereRules)
            {
                candidates[i] = Rules[i].Filter!.MayMatchOrdinally(text);
            }
        }
    }
}
