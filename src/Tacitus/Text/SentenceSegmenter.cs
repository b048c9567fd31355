using Tacitus.Documents;
using Tacitus.Pipeline;

namespace Tacitus.Text;

/// <summary>
/// Splits a document into paragraphs (blank lines), sentences and tokens, with exact offsets.
/// Baseline version: sentence ends at . ! ? followed by space and an upper-case letter or quote, except after a
/// short list of abbreviations; every line break that ends a paragraph or a headline ends a sentence.
/// </summary>
internal sealed class SentenceSegmenter : IPipelineStage
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "Corp", "Inc", "Ltd", "Co", "St", "Jan", "Feb", "Mar", "Apr",
        "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "No", "Lt", "Col", "Capt", "Sgt", "Prof", "Jr", "Sr", "vs", "U.S", "U.N", "p.m", "a.m",
    };

    public string Name => "segment";

    public Annotations Requires => Annotations.None;

    public Annotations Assigns => Annotations.Paragraphs | Annotations.Sentences | Annotations.Tokens;

    public bool EnglishOnly => false;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        var text = document.Text;
        var paragraphStart = 0;
        var paragraph = 0;
        var i = 0;
        while (i <= text.Length)
        {
            var atEnd = i == text.Length;
            var blank = !atEnd && text[i] == '\n' && IsBlankLineAhead(text, i + 1);
            if (atEnd || blank)
            {
                var span = Trim(text, paragraphStart, i);
                if (!span.IsEmpty)
                {
                    document.Paragraphs.Add(new Paragraph(paragraph, span));
                    SplitParagraph(document, span, paragraph);
                    paragraph++;
                }

                if (atEnd)
                {
                    break;
                }

                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                paragraphStart = i;
                continue;
            }

            i++;
        }
    }

    private static bool IsBlankLineAhead(string text, int i)
    {
        while (i < text.Length && text[i] != '\n')
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }

            i++;
        }

        return true;
    }

    private static void SplitParagraph(Document document, TextSpan paragraph, int paragraphIndex)
    {
        var text = document.Text;
        var start = paragraph.Start;
        for (var i = paragraph.Start; i < paragraph.End; i++)
        {
            var c = text[i];
            var end = -1;
            if (c == '\n')
            {
                end = i;
            }
            else if (c is '.' or '!' or '?')
            {
                var j = i + 1;
                while (j < paragraph.End && text[j] is '"' or '\'' or '”' or '’' or ')')
                {
                    j++;
                }

                if (j == paragraph.End)
                {
                    end = j;
                }
                else if (char.IsWhiteSpace(text[j]) && NextStartsSentence(text, j, paragraph.End) && !(c == '.' && IsAbbreviation(text, start, i)))
                {
                    end = j;
                }
            }

            if (end >= 0)
            {
                AddSentence(document, Trim(text, start, end), paragraphIndex);
                start = end;
                i = end - 1 >= i ? end - 1 : i;
            }
        }

        AddSentence(document, Trim(text, start, paragraph.End), paragraphIndex);
    }

    private static bool NextStartsSentence(string text, int j, int end)
    {
        while (j < end && char.IsWhiteSpace(text[j]))
        {
            j++;
        }

        return j < end && (char.IsUpper(text[j]) || char.IsDigit(text[j]) || text[j] is '"' or '“' or '\'' or '‘');
    }

    private static bool IsAbbreviation(string text, int sentenceStart, int dot)
    {
        var k = dot - 1;
        while (k >= sentenceStart && (char.IsLetter(text[k]) || text[k] == '.'))
        {
            k--;
        }

        var word = text.AsSpan(k + 1, dot - k - 1);
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true; // an initial: "John F. Kennedy"
        }

        return Abbreviations.Contains(word.ToString());
    }

    private static TextSpan Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return new TextSpan(start, end);
    }

    private static void AddSentence(Document document, TextSpan span, int paragraph)
    {
        if (span.IsEmpty)
        {
            return;
        }

        var first = document.Tokens.Count;
        Tokenize(document, span);
        document.Sentences.Add(new Sentence
        {
            Index = document.Sentences.Count,
            Span = span,
            Paragraph = paragraph,
            FirstToken = first,
            TokenCount = document.Tokens.Count - first,
        });
    }

    private static void Tokenize(Document document, TextSpan span)
    {
        var text = document.Text;
        var i = span.Start;
        while (i < span.End)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsLetterOrDigit(c))
            {
                while (i < span.End && (char.IsLetterOrDigit(text[i]) || ((text[i] is '.' or ',' or '\'' or '’' or '-') && i + 1 < span.End && char.IsLetterOrDigit(text[i + 1]))))
                {
                    i++;
                }

                document.Tokens.Add(new Token(new TextSpan(start, i), char.IsDigit(c) ? TokenKind.Number : TokenKind.Word));
            }
            else
            {
                i++;
                document.Tokens.Add(new Token(new TextSpan(start, i), char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol));
            }
        }
    }
}
