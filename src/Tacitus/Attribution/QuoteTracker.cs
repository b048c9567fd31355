using Tacitus.Documents;

namespace Tacitus.Attributions;

/// <summary>A quotation: the span between its marks (<see cref="Inner"/>) and with them (<see cref="Outer"/>).</summary>
internal readonly record struct Quote(TextSpan Outer, TextSpan Inner)
{
    public int WordCount(string text)
    {
        var n = 0;
        var inWord = false;
        foreach (var c in Inner.Of(text))
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                n++;
            }

            inWord = letter;
        }

        return n;
    }
}

/// <summary>
/// Finds quotations in a document, across sentences and paragraphs: curly quotes open and close, straight double
/// quotes (and two apostrophes, '') toggle. A quote still open at the end of a paragraph continues when the next paragraph opens with a
/// quote mark (the news convention for a quotation of several paragraphs); otherwise it ends with the paragraph.
/// </summary>
internal static class QuoteTracker
{
    public static List<Quote> Find(Document document)
    {
        var text = document.Text;
        var quotes = new List<Quote>();
        var open = -1;
        for (var p = 0; p < document.Paragraphs.Count; p++)
        {
            var span = document.Paragraphs[p].Span;
            var first = open >= 0 ? span.Start + MarkWidth(text, span.Start) : span.Start; // a running quotation's paragraph opens with a mark
            for (var i = first; i < span.End; i++)
            {
                var c = text[i];
                var width = 1;
                if (c == '\'' && i + 1 < span.End && text[i + 1] == '\'')
                {
                    c = '"'; // two apostrophes: a straight double quote
                    width = 2;
                }

                var opening = c == '“' || (c == '"' && open < 0);
                var closing = c == '”' || (c == '"' && open >= 0);
                if (opening && open < 0)
                {
                    open = i;
                }
                else if (opening && open >= 0 && c == '“')
                {
                    open = i; // an unclosed quote: start again from the newer mark
                }
                else if (closing && open >= 0)
                {
                    quotes.Add(new Quote(new TextSpan(open, i + width), Trim(text, open + MarkWidth(text, open), i)));
                    open = -1;
                }

                i += width - 1;
            }

            if (open >= 0)
            {
                var next = p + 1 < document.Paragraphs.Count ? document.Paragraphs[p + 1].Span.Start : -1;
                if (next < 0 || !(text[next] is '“' or '"' || (text[next] == '\'' && next + 1 < text.Length && text[next + 1] == '\'')))
                {
                    quotes.Add(new Quote(new TextSpan(open, span.End), Trim(text, open + MarkWidth(text, open), span.End)));
                    open = -1;
                }
            }
        }

        return quotes;
    }

    /// <summary>The quote whose closing mark lies at or just before <paramref name="position"/> (within a comma).</summary>
    public static int EndingNear(List<Quote> quotes, string text, int position)
    {
        for (var q = quotes.Count - 1; q >= 0; q--)
        {
            var end = quotes[q].Outer.End;
            if (end > position)
            {
                continue;
            }

            var gap = text.AsSpan(end, position - end).Trim();
            return gap.IsEmpty || gap is "," ? q : -1;
        }

        return -1;
    }

    /// <summary>The quote whose opening mark lies at or just after <paramref name="position"/> (after a colon or comma).</summary>
    public static int StartingNear(List<Quote> quotes, string text, int position)
    {
        for (var q = 0; q < quotes.Count; q++)
        {
            var start = quotes[q].Outer.Start;
            if (start < position)
            {
                continue;
            }

            var gap = text.AsSpan(position, start - position).Trim();
            return gap.IsEmpty || gap is ":" or "," ? q : -1;
        }

        return -1;
    }

    private static int MarkWidth(string text, int at) => text[at] == '\'' && at + 1 < text.Length && text[at + 1] == '\'' ? 2 : 1;

    private static TextSpan Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] == ','))
        {
            end--;
        }

        return new TextSpan(start, end);
    }
}
