using System.Collections.Frozen;

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
/// make "the U.S. The talks..." a break) and speech verbs (which keep "“Why?” Trump asked." one sentence).
/// Kept as compact static tables; lookups take spans, so nothing is allocated per token.
/// </summary>
internal static class SegmentationLexicon
{
    private const string Titles =
        "Mr Mrs Ms Mme Mlle Messrs Dr Drs Prof Gen Gens Sen Sens Rep Reps Gov Govs Lt Col Capt Cpt Sgt Maj Adm Cmdr " +
        "Cdr Cpl Pvt Rev Hon Pres Supt Det Insp Atty Msgr Sec Ft Amb Brig Lieut Fr Sra Mx";

    private const string NumberPrefixes = "No Nos Vol Vols Art Arts Fig Figs pp Nr Ch Pt";

    private const string Months = "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec";

    private const string General =
        "Corp Inc Co Cos Ltd Plc Jr Sr Bros Dept Univ Assn Ave Blvd Rd St Mt Ste Esq etc vs approx est incl " +
        "Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev " +
        "Okla Ore Pa Penn Tenn Tex Vt Va Wash Wis Wyo Mon Tue Tues Wed Thu Thur Thurs Fri";

    private const string Starters =
        "The A An He She It They We I You His Her Its Their Our My Your This That These Those There Here " +
        "But And Or So Yet Still However Meanwhile Moreover Furthermore Nevertheless Instead Also Indeed " +
        "In On At For With As After Before When While If Although Though Because Since During Despite Under Over " +
        "Some Many Most Several Both Each Every All None Other Others Another One Such What Why How Who Where Which " +
        "Now Then Today Yesterday Tomorrow Earlier Later Last Next Asked According Officials Analysts Critics";

    private const string SpeechVerbs =
        "said says say told tells asked asks added adds wrote writes replied replies continued explained noted " +
        "insisted argued declared shouted tweeted stated warned recalled responded countered quipped";

    private static readonly FrozenDictionary<string, AbbreviationKind> AbbreviationTable = BuildAbbreviations();

    private static readonly FrozenDictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup =
        AbbreviationTable.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StarterLookup =
        Starters.Split(' ').ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechVerbLookup =
        SpeechVerbs.Split(' ').ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The kind of <paramref name="word"/> (without its period), case-sensitive: "Ill." is Illinois, "ill." is not.</summary>
    public static AbbreviationKind Classify(ReadOnlySpan<char> word) =>
        AbbreviationLookup.TryGetValue(word, out var kind) ? kind : AbbreviationKind.None;

    public static bool IsSentenceStarter(ReadOnlySpan<char> word) => StarterLookup.Contains(word);

    public static bool IsSpeechVerb(ReadOnlySpan<char> word) => SpeechVerbLookup.Contains(word);

    private static FrozenDictionary<string, AbbreviationKind> BuildAbbreviations()
    {
        var table = new Dictionary<string, AbbreviationKind>(StringComparer.Ordinal);
        Add(table, General, AbbreviationKind.General);
        Add(table, Months, AbbreviationKind.Month);
        Add(table, NumberPrefixes, AbbreviationKind.NumberPrefix);
        Add(table, Titles, AbbreviationKind.Title);
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, AbbreviationKind> table, string words, AbbreviationKind kind)
    {
        foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            table[word.TrimEnd('.')] = kind;
        }
    }
}
