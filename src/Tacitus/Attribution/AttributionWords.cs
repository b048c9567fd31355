using System.Collections.Frozen;
using Tacitus.Knowledge;

namespace Tacitus.Attributions;

/// <summary>
/// The word lists the attribution readers test tokens against, from data/attribution/words.tsv (see its header for what
/// each list means). Loaded once; a missing list is a build fault and fails at first use.
/// </summary>
internal static class AttributionWords
{
    private static readonly WordLists Lists = WordLists.Embedded("attribution", "words.tsv");

    public static FrozenSet<string> SkipBeforeCue { get; } = Lists["skip-before-cue"];

    public static FrozenSet<string> SourceBoundaries { get; } = Lists["source-boundary"];

    public static FrozenSet<string> NounMarkers { get; } = Lists["noun-marker"];

    public static FrozenSet<string> NotASource { get; } = Lists["not-a-source"];

    public static FrozenSet<string> DenialDeterminers { get; } = Lists["denial-determiner"];

    public static FrozenSet<string> PronounDeterminers { get; } = Lists["pronoun-determiner"];

    public static FrozenSet<string> Modals { get; } = Lists["modal"];

    public static FrozenSet<string> PassiveAuxiliaries { get; } = Lists["passive-auxiliary"];

    public static FrozenSet<string> PassiveStops { get; } = Lists["passive-stop"];

    public static FrozenSet<string> DenialObjectStops { get; } = Lists["denial-object-stop"];

    public static FrozenSet<string> Anaphors { get; } = Lists["anaphor"];

    public static FrozenSet<string> PersonPronouns { get; } = Lists["person-pronoun"];

    public static FrozenSet<string> SpeakerPronouns { get; } = Lists["speaker-pronoun"];

    public static FrozenSet<string> OrganisationHeads { get; } = Lists["organisation-head"];

    public static FrozenSet<string> NameConjunctions { get; } = Lists["name-conjunction"];

    public static FrozenSet<string> ClauseLinks { get; } = Lists["clause-link"];

    public static FrozenSet<string> SubjectRelatives { get; } = Lists["subject-relative"];

    public static FrozenSet<string> PersonRelatives { get; } = Lists["person-relative"];

    public static FrozenSet<string> ObjectRelatives { get; } = Lists["object-relative"];

    public static FrozenSet<string> Listeners { get; } = Lists["listener"];

    public static FrozenSet<string> VerbContextBefore { get; } = Lists["verb-context-before"];

    public static FrozenSet<string> PrepositionsAfterCue { get; } = Lists["preposition-after-cue"];

    public static FrozenSet<string> ClauseVerbs { get; } = Lists["clause-verb"];

    public static FrozenSet<string> AsideVerbs { get; } = Lists["aside-verb"];

    public static FrozenSet<string> ArticlePrepositions { get; } = Lists["article-preposition"];

    public static FrozenSet<string> AsideOpeners { get; } = Lists["aside-opener"];
}
