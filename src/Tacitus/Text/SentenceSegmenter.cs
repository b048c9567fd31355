using Tacitus.Documents;
using Tacitus.Pipeline;

namespace Tacitus.Text;

/// <summary>
/// Splits a document into paragraphs, sentences and tokens, with exact offsets and no copies of the text.
/// <para>
/// Paragraphs: blank lines end a paragraph. A single line break ends one too when the line before it stands on its
/// own: a headline or tag line (short, no final punctuation), or any line of a text written one paragraph per line.
/// In hard-wrapped text (most lines 40–100 characters, wrapped mid-sentence) and before a lower-case continuation,
/// a single line break is just a space.
/// </para>
/// <para>
/// Sentences end at . ! ? … and "..." followed by closing quotes or brackets and then white space, unless the word
/// after is lower-case, or the period belongs to a title ("Mr."), a month or number prefix before a digit
/// ("Jan. 9", "No. 10"), or an abbreviation, initialism or initial ("Corp.", "U.S.", "p.m.", "F.") not followed by a
/// common sentence starter ("The", "He", "But"...). "“Why?” Trump asked." stays one sentence (speech verb ahead).
/// </para>
/// </summary>
internal sealed class SentenceSegmenter : IPipelineStage
{
    /// <summary>Lines this long or longer, followed by another line, are not hard-wrapped prose.</summary>
    private const int WrappedLineMax = 100;

    private const int WrappedLineMin = 40;

    /// <summary>A line without final punctuation up to this long, standing before another line, is a headline.</summary>
    private const int HeadlineMax = 120;

    /// <summary>A wire dateline ("WASHINGTON (AP) — ") is looked for in this many leading paragraphs.</summary>
    private const int DatelineParagraphs = 3;

    public string Name => "segment";

    public Annotations Requires => Annotations.None;

    public Annotations Assigns => Annotations.Paragraphs | Annotations.Sentences | Annotations.Tokens;

    public bool EnglishOnly => false;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        StageRequirements.Enter(this, document);
        var text = document.Text;
        document.Tokens.EnsureCapacity(document.Tokens.Count + (text.Length / 5)); // about one token per five characters
        var wrapped = LooksHardWrapped(text);
        var blockStart = -1;
        int previousStart = -1, previousEnd = -1;
        var position = 0;
        while (true)
        {
            var newline = text.IndexOf('\n', position);
            var lineEnd = newline < 0 ? text.Length : newline;
            var (start, end) = Trim(text, position, lineEnd);
            if (start == end)
            {
                if (blockStart >= 0)
                {
                    AddParagraph(document, blockStart, previousEnd);
                    blockStart = -1;
                }
            }
            else
            {
                if (blockStart < 0)
                {
                    blockStart = start;
                }
                else if (LineBreakEndsParagraph(text, previousStart, previousEnd, start, wrapped))
                {
                    AddParagraph(document, blockStart, previousEnd);
                    blockStart = start;
                }

                previousStart = start;
                previousEnd = end;
            }

            if (newline < 0)
            {
                break;
            }

            position = newline + 1;
        }

        if (blockStart >= 0)
        {
            AddParagraph(document, blockStart, previousEnd);
        }
    }

    /// <summary>
    /// True when the lines that run on into another line mostly have the length of a wrapped line (40–100
    /// characters): then a single line break is a space. One-paragraph-per-line text has long lines instead.
    /// </summary>
    private static bool LooksHardWrapped(string text)
    {
        int runOn = 0, wrapLength = 0, previousLength = 0;
        var position = 0;
        while (position <= text.Length)
        {
            var newline = text.IndexOf('\n', position);
            var lineEnd = newline < 0 ? text.Length : newline;
            var (start, end) = Trim(text, position, lineEnd);
            var length = end - start;
            if (length > 0 && previousLength > 0)
            {
                runOn++;
                if (previousLength is >= WrappedLineMin and < WrappedLineMax)
                {
                    wrapLength++;
                }
            }

            previousLength = length;
            if (newline < 0)
            {
                break;
            }

            position = newline + 1;
        }

        return runOn >= 3 && wrapLength * 5 >= runOn * 4;
    }

    private static bool LineBreakEndsParagraph(string text, int previousStart, int previousEnd, int nextStart, bool wrapped)
    {
        if (char.IsLower(text[nextStart]))
        {
            return false; // the sentence runs on: "Donald Trump regularly\nincites..."
        }

        var terminal = EndsWithTerminal(text, previousStart, previousEnd);
        var length = previousEnd - previousStart;
        if (wrapped)
        {
            return !terminal && length < WrappedLineMin;
        }

        return terminal || length <= HeadlineMax || text[previousEnd - 1] is not (',' or ';' or '-' or '–' or '—');
    }

    private static bool EndsWithTerminal(string text, int start, int end)
    {
        var i = end - 1;
        while (i > start && IsCloser(text[i]))
        {
            i--;
        }

        return text[i] is '.' or '!' or '?' or '…' or ':';
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    private static void AddParagraph(Document document, int start, int end)
    {
        var index = document.Paragraphs.Count;
        document.Paragraphs.Add(new Paragraph(index, new TextSpan(start, end)));
        SplitParagraph(document, start, end, index);
    }

    private static void SplitParagraph(Document document, int start, int end, int paragraph)
    {
        var text = document.Text;
        var sentenceStart = start;
        var i = start;
        var datelineEnd = paragraph < DatelineParagraphs ? DatelineEnd(text, start, end) : -1;
        if (datelineEnd > 0)
        {
            AddSentence(document, start, datelineEnd, paragraph, dateline: true);
            sentenceStart = i = datelineEnd;
        }

        while (i < end)
        {
            var c = text[i];
            var terminator = Terminator.None;
            var j = i + 1;
            if (c == '.')
            {
                var ellipsis = Tokenizer.EllipsisEnd(text.AsSpan(0, end), i);
                if (ellipsis > 0)
                {
                    terminator = Terminator.Ellipsis;
                    j = ellipsis;
                }
                else
                {
                    terminator = Terminator.Period;
                }
            }
            else if (c is '!' or '?' or '‽')
            {
                terminator = Terminator.Strong;
                while (j < end && text[j] is '!' or '?')
                {
                    j++;
                }
            }
            else if (c == '…')
            {
                terminator = Terminator.Ellipsis;
            }

            if (terminator == Terminator.None)
            {
                i++;
                continue;
            }

            var closerStart = j;
            while (j < end && IsCloser(text[j]))
            {
                j++;
            }

            if (j >= end || !char.IsWhiteSpace(text[j]))
            {
                i = j;
                continue;
            }

            var next = j;
            while (next < end && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (BreaksAfter(text, sentenceStart, i, terminator, j > closerStart, next, end))
            {
                AddSentence(document, sentenceStart, j, paragraph);
                sentenceStart = next;
            }

            i = next;
        }

        AddSentence(document, sentenceStart, end, paragraph);
    }

    /// <summary>
    /// The end of a wire dateline opening a paragraph, "WASHINGTON (AP) — " or "Hong Kong (AFP) – ", which is a
    /// sentence of its own (the boilerplate marker reads the outlet from it); -1 when there is none.
    /// </summary>
    private static int DatelineEnd(string text, int start, int end)
    {
        if (!char.IsUpper(text[start]))
        {
            return -1;
        }

        var i = start;
        var limit = Math.Min(end, start + 60);
        while (i < limit && (char.IsLetter(text[i]) || text[i] is ' ' or ',' or '.' or '\'' or '’' or '-'))
        {
            i++;
        }

        if (i >= limit || text[i] != '(' || text[i - 1] != ' ' || i + 1 >= end || !char.IsUpper(text[i + 1]))
        {
            return -1;
        }

        var close = i + 1;
        limit = Math.Min(end, close + 30);
        while (close < limit && (char.IsLetter(text[close]) || text[close] is ' ' or '&' or '.'))
        {
            close++;
        }

        if (close >= limit || text[close] != ')')
        {
            return -1;
        }

        var j = close + 1;
        while (j < end && text[j] == ' ')
        {
            j++;
        }

        var dashes = j;
        while (j < end && text[j] is '—' or '–' or '―' or '-')
        {
            j++;
        }

        return j > dashes && j - dashes <= 2 && j < end && char.IsWhiteSpace(text[j]) ? j : -1;
    }

    /// <summary>Whether the terminator at <paramref name="at"/> ends the sentence, given the text from <paramref name="next"/>.</summary>
    private static bool BreaksAfter(string text, int sentenceStart, int at, Terminator terminator, bool closed, int next, int end)
    {
        var first = text[next];
        if (char.IsLower(first) || first is '—' or '―' or '–')
        {
            return false; // a dash after a quote names its speaker: "...” ― Jane Doe."
        }

        var nextWord = WordAt(text, next, end);
        var starter = SegmentationLexicon.IsSentenceStarter(nextWord);
        if (closed && terminator != Terminator.Period && !starter && SpeechVerbAhead(text, next, end))
        {
            return false; // “Why?” Trump asked.
        }

        switch (terminator)
        {
            case Terminator.Ellipsis:
                return starter || IsOpener(first);
            case Terminator.Strong:
                return true;
        }

        // A period: look at the word it ends.
        var wordStart = at;
        while (wordStart > sentenceStart && (char.IsLetterOrDigit(text[wordStart - 1]) || (text[wordStart - 1] == '.' && wordStart - 1 > sentenceStart && char.IsLetter(text[wordStart - 2]))))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, at - wordStart);
        if (word.IsEmpty || closed)
        {
            return true;
        }

        if (wordStart == sentenceStart && word.Length <= 2 && char.IsAsciiDigit(word[0]) && char.IsAsciiDigit(word[^1]))
        {
            return false; // a list number: "1. The GOP is fracturing."
        }

        var abbreviation = word.Contains('.') ? AbbreviationKind.General
            : word.Length == 1 && char.IsUpper(word[0]) ? AbbreviationKind.General
            : SegmentationLexicon.Classify(word);
        return abbreviation switch
        {
            AbbreviationKind.Title => false,
            AbbreviationKind.NumberPrefix => !char.IsDigit(first),
            AbbreviationKind.Month => !char.IsDigit(first) && (starter || IsOpener(first)),
            AbbreviationKind.General => starter || IsOpener(first),
            _ => true,
        };
    }

    /// <summary>A speech verb among the next few capitalised words: "Trump asked", "Chinese officials said".</summary>
    private static bool SpeechVerbAhead(string text, int position, int end)
    {
        for (var words = 0; words < 4 && position < end; words++)
        {
            var word = WordAt(text, position, end);
            if (word.IsEmpty)
            {
                return false;
            }

            if (SegmentationLexicon.IsSpeechVerb(word))
            {
                return true;
            }

            position += word.Length;
            if (position < end && text[position] == '.')
            {
                position++; // "Gen." "U.S."
            }

            if (position >= end || text[position] != ' ')
            {
                return false;
            }

            position++;
        }

        return false;
    }

    private static ReadOnlySpan<char> WordAt(string text, int position, int end)
    {
        var i = position;
        while (i < end && (char.IsLetter(text[i]) || (text[i] == '.' && i + 1 < end && char.IsLetter(text[i + 1]))))
        {
            i++;
        }

        return text.AsSpan(position, i - position);
    }

    private static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or ')' or ']' or '»' or '›';

    private static bool IsOpener(char c) => c is '"' or '“' or '\'' or '‘' or '(' or '[' or '«' or '‹';

    private static void AddSentence(Document document, int start, int end, int paragraph, bool dateline = false)
    {
        var (s, e) = Trim(document.Text, start, end);
        if (s == e)
        {
            return;
        }

        var span = new TextSpan(s, e);
        var first = document.Tokens.Count;
        Tokenizer.Tokenize(document.Text, span, document.Tokens);
        var count = document.Tokens.Count - first;
        document.Sentences.Add(new Sentence
        {
            Index = document.Sentences.Count,
            Span = span,
            Paragraph = paragraph,
            FirstToken = first,
            TokenCount = count,
            Headline = HeadlineRules.IsHeadline(document.Text, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(document.Tokens).Slice(first, count)),
            Dateline = dateline || HeadlineRules.IsDateline(document.Text, span),
        });
    }

    private enum Terminator : byte
    {
        None,
        Period,
        Strong,
        Ellipsis,
    }
}
