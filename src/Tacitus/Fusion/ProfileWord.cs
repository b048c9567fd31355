namespace Tacitus.Fusion;

/// <summary>
/// A word <see cref="DocumentProfile"/> has met, kept from one document to the next so a word seen before costs no new
/// string: its key (lower-cased, plural folded), its count in the document being profiled, and the document frequency
/// story clustering last found for it (so a profile word costs no look-up in the frequency table either).
/// </summary>
internal sealed class ProfileWord(string key)
{
    public string Key { get; } = key;

    /// <summary>Its count in the document of <see cref="Stamp"/> (headline words count three times).</summary>
    public double Count { get; set; }

    /// <summary>Which document <see cref="Count"/> belongs to: it starts again from zero when a new one first meets the word.</summary>
    public int Stamp { get; set; }

    /// <summary>
    /// The word's entry in story clustering's frequency table, or null when not looked up since the table last let
    /// entries go (<see cref="DocumentProfile.Unlink"/>): a link never outlives the entry it leads to.
    /// </summary>
    public TermFrequency? Frequency { get; set; }
}
