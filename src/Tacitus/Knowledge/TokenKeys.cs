using System.Collections.Frozen;
using Tacitus.Documents;
using Tacitus.Mentions;

namespace Tacitus.Knowledge;

/// <summary>
/// The document's one keyed index for the knowledge tables: each token's normalised key (see <see cref="PhraseKey"/>),
/// its possessive ending (which the key leaves out), the word class the <see cref="Lexicon"/> gives the key, and the
/// case facts the tables' lookups weigh (capitalised, all capitals; of the word without its possessive ending). Built
/// once per document, on the first read
/// (<see cref="Of"/>), kept on the document (<see cref="Document.Keys"/>) and shared by every stage that looks phrases
/// up: no stage builds its own copy of the tokens. Phrase lookups (<see cref="LongestMatch{T}"/>) build keys from it
/// without copying the text.
/// </summary>
internal sealed class TokenKeys
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Particles = MentionWords.NameParticles.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly Document document;
    private readonly Lexicon words;
    private HashSet<string>? lowerCaseWords;

    /// <summary>The document's index for the tables of <paramref name="words"/>: the one already on the document when it was
    /// built for these tables and these tokens, else a new one, kept on the document for the stages after.</summary>
    public static TokenKeys Of(Document document, Lexicon words)
    {
        if (document.Keys is { } kept && ReferenceEquals(kept.words, words) && kept.Keys.Length == document.Tokens.Count)
        {
            return kept;
        }

        var built = new TokenKeys(document, words);
        document.Keys = built;
        return built;
    }

    private TokenKeys(Document document, Lexicon words)
    {
        this.document = document;
        this.words = words;
        var n = document.Tokens.Count;
        Keys = new string[n];
        Possessive = new int[n];
        HasPossessive = new bool[n];
        Capitalized = new bool[n];
        AllCaps = new bool[n];
        Classes = new WordClass[n];
        Hashes = new ulong[n];
        Span<char> buffer = stackalloc char[PhraseKey.MaxLength * 2];
        var pool = KeyPool.Current;
        var readings = document.Words.Count == n ? document.Words : null; // the words stage's lower-case forms, when it ran
        for (var i = 0; i < n; i++)
        {
            var token = document.Tokens[i];
            var text = token.Span.Of(document.Text);
            if (token.Kind is TokenKind.Punctuation or TokenKind.Symbol)
            {
                Keys[i] = readings is not null && LowerCaseAscii(text) ? readings[i].Lower : pool.Get(text);
                continue;
            }

            // The tokenizer splits "Ottawa's" into "Ottawa" + "'s": the marker makes the word before it possessive.
            if (i > 0 && IsPossessiveMarker(text) && document.Tokens[i - 1].Span.End == token.Span.Start)
            {
                HasPossessive[i - 1] = true;
                Keys[i] = string.Empty;
                continue;
            }

            Possessive[i] = PhraseKey.PossessiveLength(text);
            HasPossessive[i] = Possessive[i] > 0;
            var core = text[..^Possessive[i]];
            if (core.Length > PhraseKey.MaxLength)
            {
                Keys[i] = string.Empty;
                continue;
            }

            Keys[i] = readings is not null && Possessive[i] == 0 && SameWhenLowered(core) ? readings[i].Lower
                : pool.Get(buffer[..PhraseKey.NormalizeToken(core, buffer, stripPossessive: false)]);
            Capitalized[i] = core.Length > 0 && (char.IsUpper(core[0]) || ParticleName(core));
            AllCaps[i] = Capitalized[i] && !HasLowerCase(core);
            Classes[i] = words.ClassOf(Keys[i]);
            // a key with a space ("rolls royce" from "Rolls-Royce") may be a phrase of several words: the filters hold
            // one-word keys, so such a token keeps hash 0, which asks the index
            Hashes[i] = Keys[i].Contains(' ', StringComparison.Ordinal) ? 0 : KeyFilter.Hash(Keys[i]);
        }
    }

    /// <summary>
    /// True when the key of <paramref name="text"/> is its lower-case form, the one the words stage already pooled
    /// (<see cref="WordReading.Lower"/>), so it is taken from there instead of looked up in the pool a second time:
    /// plain ASCII without the characters the key drops or changes (full stops, hyphens, back-ticks, spaces), and, for
    /// punctuation, which keeps its text as written, see <see cref="LowerCaseAscii"/>.
    /// </summary>
    private static bool SameWhenLowered(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c >= 128 || c is '.' or '-' or '`' or ' ')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="text"/> (punctuation, kept as written) is plain ASCII with no capital: its lower-case form is itself.</summary>
    private static bool LowerCaseAscii(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c >= 128 || c is >= 'A' and <= 'Z')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the word has a lower-case letter ("Lagos", "al-Sadr"); false for "NATO", a single capital ("A", "J.") or "3D".</summary>
    private static bool HasLowerCase(ReadOnlySpan<char> core)
    {
        foreach (var c in core)
        {
            if (char.IsLower(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"al-Sadr", "el-Baradei", "bin-Laden": an Arabic article or kin word joined by a hyphen to a capitalised name is
    /// written in lower case but is part of the name.</summary>
    private static bool ParticleName(ReadOnlySpan<char> word)
    {
        var hyphen = word.IndexOf('-');
        if (hyphen is < 2 or > 4 || hyphen + 1 >= word.Length || !char.IsUpper(word[hyphen + 1]))
        {
            return false;
        }

        return Particles.Contains(word[..hyphen]);
    }

    public string[] Keys { get; }

    /// <summary>Length of a possessive ending ("'s") inside each token, 0 if none.</summary>
    public int[] Possessive { get; }

    /// <summary>True for a word with a possessive ending, inside the token or as the next token ("Ottawa" "'s").</summary>
    public bool[] HasPossessive { get; }

    private static bool IsPossessiveMarker(ReadOnlySpan<char> text) =>
        text is "'s" or "’s" or "'" or "’" or "'S" or "’S";

    public bool[] Capitalized { get; }

    public bool[] AllCaps { get; }

    public WordClass[] Classes { get; }

    /// <summary>Each word token's <see cref="KeyFilter.Hash"/> of its key, for the phrase indexes' first-word filters; 0 (no
    /// filter: the index is asked) for a key with a space, and for punctuation and markers, which start no match.</summary>
    public ulong[] Hashes { get; }

    /// <summary>True when the word (a normalised key) is written in lower case somewhere in the document: a common word, not a name.</summary>
    public bool SeenInLowerCase(string key)
    {
        if (lowerCaseWords is null)
        {
            var set = new HashSet<string>(Keys.Length, StringComparer.Ordinal); // sized once: growing it was a tenth of its cost
            for (var i = 0; i < Keys.Length; i++)
            {
                if (!Capitalized[i] && document.Tokens[i].Kind == TokenKind.Word && Keys[i].Length > 0)
                {
                    set.Add(Keys[i]);
                }
            }

            lowerCaseWords = set;
        }

        return lowerCaseWords.Contains(key);
    }

    public bool IsWord(int i) => document.Tokens[i].Kind is TokenKind.Word or TokenKind.Number;

    public bool IsPunct(int i, char c) => document.Tokens[i].Kind is TokenKind.Punctuation or TokenKind.Symbol && Keys[i].Length == 1 && Keys[i][0] == c;

    public bool Has(int i, WordClass cls) => (Classes[i] & cls) != 0;

    /// <summary>A capitalised word that is not a function word (a candidate name token).</summary>
    public bool IsNameLike(int i) => IsWord(i) && Capitalized[i] && !Has(i, WordClass.Function) && document.Tokens[i].Kind == TokenKind.Word;

    /// <summary>The text span of tokens [first, end), without a possessive ending on the last token.</summary>
    public TextSpan SpanOf(int first, int end)
    {
        var last = document.Tokens[end - 1].Span;
        var stop = last.End - Possessive[end - 1];

        // An abbreviation keeps its full stop ("U.S.", "RAND Corp."), unless the stop also ends the sentence or the word has its
        // own already ("Inc." before the sentence's stop).
        if (Possessive[end - 1] == 0 && end + 1 < document.Tokens.Count && IsPunct(end, '.') && document.Tokens[end].Span.Start == last.End
            && document.Text[last.End - 1] != '.' && IsWord(end + 1) && Abbreviation(end - 1))
        {
            stop = document.Tokens[end].Span.End;
        }

        return new(document.Tokens[first].Span.Start, stop);
    }

    /// <summary>A word that takes a full stop: one with a stop inside ("U.S"), an honorific ("Gen"), or an organisation word's short
    /// form ("Corp", "Inc", "Co"); not a short whole word ("Bank", "Army", "Post").</summary>
    private bool Abbreviation(int i)
    {
        var text = document.Tokens[i].Span.Of(document.Text);
        return text.Contains('.') || (text.Length <= 4 && Capitalized[i] && (Has(i, WordClass.Honorific) || (Has(i, WordClass.OrgHead) && IsShortForm(Keys[i]))));
    }

    private static bool IsShortForm(string key) =>
        MentionWords.CompanySuffixes.Contains(key) || MentionWords.OrgAbbreviations.Contains(key);

    /// <summary>
    /// The longest phrase of <paramref name="index"/> starting at token <paramref name="start"/> (before <paramref name="limit"/>):
    /// words are joined by single spaces, full stops skipped, and a possessive word ends the phrase. Returns the end token
    /// (exclusive) and the values, or -1.
    /// </summary>
    public int LongestMatch<T>(PhraseIndex<T> index, int start, int limit, out T[] values)
    {
        values = [];
        if (!IsWord(start) || Keys[start].Length == 0 || (Hashes[start] != 0 && !index.FirstWords.MayHold(Hashes[start])))
        {
            return -1; // the filter is certain when it says no: the first lookup would have found nothing
        }

        Span<char> key = stackalloc char[PhraseKey.MaxLength];
        var length = 0;
        var best = -1;
        for (var i = start; i < limit; i++)
        {
            if (!IsWord(i))
            {
                if (IsPunct(i, '.') && i > start)
                {
                    continue;
                }

                if (!IsPunct(i, '&'))
                {
                    break;
                }
            }

            var word = Keys[i];
            if (word.Length == 0 || length + word.Length + 1 > key.Length)
            {
                break;
            }

            if (length > 0)
            {
                key[length++] = ' ';
            }

            word.AsSpan().CopyTo(key[length..]);
            length += word.Length;
            if (index.TryGet(key[..length], out var found, out var known))
            {
                best = i + 1;
                values = found;
            }

            if (!known || HasPossessive[i])
            {
                break;
            }
        }

        return best;
    }
}
