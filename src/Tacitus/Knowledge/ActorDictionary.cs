namespace Tacitus.Knowledge;

/// <summary>Named actors (people, organisations, countries) by normalised phrase: names, aliases and synonyms.</summary>
public sealed class ActorDictionary
{
    internal ActorDictionary(PhraseIndex<ActorEntry> index) => Index = index;

    internal PhraseIndex<ActorEntry> Index { get; }

    public int Count => Index.Count;

    /// <summary>The entries a whole phrase names ("Kim Jong-un", "KCNA"); empty when none.</summary>
    public IReadOnlyList<ActorEntry> Lookup(ReadOnlySpan<char> phrase) =>
        Index.TryGet(PhraseKey.Normalize(phrase.ToString()), out var found) ? found : [];
}
