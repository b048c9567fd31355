using System.Collections.Frozen;
using Tacitus.Knowledge;

namespace Tacitus.Syntax.Clauses;

/// <summary>
/// A small English lemmatiser for the words the lexicons care about: irregular forms from a table
/// (met → meet, told → tell, didn't → not), then suffix rules (-s, -es, -ies, -ed, -ied, -ing, doubled consonants,
/// a dropped e) that are accepted only when they give a word some lexicon knows. Any other word is its own lemma.
/// </summary>
internal sealed class Lemmatizer
{
    private readonly FrozenDictionary<string, string> irregular;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> irregularLookup;
    private readonly FrozenSet<string> known;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> knownLookup;

    public Lemmatizer(IReadOnlyDictionary<string, string> irregularForms, IEnumerable<string> knownLemmas)
    {
        irregular = irregularForms.ToFrozenDictionary(StringComparer.Ordinal);
        irregularLookup = irregular.GetAlternateLookup<ReadOnlySpan<char>>();
        known = knownLemmas.Concat(irregular.Values).ToFrozenSet(StringComparer.Ordinal);
        knownLookup = known.GetAlternateLookup<ReadOnlySpan<char>>();
        prefixes = known.Where(k => k.Length >= 3).Select(k => k[..3]).ToFrozenSet(StringComparer.Ordinal);
        prefixLookup = prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    // every suffix rule keeps the first three letters, so a word whose prefix no known lemma has is its own lemma
    private readonly FrozenSet<string> prefixes;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> prefixLookup;

    /// <summary>The irregular forms shipped in data/events/irregular-verbs.tsv.</summary>
    public static IReadOnlyDictionary<string, string> ShippedIrregularForms { get; } = LoadIrregular();

    /// <summary>The lemma of a lower-case word; the word itself when no rule gives a known lemma.</summary>
    public string Lemma(string lower)
    {
        var word = lower.AsSpan();
        if (irregularLookup.TryGetValue(word, out var lemma))
        {
            return lemma;
        }

        if (word.EndsWith("n't", StringComparison.Ordinal))
        {
            return "not";
        }

        if (word.Length > 4 && !prefixLookup.Contains(word[..3]))
        {
            return lower;
        }

        if (knownLookup.TryGetValue(word, out var same))
        {
            return same;
        }

        Span<char> buffer = stackalloc char[Math.Min(word.Length + 2, 64)];
        if (word.Length > 60)
        {
            return lower;
        }

        if (word.EndsWith("ies") || word.EndsWith("ied"))
        {
            if (TryWithSuffix(word[..^3], "y", buffer, out lemma))
            {
                return lemma;
            }
        }

        if (word.EndsWith("ing") && word.Length > 4)
        {
            var stem = word[..^3];
            if (TryStem(stem, buffer, out lemma))
            {
                return lemma;
            }
        }

        if (word.EndsWith("ed") && word.Length > 3)
        {
            if (TryKnown(word[..^1], out lemma) || TryStem(word[..^2], buffer, out lemma))
            {
                return lemma;
            }
        }

        if (word.EndsWith('s') && word.Length > 2)
        {
            if (TryKnown(word[..^1], out lemma))
            {
                return lemma;
            }

            if (word.EndsWith("es") && TryKnown(word[..^2], out lemma))
            {
                return lemma;
            }
        }

        return lower;
    }

    private bool TryStem(ReadOnlySpan<char> stem, Span<char> buffer, out string lemma)
    {
        if (TryKnown(stem, out lemma) || TryWithSuffix(stem, "e", buffer, out lemma))
        {
            return true;
        }

        // doubled final consonant: "planning" → plan, "shelled" stays "shell" (found above)
        if (stem.Length > 2 && stem[^1] == stem[^2] && TryKnown(stem[..^1], out lemma))
        {
            return true;
        }

        lemma = string.Empty;
        return false;
    }

    private bool TryKnown(ReadOnlySpan<char> candidate, out string lemma)
    {
        if (knownLookup.TryGetValue(candidate, out var found))
        {
            lemma = found;
            return true;
        }

        lemma = string.Empty;
        return false;
    }

    private bool TryWithSuffix(ReadOnlySpan<char> stem, string suffix, Span<char> buffer, out string lemma)
    {
        if (stem.Length + suffix.Length > buffer.Length)
        {
            lemma = string.Empty;
            return false;
        }

        stem.CopyTo(buffer);
        suffix.AsSpan().CopyTo(buffer[stem.Length..]);
        return TryKnown(buffer[..(stem.Length + suffix.Length)], out lemma);
    }

    private static Dictionary<string, string> LoadIrregular()
    {
        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in DataFile.Embedded(DataFile.ResourceName("events", "irregular-verbs.tsv")))
        {
            if (line.Fields.Length >= 2)
            {
                forms[line.Fields[0].Trim()] = line.Fields[1].Trim();
            }
        }

        return forms;
    }
}
