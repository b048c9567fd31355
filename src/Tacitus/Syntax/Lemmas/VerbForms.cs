using System.Collections.Frozen;

namespace Tacitus.Syntax.Lemmas;

/// <summary>
/// Verb readings from the shipped lemma table. <see cref="LemmaOf"/>: every form the treebanks have as an inflected
/// verb ("shot", "praises", "promising"), in lower case, with its verb lemma; the rule readers match event and cue
/// verbs on lemmas whatever a word's tag, so a verb form the tagger reads as a noun or adjective ("police shot two
/// men" with "shot" a noun, a headline's "Praises") still meets its verb's patterns; the token layer keeps the
/// tagger's lemma. <see cref="IsAuxiliary"/>: the lemmas of auxiliaries and particles ("be", "have", "do", "not"),
/// which the clause rules read whatever the tables list.
/// </summary>
internal static class VerbForms
{
    private static readonly Lazy<(FrozenDictionary<string, string> Forms, FrozenSet<string> Auxiliaries, int[] Verbs)> Shipped = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The verb lemma of a lower-case form the treebanks have as an inflected verb, or null.</summary>
    public static string? LemmaOf(string lower) => Shipped.Value.Forms.GetValueOrDefault(lower);

    /// <summary>
    /// The first lemma the table's verb edits give an unseen <paramref name="lower"/> that <paramref name="accept"/>
    /// takes, or null: how a headline's capitalised verb the treebanks never saw ("Endorses") is read as a verb.
    /// </summary>
    public static string? GuessedLemma(string lower, Func<string, bool> accept)
    {
        ArgumentNullException.ThrowIfNull(accept);
        var lemmas = SyntaxModels.ShippedTagger.Lemmas;
        foreach (var tag in Shipped.Value.Verbs)
        {
            var lemma = lemmas.Lemma(lower, tag, properNoun: false, verb: true);
            if (lemma != lower && accept(lemma))
            {
                return lemma;
            }
        }

        return null;
    }

    /// <summary>True for a lemma the treebanks give auxiliaries or particles ("be", "have", "not").</summary>
    public static bool IsAuxiliary(string lemma) => Shipped.Value.Auxiliaries.Contains(lemma);

    private static (FrozenDictionary<string, string>, FrozenSet<string>, int[]) Load()
    {
        var (tagger, lemmas) = SyntaxModels.ShippedTagger;
        var verbs = new HashSet<int>();
        var auxiliaries = new HashSet<int>();
        for (var t = 0; t < tagger.Upos.Length; t++)
        {
            (tagger.Upos[t] switch
            {
                "VERB" => verbs,
                "AUX" or "PART" => auxiliaries,
                _ => null,
            })?.Add(t);
        }

        return (lemmas.InflectedForms(verbs), lemmas.LemmasOf(auxiliaries), [.. verbs.Order()]);
    }
}
