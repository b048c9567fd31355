using System.Collections.Frozen;
using Tacitus.Knowledge;

namespace Tacitus.Mentions;

/// <summary>
/// The word lists the actor and coreference readers test tokens against, from data/mentions/name-words.tsv (see its
/// header for what each list means). Loaded once; a missing list is a build fault and fails at first use.
/// </summary>
internal static class MentionWords
{
    private static readonly WordLists Lists = WordLists.Embedded("mentions", "name-words.tsv");

    /// <summary>A company's legal form after its name ("Corp", "LLC", "Bros"), as a normalised key.</summary>
    public static FrozenSet<string> CompanySuffixes { get; } = Lists["company-suffix"];

    /// <summary>Short forms of organisation words that take a full stop ("Dept", "Univ").</summary>
    public static FrozenSet<string> OrgAbbreviations { get; } = Lists["org-abbreviation"];

    public static FrozenSet<string> NameParticles { get; } = Lists["name-particle"];

    /// <summary>Words a name in capitals keeps in lower case after its first word ("Bank of ...").</summary>
    public static FrozenSet<string> LowerCaseNameWords { get; } = Lists["lower-case-name-word"];

    public static FrozenSet<string> HeadRoles { get; } = Lists["head-role"];

    public static FrozenSet<string> EmployerPrepositions { get; } = Lists["employer-preposition"];

    public static FrozenSet<string> Joiners { get; } = Lists["joiner"];

    public static FrozenSet<string> IndefiniteArticles { get; } = Lists["indefinite-article"];

    public static FrozenSet<string> CommonDeterminers { get; } = Lists["common-determiner"];

    public static FrozenSet<string> AppositionOpeners { get; } = Lists["apposition-opener"];

    public static FrozenSet<string> SpeechBeforeName { get; } = Lists["speech-before-name"];
}
