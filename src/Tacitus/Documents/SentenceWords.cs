namespace Tacitus.Documents;

/// <summary>
/// One sentence's window onto the document's word readings (<see cref="Document.Words"/>) and tokens, indexed from
/// the sentence's first token: what the clause, attribution and event readers walk. Holds no copy of the words; it
/// reads the layer filled once per document (<see cref="Syntax.Clauses.WordReader"/>).
/// </summary>
internal readonly struct SentenceWords
{
    private readonly List<WordReading> words;
    private readonly List<Token> tokens;
    private readonly int first;

    public SentenceWords(Document document, Sentence sentence)
    {
        Document = document;
        Sentence = sentence;
        words = document.Words;
        tokens = document.Tokens;
        first = sentence.FirstToken;
        Count = sentence.TokenCount;
    }

    public Document Document { get; }

    public Sentence Sentence { get; }

    public int Count { get; }

    public string Lower(int i) => words[first + i].Lower;

    public string Lemma(int i) => words[first + i].Lemma;

    public TextSpan Span(int i) => tokens[first + i].Span;

    public TokenKind Kind(int i) => tokens[first + i].Kind;

    /// <summary>True when token i is the word (by lemma or lower-case form).</summary>
    public bool Is(int i, string word)
    {
        if (i < 0 || i >= Count)
        {
            return false;
        }

        var reading = words[first + i];
        return reading.Lower == word || reading.Lemma == word;
    }

    public bool IsAny(int i, IReadOnlySet<string> set)
    {
        if (i < 0 || i >= Count)
        {
            return false;
        }

        var reading = words[first + i];
        return set.Contains(reading.Lower) || set.Contains(reading.Lemma);
    }

    public bool IsPunctuation(int i) => i >= 0 && i < Count && tokens[first + i].Kind is TokenKind.Punctuation or TokenKind.Symbol;

    /// <summary>True for a word token that starts with an upper-case letter.</summary>
    public bool IsCapitalized(int i) => i >= 0 && i < Count && tokens[first + i].Kind != TokenKind.Punctuation && char.IsUpper(Document.Text[tokens[first + i].Span.Start]);

    public bool IsQuote(int i) => i >= 0 && i < Count && words[first + i].Lower is "\"";

    /// <summary>The span from the start of token <paramref name="from"/> to the end of token <paramref name="last"/>.</summary>
    public TextSpan SpanOf(int from, int last) => new(tokens[first + from].Span.Start, tokens[first + last].Span.End);

    /// <summary>Index of the first token that starts at or after <paramref name="position"/>; Count when none.</summary>
    public int TokenAtOrAfter(int position)
    {
        var lo = 0;
        var hi = Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (tokens[first + mid].Span.Start < position)
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
        while (i > 0 && tokens[first + i - 1].Span.End > position)
        {
            i--;
        }

        return i - 1;
    }
}
