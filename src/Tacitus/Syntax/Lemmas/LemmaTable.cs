using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Runtime.InteropServices;
using Tacitus.Syntax.Training;

namespace Tacitus.Syntax.Lemmas;

/// <summary>
/// The lemmatiser learned from the treebanks: for a word and its tag, the lemma it had most often in training
/// (looked up as written, then in lower case); for a word never seen with that tag, the most frequent edit
/// ("strip n letters, add s") among training words with the same tag and the longest shared ending (up to
/// <see cref="MaxSuffix"/> letters). An ending keeps up to <see cref="Choices"/> edits, most frequent first; an edit
/// whose result is a lemma the treebanks know wins over one whose result is not ("joked": "jok" is no lemma, "joke"
/// is), the way a lexicon-checked suffix stripper works; with no known result the most frequent edit of the longest
/// ending stands. Proper nouns keep their case; other lemmas are lower case ("I" aside, as in the treebanks).
/// Read-only after construction, so safe from any thread.
/// </summary>
internal sealed class LemmaTable
{
    public const int MaxSuffix = 5;

    /// <summary>How many edits an ending keeps: the most frequent, then the next ones (stored under marks \u0002, \u0003, \u0004).</summary>
    public const int Choices = 3;

    /// <summary>Shorter results are not checked against the known lemmas: letters and two-letter abbreviations are lemmas too, and say nothing of a stem.</summary>
    public const int MinCheckedLemma = 3;

    /// <summary>An edit other than an ending's most frequent one is tried only when it is inflectional in size: it drops at most this many letters and adds at most one ("-ing" → "-e", "-ies" → "-y").</summary>
    public const int MaxCheckedStrip = 3;

    // The tables are plain hash tables, looked up by span: frozen ones cost the tagger's loading most of its 21 MB of
    // allocation (a first-pass cost of every run) for lookups a few nanoseconds faster, a few hundred times a document.

    // key: tag index + '\u0001' + form; value: lemma
    private readonly Dictionary<string, string> known;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> knownLookup;

    // key: tag index + '\u0002' + ending; value: edit "n:suffix"
    private readonly Dictionary<string, LemmaEdit> edits;
    private readonly Dictionary<string, LemmaEdit>.AlternateLookup<ReadOnlySpan<char>> editLookup;

    // every lemma the table knows (lower case): the check that picks among an ending's edits
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lemmaLookup;

    // how many known lemmas end in each ending of 3 or 4 letters: the evidence that restores a dropped "e"
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> endingCounts;

    /// <summary>How many unlisted words' lemmas (<see cref="Lemma"/>) a table keeps unless told otherwise.</summary>
    internal const int DefaultMaxGuessed = 32_768;

    // the mark after a guessed word's tag: \u0005, plus 1 for a proper noun and 2 for a verb (the lemma depends on both)
    private const char GuessMark = '\u0005';

    // unlisted words (tag, mark, form) and the lemma the edits gave them, shared by the pipeline's workers
    private readonly ConcurrentDictionary<string, string> guessed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> guessedLookup;
    private int guessedCount;

    // how many unlisted words' lemmas the table keeps for the process; after that they are made each time, so memory stays flat
    private readonly int maxGuessed;

    /// <summary>A table over copies of <paramref name="known"/> and <paramref name="edits"/>, keeping at most <paramref name="maxGuessed"/> unlisted words' lemmas.</summary>
    public LemmaTable(IReadOnlyDictionary<string, string> known, IReadOnlyDictionary<string, LemmaEdit> edits, int maxGuessed = DefaultMaxGuessed)
        : this(new Dictionary<string, string>(known, StringComparer.Ordinal), new Dictionary<string, LemmaEdit>(edits, StringComparer.Ordinal), maxGuessed)
    {
    }

    /// <summary>A table over dictionaries it owns from now on (ordinal keys).</summary>
    private LemmaTable(Dictionary<string, string> known, Dictionary<string, LemmaEdit> edits, int maxGuessed = DefaultMaxGuessed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxGuessed);
        this.maxGuessed = maxGuessed;
        this.known = known;
        knownLookup = known.GetAlternateLookup<ReadOnlySpan<char>>();
        this.edits = edits;
        editLookup = edits.GetAlternateLookup<ReadOnlySpan<char>>();
        guessedLookup = guessed.GetAlternateLookup<ReadOnlySpan<char>>();
        var lemmas = new HashSet<string>(StringComparer.Ordinal);
        lemmaLookup = lemmas.GetAlternateLookup<ReadOnlySpan<char>>();
        var endings = new Dictionary<string, int>(StringComparer.Ordinal);
        endingCounts = endings.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[64];
        foreach (var lemma in known.Values)
        {
            var word = lemma.Length <= lower.Length ? lower[..lemma.Length] : new char[lemma.Length];
            lemma.AsSpan().ToLowerInvariant(word);
            if (!lemmaLookup.Add(word))
            {
                continue; // each distinct lemma counts once towards the endings
            }

            for (var k = 3; k <= Math.Min(4, word.Length); k++)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(endingCounts, word[^k..], out _)++;
            }
        }
    }

    /// <summary>Known lemmas an ending's evidence must count before it decides whether a stem takes back its "e".</summary>
    public const int MinEndingEvidence = 2;

    public int KnownCount => known.Count;

    public int EditCount => edits.Count;

    /// <summary>How many unlisted words' lemmas the table keeps now (at most the limit it was made with).</summary>
    internal int GuessedCount => guessed.Count;

    /// <summary>
    /// The lemma of <paramref name="word"/> tagged <paramref name="tag"/> (a tagger tag index); <paramref name="properNoun"/>
    /// keeps case. For a <paramref name="verb"/> never seen, shorter endings' edits are checked too when the longest
    /// ending's give no known lemma ("shelled": "shel" is none, "shell" is one); nouns keep to the longest ending, where
    /// shorter ones broke as many as they fixed ("heirs" → "hey").
    /// </summary>
    public string Lemma(ReadOnlySpan<char> word, int tag, bool properNoun, bool verb = false)
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

        // a word the table does not list (about a tenth of news tokens): what the edits made of it before, when the
        // process has met it with this tag; the edits themselves cost a dozen lookups and a new string. Only a proper
        // noun's guess reads the word as written, so other words are kept in lower case ("Shouted" and "shouted" share one)
        Span<char> guessKey = stackalloc char[word.Length + 8];
        var guessHead = Prefix(tag, (char)(GuessMark + (properNoun ? 1 : 0) + (verb ? 2 : 0)), guessKey);
        (properNoun ? word : lower).CopyTo(guessKey[guessHead..]);
        guessKey = guessKey[..(guessHead + word.Length)];
        if (guessedLookup.TryGetValue(guessKey, out var earlier))
        {
            return earlier;
        }

        var made = Guess(word, lower, tag, properNoun, verb, key);
        if (Volatile.Read(ref guessedCount) < maxGuessed && guessed.TryAdd(guessKey.ToString(), made))
        {
            Interlocked.Increment(ref guessedCount);
        }

        return made;
    }

    /// <summary>
    /// The lemma the edits give a word the known table does not list (<see cref="Lemma"/>); <paramref name="key"/> is
    /// room for a table key. <paramref name="word"/> as written is read only for a proper noun (and for its length);
    /// everything else reads <paramref name="lower"/>, which <see cref="Lemma"/>'s cache key relies on.
    /// </summary>
    private string Guess(ReadOnlySpan<char> word, ReadOnlySpan<char> lower, int tag, bool properNoun, bool verb, Span<char> key)
    {
        ReadOnlySpan<char> source = properNoun ? word : lower;
        Span<char> ending = stackalloc char[MaxSuffix];
        Span<char> candidate = stackalloc char[word.Length + 64];
        LemmaEdit? first = null;
        for (var k = Math.Min(MaxSuffix, word.Length - 1); k >= 1; k--)
        {
            lower[^k..].CopyTo(ending);
            for (var choice = 0; choice < Choices; choice++)
            {
                var editHead = Prefix(tag, (char)('\u0002' + choice), key);
                ending[..k].CopyTo(key[editHead..]);
                if (!editLookup.TryGetValue(key[..(editHead + k)], out var edit) || edit.Strip >= word.Length || edit.Append.Length > 64)
                {
                    break;
                }

                if (first is not null && (properNoun || edit.Strip > MaxCheckedStrip || edit.Append.Length > 1))
                {
                    continue; // a name keeps its form; a rare deep rewrite is not an inflection to try
                }

                first ??= edit;
                var stem = lower[..^edit.Strip];
                stem.CopyTo(candidate);
                edit.Append.AsSpan().CopyTo(candidate[stem.Length..]);
                var length = stem.Length + edit.Append.Length;
                if (length >= MinCheckedLemma && lemmaLookup.Contains(candidate[..length]))
                {
                    return string.Concat(source[..^edit.Strip], edit.Append);
                }
            }

            if (first is not null && !verb)
            {
                // only the longest ending with an edit chooses: letting shorter endings' edits win when their result
                // is a known lemma fixed verbs ("conceding") but broke as many nouns ("heirs" -> "hey") on EWT dev
                break;
            }
        }

        if (first is not { } chosen)
        {
            return source.ToString();
        }

        return !properNoun && RestoredE(lower, chosen) is { } restored ? string.Concat(source[..^restored.Strip], restored.Append) : string.Concat(source[..^chosen.Strip], chosen.Append);
    }

    /// <summary>
    /// For an "-ing" or "-ed" form whose chosen edit gives no known lemma, the edit between the bare stem and the stem
    /// with "e" ("conceding": "conced" or "concede") that the known lemmas' endings favour: more known lemmas end in
    /// "cede" than in "ced", so "concede"; more end in "iot" than in "iote", so "rioting" stays "riot". The stem's last
    /// three letters decide when at least <see cref="MinEndingEvidence"/> known lemmas end in them (two letters say too
    /// little: "ot" and "ote" are both common). Null when the
    /// chosen edit is not one of the two or the evidence is too thin, so the chosen edit stands.
    /// </summary>
    private LemmaEdit? RestoredE(ReadOnlySpan<char> lower, LemmaEdit chosen)
    {
        var inflection = lower.EndsWith("ing") ? 3 : lower.EndsWith("ed") ? 2 : 0;
        var stemLength = lower.Length - inflection;
        if (inflection == 0 || stemLength < 3 || lower[stemLength - 1] == 'e')
        {
            return null;
        }

        var bare = new LemmaEdit(inflection, string.Empty);
        var withE = new LemmaEdit(inflection, "e");
        var alsoWithE = new LemmaEdit(1, string.Empty); // "-ed" after a consonant: dropping "d" alone gives the stem with "e"
        if (chosen != bare && chosen != withE && !(inflection == 2 && chosen == alsoWithE))
        {
            return null;
        }

        Span<char> ending = stackalloc char[4];
        lower[(stemLength - 3)..stemLength].CopyTo(ending);
        var plain = endingCounts.TryGetValue(ending[..3], out var p) ? p : 0;
        ending[3] = 'e';
        var restored = endingCounts.TryGetValue(ending, out var r) ? r : 0;
        if (plain + restored >= MinEndingEvidence)
        {
            return restored > plain ? (inflection == 2 ? alsoWithE : withE) : bare;
        }

        return null;
    }

    /// <summary>
    /// The lemma <paramref name="word"/> (in lower case) had in training with the first of <paramref name="tags"/> it
    /// was seen with, or null: a headline's capitalised verb, tagged as a proper noun, read as the verb it is
    /// ("Minister Resigns" → resign).
    /// </summary>
    public string? KnownLemma(ReadOnlySpan<char> word, ReadOnlySpan<int> tags)
    {
        if (word.Length > 60)
        {
            return null;
        }

        Span<char> key = stackalloc char[word.Length + 4];
        foreach (var tag in tags)
        {
            var head = Prefix(tag, '\u0001', key);
            word.ToLowerInvariant(key[head..]);
            if (knownLookup.TryGetValue(key[..(head + word.Length)], out var lemma))
            {
                return lemma;
            }
        }

        return null;
    }

    /// <summary>
    /// Every form training saw with one of <paramref name="tags"/> whose lemma is another word, in lower case, with that
    /// lemma ("shot" → shoot, "praises" → praise); where tags disagree, the lowest tag index's lemma.
    /// </summary>
    public FrozenDictionary<string, string> InflectedForms(IReadOnlySet<int> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);

        // One pass, no sort (sorting the whole table was most of the first document's lemma work): where several keys
        // give one form, the ordinally least key wins, as it did when the keys were read in order (its tag index is
        // the lowest; within a tag, the form as written that sorts first)
        var chosen = new Dictionary<string, (string Key, string Lemma)>(StringComparer.Ordinal);
        foreach (var (key, lemma) in known)
        {
            if (key.Length < 5 || key[3] != '\u0001' || !tags.Contains(TagOf(key)))
            {
                continue;
            }

            var form = key[4..].ToLowerInvariant();
            var lower = lemma.ToLowerInvariant();
            if (form == lower)
            {
                continue;
            }

            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(chosen, form, out var held);
            if (!held || string.CompareOrdinal(key, slot.Key) < 0)
            {
                slot = (key, lower);
            }
        }

        // each lemma interned once, however many forms share it
        var forms = new Dictionary<string, string>(chosen.Count, StringComparer.Ordinal);
        var lemmas = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (form, (_, lemma)) in chosen)
        {
            ref var shared = ref CollectionsMarshal.GetValueRefOrAddDefault(lemmas, lemma, out var met);
            if (!met)
            {
                shared = string.Intern(lemma);
            }

            forms.Add(form, shared!);
        }

        return forms.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Every lemma (in lower case) training gave a word tagged with one of <paramref name="tags"/>.</summary>
    public FrozenSet<string> LemmasOf(IReadOnlySet<int> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return known.Where(e => e.Key.Length >= 5 && e.Key[3] == '\u0001' && tags.Contains(TagOf(e.Key)))
            .Select(e => e.Value.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
    }

    private static int TagOf(string key) => ((key[0] - '0') * 100) + ((key[1] - '0') * 10) + (key[2] - '0');

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

    internal static string EditKey(int tag, string ending, int choice = 0)
    {
        Span<char> head = stackalloc char[4];
        Prefix(tag, (char)('\u0002' + choice), head);
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
        // lemmas and appended endings repeat (thousands of forms share a lemma): one string each
        var pool = new HashSet<string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadString();
            known[key] = ReadShared(reader, pool);
        }

        var rules = reader.ReadInt32();
        var edits = new Dictionary<string, LemmaEdit>(Math.Max(0, rules), StringComparer.Ordinal);
        for (var i = 0; i < rules; i++)
        {
            var key = reader.ReadString();
            edits[key] = new LemmaEdit(reader.ReadByte(), ReadShared(reader, pool));
        }

        return new LemmaTable(known, edits);
    }

    /// <summary>Reads a string written by <see cref="BinaryWriter.Write(string)"/>, returning the pool's copy when it holds one.</summary>
    private static string ReadShared(BinaryReader reader, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> pool)
    {
        var bytes = reader.Read7BitEncodedInt();
        if (bytes is < 0 or > 256)
        {
            if (bytes < 0)
            {
                throw new InvalidDataException($"bad string length {bytes}");
            }

            var text = System.Text.Encoding.UTF8.GetString(reader.ReadBytes(bytes));
            return pool.TryGetValue(text, out var kept) ? kept : text;
        }

        Span<byte> utf8 = stackalloc byte[bytes];
        reader.BaseStream.ReadExactly(utf8);
        Span<char> chars = stackalloc char[bytes];
        var word = chars[..System.Text.Encoding.UTF8.GetChars(utf8, chars)];
        if (pool.TryGetValue(word, out var shared))
        {
            return shared;
        }

        var made = word.ToString();
        pool.Set.Add(made);
        return made;
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
            var ranked = byEdit.Where(e => e.Value >= minEditCount)
                .OrderByDescending(e => e.Value).ThenBy(e => e.Key.Strip).ThenBy(e => e.Key.Append, StringComparer.Ordinal)
                .Take(Choices).ToList();
            for (var choice = 0; choice < ranked.Count; choice++)
            {
                // the same ending under the mark of its rank: \u0002 the most frequent, \u0003 the next, ...
                edits[string.Concat(key.AsSpan(0, 3), [(char)('\u0002' + choice)], key.AsSpan(4))] = ranked[choice].Key;
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
