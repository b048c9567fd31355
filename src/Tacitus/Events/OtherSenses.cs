using System.Collections.Frozen;
using Tacitus.Knowledge;

namespace Tacitus.Events;

/// <summary>
/// Objects that give a trigger verb another sense than the one its patterns code (data/events/other-senses.tsv):
/// "met expectations" is fulfilling, not meeting. Keyed by the verb's lemma, then the object's head lemma.
/// </summary>
internal sealed class OtherSenses
{
    private readonly FrozenDictionary<string, FrozenSet<string>> objects;

    // Verbs listed with a preposition ("meet" of "meet with"), so the two-word key is built only for them.
    private readonly FrozenSet<string> withPreposition;

    public OtherSenses(IEnumerable<(string Verb, string Object)> entries)
    {
        objects = entries
            .GroupBy(e => e.Verb, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(e => e.Object).ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
        withPreposition = objects.Keys
            .Where(k => k.Contains(' ', StringComparison.Ordinal))
            .Select(k => k[..k.IndexOf(' ', StringComparison.Ordinal)])
            .ToFrozenSet(StringComparer.Ordinal);
    }

    public static OtherSenses Shipped { get; } = new(
        DataFile.Embedded(DataFile.ResourceName("events", "other-senses.tsv"))
            .Where(l => l.Fields.Length >= 2)
            .Select(l => (l.Fields[0].Trim().ToLowerInvariant(), l.Fields[1].Trim().ToLowerInvariant())));

    /// <summary>Whether the table lists <paramref name="verb"/> with some preposition after it ("meet with").</summary>
    public bool ListsWithPreposition(string verb) => withPreposition.Contains(verb);

    /// <summary>Whether the table lists objects for <paramref name="verb"/> (so its object is worth reading).</summary>
    public bool Lists(string verb) => objects.ContainsKey(verb);

    /// <summary>Whether <paramref name="verb"/> with an object headed by <paramref name="objectHead"/> is another sense.</summary>
    public bool Changes(string verb, string objectHead) =>
        objects.TryGetValue(verb, out var heads) && heads.Contains(objectHead);
}
