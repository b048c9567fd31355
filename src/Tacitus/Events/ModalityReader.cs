using System.Collections.Frozen;
using Tacitus.Knowledge;
using Tacitus.Documents;

namespace Tacitus.Events;

/// <summary>What the words around a trigger say about it: negated, hedged, future, conditional; and the rule.</summary>
internal readonly record struct ModalityReading(bool Negated, bool Hedged, bool Future, bool Conditional, string Rule);

/// <summary>
/// Reads negation, hedges, future/plans and conditionals from data/events/modality.tsv in the words between the
/// clause's subject and the trigger ("did not meet", "could return", "will visit", "a potential summit"), and
/// conditionals from the clause the trigger is in ("if ...", "unless ..."). Denial comes from the attribution
/// (a denial's content) or the pattern (deny), not from here.
/// </summary>
internal sealed class ModalityReader
{
    private readonly (string Kind, string[] Words)[] phrases;

    public ModalityReader(IEnumerable<(string Kind, string Phrase)> entries)
    {
        phrases = [.. entries.Select(e => (e.Kind, e.Phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries)))];
        Words = phrases.SelectMany(p => p.Words).ToFrozenSet(StringComparer.Ordinal);
    }

    public static ModalityReader Shipped { get; } = new(
        DataFile.Embedded(DataFile.ResourceName("events", "modality.tsv"))
            .Where(l => l.Fields.Length >= 2)
            .Select(l => (l.Fields[0].Trim(), l.Fields[1].Trim().ToLowerInvariant())));

    public FrozenSet<string> Words { get; }

    /// <summary>The kind (negation, hedge, future, conditional) of a one-word entry ("not", "could", "if"), or null.</summary>
    public string? KindOf(string word)
    {
        foreach (var (kind, phrase) in phrases)
        {
            if (phrase.Length == 1 && phrase[0] == word)
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>Reads tokens [from, to) (the words before the trigger) plus the clause kind.</summary>
    public ModalityReading Read(SentenceWords words, int from, int to, bool clauseIsConditional)
    {
        bool negated = false, hedged = false, future = false, conditional = clauseIsConditional;
        var rules = new List<string>(2);
        if (clauseIsConditional)
        {
            rules.Add("conditional clause (if/unless)");
        }

        for (var i = Math.Max(0, from); i < to && i < words.Count; i++)
        {
            foreach (var (kind, phrase) in phrases)
            {
                if (!PhraseAt(words, i, to, phrase))
                {
                    continue;
                }

                var before = (negated, hedged, future, conditional);
                switch (kind)
                {
                    case "negation":
                        // a bare "no" negates only the noun right after it ("no talks")
                        negated |= !(phrase.Length == 1 && phrase[0] == "no" && i + 1 < to);
                        break;
                    case "hedge":
                        hedged = true;
                        break;
                    case "future":
                        future = true;
                        break;
                    case "conditional":
                        conditional = true;
                        break;
                    default:
                        break;
                }

                if (before != (negated, hedged, future, conditional))
                {
                    rules.Add($"{kind} \"{string.Join(' ', phrase)}\"");
                }
            }

            if (words.Lower(i) == "won't")
            {
                future = true;
            }
        }

        return new ModalityReading(negated, hedged, future, conditional, rules.Count == 0 ? "asserted (no modal words)" : string.Join(", ", rules));
    }

    private static bool PhraseAt(SentenceWords words, int i, int to, string[] phrase)
    {
        if (i + phrase.Length > to)
        {
            return false;
        }

        for (var k = 0; k < phrase.Length; k++)
        {
            if (!words.Is(i + k, phrase[k]))
            {
                return false;
            }
        }

        return true;
    }
}
