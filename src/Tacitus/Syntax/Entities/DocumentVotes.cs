using Tacitus.Documents;
using Tacitus.Syntax.Learning;

namespace Tacitus.Syntax.Entities;

/// <summary>
/// What the recogniser's first pass said about each word across one document, for the second pass (Krishnan and
/// Manning 2006): per lower-case word (hashed as <see cref="FeatureKey.AddLower"/> hashes it), how many of its
/// occurrences the first pass put outside any name and inside a name of each type. A name written several times in
/// a document ("Quellco" in a headline, a quote and a sign-off) is then read with what the other occurrences said.
/// One instance per document; not shared between threads.
/// </summary>
internal sealed class DocumentVotes
{
    /// <summary>
    /// Outside, then one per entity type (<see cref="BilouTags.Types"/>); a constant because <see cref="Counts"/> packs
    /// each category in fixed bits (12 of a 64-bit value, 2 of a 32-bit one), so a test holds it to the type count and
    /// the widths: a new type must widen them, not overflow them silently.
    /// </summary>
    public const int Categories = 5;

    private readonly Dictionary<ulong, Counts> counts = [];

    /// <summary>Forgets the previous document.</summary>
    public void Clear() => counts.Clear();

    /// <summary>Counts one occurrence of a word (its lower-case hash) with the first pass's class (<see cref="BilouTags"/>).</summary>
    public void Add(ulong lower, int tag)
    {
        ref var c = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, lower, out _);
        c.Add(Category(tag));
    }

    /// <summary>
    /// Counts every word of a sentence with the first pass's classes; <paramref name="lower"/>, when given, holds the
    /// words' lower-case hashes already made (<see cref="EntitySentence.Lower"/>), so they are not hashed again.
    /// </summary>
    public void Add(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<int> tags, ReadOnlySpan<ulong> lower = default)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            var word = tokens[i].Span.Of(text);
            if (word.Length > 0 && char.IsLetterOrDigit(word[0]))
            {
                Add(lower.IsEmpty ? FeatureKey.AddLower(0, word) : lower[i], tags[i]);
            }
        }
    }

    /// <summary>
    /// Gives a prepared sentence the document's view: the first pass's class of each token (<paramref name="tags"/>)
    /// and, packed two bits per category (0, 1, 2, 3 or more occurrences), the votes of the token's word; with
    /// <paramref name="corpus"/>, each word's class in the corpus too.
    /// </summary>
    public void Fill(EntitySentence sentence, ReadOnlySpan<int> tags, CorpusVotes? corpus = null)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        sentence.HasDocument = true;
        if (corpus is null)
        {
            Array.Clear(sentence.Corpus, 0, sentence.Count);
        }
        else
        {
            corpus.Fill(sentence);
        }

        for (var i = 0; i < sentence.Count; i++)
        {
            sentence.FirstPass[i] = tags[i];
            sentence.Votes[i] = counts.TryGetValue(sentence.Lower[i], out var c) ? c.Packed : 0;
        }
    }

    /// <summary>The category of a class: 0 outside, 1 + type inside a name.</summary>
    public static int Category(int tag) => tag == BilouTags.Outside ? 0 : 1 + BilouTags.TypeOfTag(tag);

    /// <summary>The vote count (0–3, 3 meaning three or more) of one category in a packed value.</summary>
    public static int CountOf(int packed, int category) => (packed >> (category * 2)) & 3;

    /// <summary>True when the first pass put a word's occurrences in two or more categories (outside and a type, or two types).</summary>
    public static bool Disagrees(int packed)
    {
        var seen = 0;
        for (var c = 0; c < Categories; c++)
        {
            seen += CountOf(packed, c) > 0 ? 1 : 0;
        }

        return seen > 1;
    }

    /// <summary>
    /// True when a sentence holds a word the first pass read two ways in the document (<see cref="Disagrees"/>) that
    /// could be a name here: capitalised, or inside a name by the first pass's class (<paramref name="tags"/>), and
    /// whose reading here is not the document's majority: another category has at least as many of the word's
    /// occurrences (<see cref="IsOutvoted"/>). A lower-case word outside any name ("the", "of" after "Bank of …"
    /// elsewhere) does not count, nor a word read here as most of its occurrences are ("Mr" outside a name, as it is
    /// twenty times, where the first pass put it inside one twice): the second pass reads the document's votes and
    /// mostly confirms the majority, so only the outvoted readings are worth a second look. Words are hashed as
    /// <see cref="Add(string, ReadOnlySpan{Token}, ReadOnlySpan{int}, ReadOnlySpan{ulong})"/> hashes them (or as given in <paramref name="lower"/>).
    /// </summary>
    public bool AnyDisagreement(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<int> tags, ReadOnlySpan<ulong> lower = default)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            var word = tokens[i].Span.Of(text);
            if (word.Length > 0 && (char.IsUpper(word[0]) || (tags[i] != BilouTags.Outside && char.IsLetterOrDigit(word[0])))
                && counts.TryGetValue(lower.IsEmpty ? FeatureKey.AddLower(0, word) : lower[i], out var c) && Disagrees(c.Packed)
                && c.IsOutvoted(Category(tags[i])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A word's occurrences per category: <see cref="Packed"/>, two bits each up to three, as the second pass's
    /// features read them; and the counts themselves (12 bits each, up to 4,095), for the gate
    /// (<see cref="IsOutvoted"/>), where three against twenty is not a tie. A count stops at 4,095 rather than spill
    /// into the next category's bits; stopping can only turn a majority into a tie, never reverse one, and a tie counts
    /// as outvoted, so the ceiling errs toward reading the sentence again.
    /// </summary>
    private struct Counts
    {
        private const int ExactBits = 12;
        private const ulong ExactMax = (1UL << ExactBits) - 1;

        public int Packed;

        private ulong exact;

        public void Add(int category)
        {
            var shift = category * 2;
            var n = (Packed >> shift) & 3;
            if (n < 3)
            {
                Packed += 1 << shift;
            }

            if (Exact(category) < ExactMax)
            {
                exact += 1UL << (category * ExactBits);
            }
        }

        /// <summary>True when another category has at least as many occurrences as <paramref name="category"/>.</summary>
        public readonly bool IsOutvoted(int category)
        {
            var own = Exact(category);
            for (var k = 0; k < Categories; k++)
            {
                if (k != category && Exact(k) >= own)
                {
                    return true;
                }
            }

            return false;
        }

        private readonly ulong Exact(int category) => (exact >> (category * ExactBits)) & ExactMax;
    }
}
