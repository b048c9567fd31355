using System.Collections.Frozen;
using Tacitus.Documents;
using Tacitus.Knowledge;

namespace Tacitus.Attributions;

/// <summary>What a verb of denial or rejection does here: deny that something happened, or turn something down; and why.</summary>
internal readonly record struct DenialVerdict(bool Denies, string Rule);

/// <summary>
/// Tells a denial ("China has denied any interest in ...", "the ministry dismissed reports that troops had crossed")
/// from a rejection ("Blair has rejected a Conservative compromise offer") or a refusal ("was denied a visa",
/// "deny people the minimum wage") by the verb and the words after it (data/events/denial.tsv). A denial says the
/// content did not happen or is not so; a rejection or refusal is an act of its own, not a denial.
/// </summary>
internal sealed class DenialReading
{
    private const int ObjectWindow = 5;

    private readonly FrozenDictionary<string, string> verbs;
    private readonly FrozenSet<string> claims;
    private readonly FrozenSet<string> refusals;
    private readonly FrozenSet<string> claimTo;
    private readonly FrozenSet<string> objects;

    public DenialReading(IEnumerable<(string Kind, string Word)> entries)
    {
        var all = entries.ToList();
        verbs = all.Where(e => e.Kind is "deny" or "reject").GroupBy(e => e.Word, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First().Kind, StringComparer.Ordinal);
        claims = Words(all, "claim");
        refusals = Words(all, "refusal");
        claimTo = Words(all, "claim-to");
        objects = Words(all, "object");
    }

    public static DenialReading Shipped { get; } = new(
        DataFile.Embedded(DataFile.ResourceName("events", "denial.tsv"))
            .Where(l => l.Fields.Length >= 2)
            .Select(l => (l.Fields[0].Trim(), l.Fields[1].Trim().ToLowerInvariant())));

    /// <summary>The words the reading needs lemmatised (its verbs).</summary>
    public IEnumerable<string> Verbs => verbs.Keys;

    /// <summary>Reads the verb at token <paramref name="verb"/> and the words after it.</summary>
    public DenialVerdict Read(SentenceWords w, int verb)
    {
        if (verb < 0 || verb >= w.Count || !(verbs.TryGetValue(w.Lemma(verb), out var kind) || verbs.TryGetValue(w.Lower(verb), out kind)))
        {
            return new DenialVerdict(false, "not a verb of denial");
        }

        return kind == "deny" ? ReadDeny(w, verb) : ReadReject(w, verb);
    }

    private DenialVerdict ReadDeny(SentenceWords w, int verb)
    {
        var next = verb + 1;
        if (Passive(w, verb) && StartsNounPhrase(w, next))
        {
            return new DenialVerdict(false, "refusal: passive with an object (\"was denied a visa\")");
        }

        if (w.IsAny(next, objects) && StartsNounPhrase(w, next + 1))
        {
            return new DenialVerdict(false, $"refusal: double object (\"denied {w.Lower(next)} ...\")");
        }

        if (next + 1 < w.Count && w.Kind(next) == TokenKind.Word && !AttributionWords.DenialDeterminers.Contains(w.Lower(next)) && w.Lower(next) != "that" && !claims.Contains(w.Lower(next))
            && AttributionWords.DenialDeterminers.Contains(w.Lower(next + 1)) && !AttributionWords.PronounDeterminers.Contains(w.Lower(next + 1)))
        {
            return new DenialVerdict(false, $"refusal: double object (\"deny {w.Lower(next)} {w.Lower(next + 1)} ...\")");
        }

        if (ObjectNoun(w, next, refusals) is int refused)
        {
            return new DenialVerdict(false, $"refusal: \"{w.Lower(refused)}\" is something withheld, not denied");
        }

        return new DenialVerdict(true, $"denial: \"{w.Lower(verb)}\" denies what follows");
    }

    private DenialVerdict ReadReject(SentenceWords w, int verb)
    {
        if (ObjectNoun(w, verb + 1, claims) is not int claim)
        {
            return new DenialVerdict(false, $"rejection: \"{w.Lower(verb)}\" turns its object down (no claim that something happened)");
        }

        if (w.IsAny(claim + 1, claimTo))
        {
            return new DenialVerdict(false, $"rejection: a claim {w.Lower(claim + 1)} something (\"{w.Lower(claim)} {w.Lower(claim + 1)}\")");
        }

        return new DenialVerdict(true, $"denial: \"{w.Lower(verb)}\" a {w.Lower(claim)} that something happened");
    }

    /// <summary>The first word of <paramref name="nouns"/> in the object (a few words after the verb, before any punctuation or clause).</summary>
    private static int? ObjectNoun(SentenceWords w, int from, FrozenSet<string> nouns)
    {
        for (var i = from; i < w.Count && i < from + ObjectWindow; i++)
        {
            if (w.IsPunctuation(i) || AttributionWords.DenialObjectStops.Contains(w.Lower(i)) && i > from)
            {
                return null;
            }

            if (nouns.Contains(w.Lower(i)))
            {
                return i;
            }
        }

        return null;
    }

    private static bool Passive(SentenceWords w, int verb)
    {
        for (var i = verb - 1; i >= 0 && i >= verb - 3; i--)
        {
            if (AttributionWords.PassiveAuxiliaries.Contains(w.Lower(i)))
            {
                return true;
            }

            if (w.IsPunctuation(i) || AttributionWords.PassiveStops.Contains(w.Lower(i)))
            {
                return false;
            }
        }

        return false;
    }

    private static bool StartsNounPhrase(SentenceWords w, int i) =>
        i < w.Count && w.Kind(i) == TokenKind.Word && !w.IsPunctuation(i)
        && w.Lower(i) is not ("by" or "that" or "in" or "on" or "at" or "as" or "to" or "for" or "and" or "but" or "because" or "after" or "when" or "since" or "yesterday" or "today");

    private static FrozenSet<string> Words(List<(string Kind, string Word)> all, string kind) =>
        all.Where(e => e.Kind == kind).Select(e => e.Word).ToFrozenSet(StringComparer.Ordinal);
}
