using Tacitus.Documents;
using Tacitus.Syntax.Learning;

namespace Tacitus.Syntax.Entities;

/// <summary>
/// How each word is usually written inside a sentence (not first), counted over plain news text when the model is
/// trained: a name ("Lagos") is capitalised wherever it stands, a common word ("Police") only at the start of a
/// sentence or in a headline. Per lower-case word (hashed as <see cref="FeatureKey.AddLower"/> hashes it) it keeps
/// one small class: how often it was seen (3–9, 10–99, 100 or more) × how often it was capitalised (never, under
/// 10%, under 50%, under 90%, 90% or more). Words seen fewer than three times are not kept; they read as class 0.
/// </summary>
internal sealed class CaseProfile
{
    private readonly Dictionary<ulong, byte> classes;

    private CaseProfile(Dictionary<ulong, byte> classes) => this.classes = classes;

    public static CaseProfile Empty { get; } = new([]);

    public int Count => classes.Count;

    /// <summary>The class of a word by its lower-case hash; 0 when unknown.</summary>
    public byte ClassOf(ulong lowerHash) => classes.TryGetValue(lowerHash, out var c) ? c : (byte)0;

    /// <summary>Counts words in analysed documents (sentences and tokens filled), skipping each sentence's first word and all-capitals sentences.</summary>
    public static CaseProfile FromDocuments(IEnumerable<Document> documents)
    {
        var counts = new Dictionary<ulong, (int Seen, int Capitalised)>();
        foreach (var document in documents)
        {
            foreach (var sentence in document.Sentences)
            {
                var tokens = document.TokensOf(sentence);
                if (IsTitled(document.Text, tokens))
                {
                    continue;
                }

                for (var i = 1; i < tokens.Length; i++)
                {
                    var word = tokens[i].Span.Of(document.Text);
                    if (word.Length == 0 || !char.IsLetter(word[0]))
                    {
                        continue;
                    }

                    var key = FeatureKey.AddLower(0, word);
                    var (seen, capitalised) = counts.GetValueOrDefault(key);
                    counts[key] = (seen + 1, capitalised + (char.IsUpper(word[0]) ? 1 : 0));
                }
            }
        }

        var classes = new Dictionary<ulong, byte>();
        foreach (var (key, (seen, capitalised)) in counts)
        {
            if (seen < 3)
            {
                continue;
            }

            var frequency = seen < 10 ? 0 : seen < 100 ? 1 : 2;
            var ratio = (double)capitalised / seen;
            var share = capitalised == 0 ? 0 : ratio < 0.1 ? 1 : ratio < 0.5 ? 2 : ratio < 0.9 ? 3 : 4;
            classes[key] = (byte)(1 + (frequency * 5) + share);
        }

        return new CaseProfile(classes);
    }

    /// <summary>Writes the classes ordered by key (the same profile gives the same bytes).</summary>
    public void Write(BinaryWriter writer) => HashedTable.Write(writer, classes, (w, v) => w.Write(v));

    public static CaseProfile Read(BinaryReader reader) => new(HashedTable.Read(reader, r => r.ReadByte(), "case profile"));

    /// <summary>True for a headline-like sentence: most of its words (three or more) capitalised, or none in lower case.</summary>
    private static bool IsTitled(string text, ReadOnlySpan<Token> tokens)
    {
        int words = 0, capitalised = 0;
        foreach (var token in tokens)
        {
            var word = token.Span.Of(text);
            if (word.Length > 0 && char.IsLetter(word[0]))
            {
                words++;
                capitalised += char.IsUpper(word[0]) ? 1 : 0;
            }
        }

        return words == capitalised || (words >= 3 && capitalised * 10 >= words * 6);
    }
}
