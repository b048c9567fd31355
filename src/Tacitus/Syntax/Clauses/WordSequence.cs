using Tacitus.Documents;
using Tacitus.Mentions;
using Tacitus.Syntax.Lemmas;

namespace Tacitus.Syntax.Clauses;

/// <summary>
/// The words of one sentence as the attribution and event readers see them: lower-cased (curly apostrophes and
/// quotes folded to straight ones), with their spans and the lemmas of the token layer (<see cref="Document.Syntax"/>,
/// filled by the tags stage), folded the same way. Built once per sentence per stage.
/// </summary>
internal sealed class WordSequence
{
    private readonly string[] lower;
    private readonly string[] lemma;
    private readonly Token[] tokens;

    public WordSequence(Document document, Sentence sentence, IReadOnlySet<string> lexicon)
    {
        Document = document;
        Sentence = sentence;
        tokens = document.TokensOf(sentence).ToArray();
        lower = new string[tokens.Length];
        lemma = new string[tokens.Length];
        var text = document.Text;
        var layer = document.SyntaxOf(sentence);
        var pool = KeyPool.Current; // a word seen before (in any sentence, by either stage) costs no new string
        for (var i = 0; i < tokens.Length; i++)
        {
            lower[i] = Fold(tokens[i].Span.Of(text), pool);
            lemma[i] = tokens[i].Kind != TokenKind.Word || i >= layer.Length ? lower[i] : Reading(FoldLemma(layer[i].Lemma, lower[i]), lower[i], lexicon, sentence.Headline);
        }
    }

    public Document Document { get; }

    public Sentence Sentence { get; }

    public int Count => tokens.Length;

    public string Lower(int i) => lower[i];

    public string Lemma(int i) => lemma[i];

    public TextSpan Span(int i) => tokens[i].Span;

    public TokenKind Kind(int i) => tokens[i].Kind;

    /// <summary>True when token i is the word (by lemma or lower-case form).</summary>
    public bool Is(int i, string word) => i >= 0 && i < tokens.Length && (lower[i] == word || lemma[i] == word);

    public bool IsAny(int i, IReadOnlySet<string> words) => i >= 0 && i < tokens.Length && (words.Contains(lower[i]) || words.Contains(lemma[i]));

    public bool IsPunctuation(int i) => i >= 0 && i < tokens.Length && tokens[i].Kind is TokenKind.Punctuation or TokenKind.Symbol;

    /// <summary>True for a word token that starts with an upper-case letter.</summary>
    public bool IsCapitalized(int i) => i >= 0 && i < tokens.Length && tokens[i].Kind != TokenKind.Punctuation && char.IsUpper(Document.Text[tokens[i].Span.Start]);

    public bool IsQuote(int i) => i >= 0 && i < tokens.Length && lower[i] is "\"";

    /// <summary>The span from the start of token <paramref name="first"/> to the end of token <paramref name="last"/>.</summary>
    public TextSpan SpanOf(int first, int last) => new(tokens[first].Span.Start, tokens[last].Span.End);

    /// <summary>Index of the first token that starts at or after <paramref name="position"/>; Count when none.</summary>
    public int TokenAtOrAfter(int position)
    {
        var lo = 0;
        var hi = tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (tokens[mid].Span.Start < position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Index of the last token that ends at or before <paramref name="position"/>; -1 when none.</summary>
    public int TokenEndingBy(int position)
    {
        var i = TokenAtOrAfter(position);
        while (i > 0 && tokens[i - 1].Span.End > position)
        {
            i--;
        }

        return i - 1;
    }

    /// <summary>
    /// The lemma the readers match on: always a word of <paramref name="lexicon"/> (the words the cue, pattern and
    /// modality tables list), an auxiliary's or particle's lemma ("be", "not"), or the word itself. The word when the
    /// lexicon lists it in this form ("citing", "talks"); else the layer's lemma when the lexicon lists it; else, for a
    /// word the tagger read as a noun or adjective ("shot", "promising", a headline's "Praises"), its verb lemma when
    /// the treebanks have the word as a verb form (<see cref="VerbForms"/>) and the lexicon lists that verb; in a
    /// headline, where every word is capitalised and read as a name, also the lemma the table's verb edits give a form
    /// the treebanks never saw ("Endorses"). A lemma no table lists would change no match and would make a plain noun
    /// look like an inflected verb to the clause rules.
    /// </summary>
    private static string Reading(string lemma, string lower, IReadOnlySet<string> lexicon, bool headline)
    {
        var listed = lexicon.Contains(lower);
        if (ReferenceEquals(lemma, lower) || listed)
        {
            return listed ? lower
                : VerbForms.LemmaOf(lower) is { } verb && lexicon.Contains(verb) ? verb
                : headline && VerbForms.GuessedLemma(lower, lexicon.Contains) is { } guessed ? guessed
                : lower;
        }

        return lexicon.Contains(lemma) || VerbForms.IsAuxiliary(lemma) ? lemma : VerbForms.LemmaOf(lower) is { } reading && lexicon.Contains(reading) ? reading : lower;
    }

    /// <summary>The layer's lemma in the sequence's spelling: lower case with straight apostrophes (proper nouns keep
    /// their case in the layer); the lower-case form itself when they are the same word, so nothing is copied.</summary>
    private static string FoldLemma(string lemma, string lower)
    {
        if (string.Equals(lemma, lower, StringComparison.Ordinal) || (lemma.Length == lower.Length && lemma.AsSpan().Equals(lower, StringComparison.OrdinalIgnoreCase)))
        {
            return lower; // a proper noun keeps its case in the layer ("Kabul"): the same word, not copied to fold it
        }

        foreach (var c in lemma)
        {
            if (char.IsUpper(c) || c is '’' or '‘')
            {
                var folded = Fold(lemma, null);
                return string.Equals(folded, lower, StringComparison.Ordinal) ? lower : folded;
            }
        }

        return lemma;
    }

    /// <summary>The word lower-cased with straight quotes; the <paramref name="pool"/>'s string when one is given.</summary>
    private static string Fold(ReadOnlySpan<char> word, KeyPool? pool)
    {
        if (word.Length == 1)
        {
            switch (word[0])
            {
                case '“' or '”' or '"' or '„' or '«' or '»':
                    return "\"";
                case '‘' or '’' or '\'':
                    return "'";
                case '—' or '–':
                    return "—";
                default:
                    break;
            }
        }

        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            buffer[i] = c is '’' or '‘' ? '\'' : char.ToLowerInvariant(c);
        }

        return pool is null ? new string(buffer) : pool.Get(buffer);
    }
}
