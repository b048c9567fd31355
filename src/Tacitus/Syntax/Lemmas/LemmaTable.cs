using System.Collections.Frozen;
using Tacitus.Syntax.Training;

namespace Tacitus.Syntax.Lemmas;

/// <summary>
/// The lemmatiser learned from the treebanks: for a word and its tag, the lemma it had most often in training
/// (looked up as written, then in lower case); for a word never seen with that tag, the most frequent edit
/// ("strip n letters, add s") among training words with the same tag and the longest shared ending (up to
/// <see cref="MaxSuffix"/> letters). Proper nouns keep their case; other lemmas are lower case ("I" aside, as in
/// the treebanks). Read-only after construction, so safe from any thread.
/// </summary>
internal sealed class LemmaTable
{
    public const int MaxSuffix = 5;

    // key: tag index + '\u0001' + form; value: lemma
    private readonly FrozenDictionary<string, string> known;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> knownLookup;

    // key: tag index + '\u0002' + ending; value: edit "n:suffix"
    private readonly FrozenDictionary<string, LemmaEdit> edits;
    private readonly FrozenDictionary<string, LemmaEdit>.AlternateLookup<ReadOnlySpan<char>> editLookup;

    public LemmaTable(IReadOnlyDictionary<string, string> known, IReadOnlyDictionary<string, LemmaEdit> edits)
    {
        this.known = known.ToFrozenDictionary(StringComparer.Ordinal);
        knownLookup = this.known.GetAlternateLookup<ReadOnlySpan<char>>();
        this.edits = edits.ToFrozenDictionary(StringComparer.Ordinal);
        editLookup = this.edits.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int KnownCount => known.Count;

    public int EditCount => edits.Count;

    /// <summary>The lemma of <paramref name="word"/> tagged <paramref name="tag"/> (a tagger tag index); <paramref name="properNoun"/> keeps case.</summary>
    public string Lemma(ReadOnlySpan<char> word, int tag, bool properNoun)
    {
        if (word.Length > 60)
        {
            return properNoun ? word.ToString() : word.ToString().ToLowerInvariant();
        }

        Span<char> key = stackalloc char[word.Length + 8];
        var head = Prefix(tag, '\u0001', key);
        word.CopyTo(key[head..]);
        if (knownLookup.TryGetValue(key[..(head + word.Length)], out var lemma))
        {
            return lemma;
        }

        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        lower.CopyTo(key[head..]);
        if (!properNoun && knownLookup.TryGetValue(key[..(head + word.Length)], out lemma))
        {
            return lemma;
        }

        ReadOnlySpan<char> source = properNoun ? word : lower;
        var editHead = Prefix(tag, '\u0002', key);
        Span<char> ending = stackalloc char[MaxSuffix];
        for (var k = Math.Min(MaxSuffix, word.Length - 1); k >= 1; k--)
        {
            word[^k..].ToLowerInvariant(ending);
            ending[..k].CopyTo(key[editHead..]);
            if (editLookup.TryGetValue(key[..(editHead + k)], out var edit) && edit.Strip < word.Length)
            {
                return string.Concat(source[..^edit.Strip], edit.Append);
            }
        }

        return source.ToString();
    }

    private static int Prefix(int tag, char mark, Span<char> key)
    {
        key[0] = (char)('0' + (tag / 100));
        key[1] = (char)('0' + (tag / 10 % 10));
        key[2] = (char)('0' + (tag % 10));
        key[3] = mark;
        return 4;
    }

    internal static string KnownKey(int tag, string form)
    {
        Span<char> head = stackalloc char[4];
        Prefix(tag, '\u0001', head);
        return string.Concat(head, form);
    }

    internal static string EditKey(int tag, string ending)
    {
        Span<char> head = stackalloc char[4];
        Prefix(tag, '\u0002', head);
        return string.Concat(head, ending);
    }

    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var entries = known.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        writer.Write(entries.Count);
        foreach (var (key, lemma) in entries)
        {
            writer.Write(key);
            writer.Write(lemma);
        }

        var rules = edits.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        writer.Write(rules.Count);
        foreach (var (key, edit) in rules)
        {
            writer.Write(key);
            writer.Write((byte)edit.Strip);
            writer.Write(edit.Append);
        }
    }

    public static LemmaTable Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var count = reader.ReadInt32();
        var known = new Dictionary<string, string>(Math.Max(0, count), StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadString();
            known[key] = string.Intern(reader.ReadString());
        }

        var rules = reader.ReadInt32();
        var edits = new Dictionary<string, LemmaEdit>(Math.Max(0, rules), StringComparer.Ordinal);
        for (var i = 0; i < rules; i++)
        {
            var key = reader.ReadString();
            edits[key] = new LemmaEdit(reader.ReadByte(), string.Intern(reader.ReadString()));
        }

        return new LemmaTable(known, edits);
    }

    /// <summary>
    /// Learns the table from treebank sentences whose words carry tag indices <paramref name="tags"/> (the tagger's
    /// labels of the gold UPOS|XPOS). An edit is kept when it explains at least <paramref name="minEditCount"/>
    /// training words and is the most frequent for its ending.
    /// </summary>
    public static LemmaTable Learn(IReadOnlyList<TreebankSentence> sentences, Func<TreebankSentence, int, int> tags, int minEditCount = 2)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(tags);
        var lemmaCounts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var editCounts = new Dictionary<string, Dictionary<LemmaEdit, int>>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            for (var i = 0; i < sentence.Count; i++)
            {
                var word = sentence.Gold[i];
                if (word.Lemma is "_" || word.Lemma.Length == 0)
                {
                    continue;
                }

                var tag = tags(sentence, i);
                Count(lemmaCounts, KnownKey(tag, word.Form), word.Lemma);
                var properNoun = word.Upos == "PROPN";
                var source = properNoun ? word.Form : word.Form.ToLowerInvariant();
                var edit = LemmaEdit.Between(source, word.Lemma);
                if (edit is null)
                {
                    continue;
                }

                var lower = word.Form.ToLowerInvariant();
                for (var k = 1; k <= Math.Min(MaxSuffix, lower.Length - 1); k++)
                {
                    Count(editCounts, EditKey(tag, lower[^k..]), edit.Value);
                }
            }
        }

        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, lemmas) in lemmaCounts)
        {
            known[key] = lemmas.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).First().Key;
        }

        var edits = new Dictionary<string, LemmaEdit>(StringComparer.Ordinal);
        foreach (var (key, byEdit) in editCounts)
        {
            var (edit, count) = byEdit.OrderByDescending(e => e.Value).ThenBy(e => e.Key.Strip).ThenBy(e => e.Key.Append, StringComparer.Ordinal).First();
            if (count >= minEditCount)
            {
                edits[key] = edit;
            }
        }

        return new LemmaTable(known, edits);
    }

    private static void Count<TValue>(Dictionary<string, Dictionary<TValue, int>> counts, string key, TValue value)
        where TValue : notnull
    {
        if (!counts.TryGetValue(key, out var byValue))
        {
            counts[key] = byValue = [];
        }

        byValue[value] = byValue.GetValueOrDefault(value) + 1;
    }
}

/// <summary>How a word becomes its lemma: drop <see cref="Strip"/> letters from the end, then add <see cref="Append"/>.</summary>
internal readonly record struct LemmaEdit(int Strip, string Append)
{
    /// <summary>The edit from <paramref name="form"/> to <paramref name="lemma"/>, or null when it would rewrite more than the ending.</summary>
    public static LemmaEdit? Between(string form, string lemma)
    {
        var shared = 0;
        while (shared < form.Length && shared < lemma.Length && form[shared] == lemma[shared])
        {
            shared++;
        }

        if (shared == 0 && form.Length > 0)
        {
            return null; // "went" → "go", "n't" → "not": learned as known words only
        }

        var strip = form.Length - shared;
        return strip > 255 ? null : new LemmaEdit(strip, lemma[shared..]);
    }
}
