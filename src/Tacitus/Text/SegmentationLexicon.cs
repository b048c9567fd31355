using System.Collections.Frozen;
using Tacitus.Knowledge;

namespace Tacitus.Text;

/// <summary>How an abbreviation that ends in a period behaves at a possible sentence end.</summary>
internal enum AbbreviationKind : byte
{
    None,

    /// <summary>Precedes a name ("Mr.", "Gen.", "Sen."): never ends a sentence.</summary>
    Title,

    /// <summary>Precedes a number ("No. 10", "Vol. 3"): no break before a digit, an ordinary word otherwise.</summary>
    NumberPrefix,

    /// <summary>A month ("Jan. 9"): no break before a digit; a break only before a sentence starter.</summary>
    Month,

    /// <summary>May end a sentence ("Corp.", "Inc.", "U.S."): a break only before a sentence starter.</summary>
    General,
}

/// <summary>
/// The small closed word lists the segmenter needs: abbreviations by kind, common sentence starters (the words that
/// make "the U.S. The talks..." a break) and speech verbs (which keep "“Why?” Trump asked." one sentence), from
/// data/text/segmentation-words.tsv (see its header), read once through <see cref="WordLists"/>; lookups take spans, so
/// nothing is allocated per token.
/// </summary>
internal static class SegmentationLexicon
{
    private static readonly WordLists Lists = WordLists.Resource("Tacitus.Text.segmentation-words.tsv", "data/text/segmentation-words.tsv");

    private static readonly FrozenDictionary<string, AbbreviationKind> AbbreviationTable = BuildAbbreviations();

    private static readonly FrozenDictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup =
        AbbreviationTable.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StarterLookup =
        Lists["starter"].GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechVerbLookup =
        Lists["speech-verb"].ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The kind of <paramref name="word"/> (without its period), case-sensitive: "Ill." is Illinois, "ill." is not.</summary>
    public static AbbreviationKind Classify(ReadOnlySpan<char> word) =>
        AbbreviationLookup.TryGetValue(word, out var kind) ? kind : AbbreviationKind.None;

    public static bool IsSentenceStarter(ReadOnlySpan<char> word) => StarterLookup.Contains(word);

    public static bool IsSpeechVerb(ReadOnlySpan<char> word) => SpeechVerbLookup.Contains(word);

    private static FrozenDictionary<string, AbbreviationKind> BuildAbbreviations()
    {
        // a word in two lists takes the later kind here: title over number prefix over month over general
        var table = new Dictionary<string, AbbreviationKind>(StringComparer.Ordinal);
        Add(table, "general", AbbreviationKind.General);
        Add(table, "month", AbbreviationKind.Month);
        Add(table, "number-prefix", AbbreviationKind.NumberPrefix);
        Add(table, "title", AbbreviationKind.Title);
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, AbbreviationKind> table, string list, AbbreviationKind kind)
    {
        foreach (var word in Lists[list])
        {
            table[word.TrimEnd('.')] = kind;
        }
    }
}
