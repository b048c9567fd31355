using System.Text.RegularExpressions;
using Tacitus.Documents;
using Tacitus.Mentions.Time;
using Tacitus.Pipeline;

namespace Tacitus.Mentions;

/// <summary>
/// Finds date and time expressions and resolves them against the publication date: Microsoft.Recognizers finds them
/// (only in small windows around trigger words, see <see cref="TimeTriggers"/>), and the project's own rules read them:
/// tense for bare weekdays and months, event anchors for "the next morning", the day for a bare time of day.
/// Values are TimeML TIMEX3 values ("2019-01-08TNI", "2018-05", "P1D", "PRESENT_REF").
/// </summary>
internal sealed partial class TimeRecognizer : IPipelineStage
{
    private readonly bool useRecognizer;

    /// <summary>
    /// A stage for a pipeline. With <paramref name="useRecognizer"/> the windows the rules cannot read go to
    /// Microsoft.Recognizers, whose model starts building now, beside the other stages' loading; without it (the
    /// default) the rules read what they can and the model is never built.
    /// </summary>
    public TimeRecognizer(bool useRecognizer = false)
    {
        this.useRecognizer = useRecognizer;
        if (useRecognizer)
        {
            RecognizerModel.Prepare();
        }
    }

    public string Name => "times";

    public Annotations Requires => Annotations.Sentences | Annotations.Tokens | Annotations.Boilerplate;

    public Annotations Assigns => Annotations.Times;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        var published = document.Metadata.Published;
        var refTime = (published ?? new DateOnly(2000, 1, 1)).ToDateTime(TimeOnly.MinValue);
        var earlier = new List<ResolvedTime>();
        var found = new List<TimeCandidate>();
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (sentence.Boilerplate || sentence.TokenCount == 0)
            {
                continue;
            }

            found.Clear();
            if (useRecognizer)
            {
                Recognise(document, sentence, published, refTime, found);
            }
            else
            {
                ReadByRules(document, sentence, published, refTime, found);
            }

            found.Sort((x, y) => x.Span.Start.CompareTo(y.Span.Start));
            foreach (var candidate in found)
            {
                var expression = document.Slice(candidate.Span);
                var tense = candidate.Mod == "since" ? Tense.Past : TenseReader.Read(document, sentence, candidate.Span);
                if (TimexResolver.Resolve(candidate, expression, published, tense, earlier, sentence.Index) is not { } reading)
                {
                    continue;
                }

                if (published is null && reading.Info.Basis == "publication")
                {
                    continue; // relative to a date we do not know
                }

                document.Mentions.Add(new Mention
                {
                    Kind = MentionKind.Time,
                    Span = candidate.Span,
                    Sentence = sentence.Index,
                    Time = reading.Info,
                    Rule = $"{candidate.Rule}:{candidate.Kind};tense={tense.ToString().ToLowerInvariant()};basis={reading.Info.Basis}",
                });
                if (reading.Anchorable is { } anchorable)
                {
                    earlier.Add(new ResolvedTime(anchorable, sentence.Index, tense));
                }
            }
        }
    }

    /// <summary>
    /// Sentences longer than this many tokens (a table or a list read as one sentence) are read in bounded windows
    /// only, never whole: the recogniser's time grows faster than the length of what it is given.
    /// </summary>
    internal const int LongSentenceTokens = 150;

    /// <summary>The most tokens handed to the recogniser at once in a long sentence.</summary>
    internal const int MaxWindowTokens = 60;

    /// <summary>The rules alone: each window's expressions the rules can read, and the anchored phrases ("that night").</summary>
    private static void ReadByRules(Document document, Sentence sentence, DateOnly? published, DateTime refTime, List<TimeCandidate> found)
    {
        var text = document.Text;
        var tokens = document.TokensOf(sentence);
        var windows = TimeTriggers.Windows(text, tokens);
        foreach (var (first, last) in windows)
        {
            CommonTimeExpressions.ReadAll(text, tokens, first, last, published, found);
            AddAnchoredPhrases(document, new TextSpan(tokens[first].Span.Start, tokens[last].Span.End), refTime, found);
        }
    }

    private static void Recognise(Document document, Sentence sentence, DateOnly? published, DateTime refTime, List<TimeCandidate> found)
    {
        var text = document.Text;
        var tokens = document.TokensOf(sentence);
        var windows = TimeTriggers.Windows(text, tokens);
        if (windows.Count == 0)
        {
            return;
        }

        if (tokens.Length > LongSentenceTokens)
        {
            RecogniseLong(document, tokens, TimeTriggers.Bounded(tokens, windows, TimeTriggers.Context, MaxWindowTokens), published, refTime, found);
            return;
        }

        var model = RecognizerModel.Instance;
        var touchesEdge = false;
        foreach (var (first, last) in windows)
        {
            if (CommonTimeExpressions.TryRead(text, tokens, first, last, published, found))
            {
                continue; // simple enough to read without the recogniser
            }

            var window = new TextSpan(tokens[first].Span.Start, tokens[last].Span.End);
            var before = found.Count;
            Collect(document, model, window, refTime, found);
            for (var i = before; i < found.Count; i++)
            {
                var span = found[i].Span;
                if ((span.Start <= window.Start && first > 0) || (span.End >= window.End && last < tokens.Length - 1))
                {
                    touchesEdge = true;
                }
            }

            if (touchesEdge)
            {
                break; // the whole sentence is read below and replaces what the windows found: the rest need no reading
            }

            AddAnchoredPhrases(document, window, refTime, found);
        }

        if (touchesEdge)
        {
            // an expression may run past the window: read the whole sentence instead
            found.Clear();
            Collect(document, model, sentence.Span, refTime, found);
            AddAnchoredPhrases(document, sentence.Span, refTime, found);
        }
    }

    /// <summary>
    /// A long sentence: each window is widened on both sides (so an expression running past a trigger's context is
    /// still whole) and read on its own, at most <see cref="MaxWindowTokens"/> tokens at a time; the time taken grows
    /// with the sentence's length, not faster.
    /// </summary>
    private static void RecogniseLong(Document document, ReadOnlySpan<Token> tokens, List<(int First, int Last)> windows, DateOnly? published, DateTime refTime, List<TimeCandidate> found)
    {
        var model = RecognizerModel.Instance;
        foreach (var (first, last) in windows)
        {
            if (published is { } p && CommonTimeExpressions.TryRead(document.Text, tokens, first, last, p, found))
            {
                continue;
            }

            var window = new TextSpan(tokens[first].Span.Start, tokens[last].Span.End);
            Collect(document, model, window, refTime, found);
            AddAnchoredPhrases(document, window, refTime, found);
        }
    }

    private static void Collect(Document document, Microsoft.Recognizers.Text.DateTime.DateTimeModel model, TextSpan window, DateTime refTime, List<TimeCandidate> found)
    {
        var text = document.Text;
        var query = window.TextOf(text);
        if (query.Contains('\'', StringComparison.Ordinal))
        {
            // the recogniser resolves "New Year’s" but not "New Year's"; the swap keeps every offset
            query = StraightPossessivePattern().Replace(query, "’s");
        }

        foreach (var result in model.Parse(query, refTime))
        {
            if (result.Resolution is null || !result.Resolution.TryGetValue("values", out var raw) || raw is not List<Dictionary<string, string>> { Count: > 0 } values ||
                !values[0].TryGetValue("timex", out var timex) || string.IsNullOrEmpty(timex))
            {
                continue;
            }

            var start = window.Start + result.Start;
            var end = window.Start + result.End + 1;
            if (start < window.Start || end > window.End || end <= start)
            {
                continue;
            }

            var span = Trim(document, new TextSpan(start, end));
            if (span.IsEmpty || IsOrdinalSecond(text, span) || BarePartOfDayPattern().IsMatch(span.Of(text)))
            {
                continue; // "a second summit"; "spend the night" names no particular night
            }

            var kind = result.TypeName.AsSpan(result.TypeName.IndexOf('.') + 1).ToString();
            values[0].TryGetValue("Mod", out var mod);
            found.Add(new TimeCandidate(span, kind, timex, mod, "recognizers"));
        }
    }

    /// <summary>"that night", "the same day", "later that day": anchored to the event told before; the recogniser misses them.</summary>
    private static void AddAnchoredPhrases(Document document, TextSpan window, DateTime refTime, List<TimeCandidate> found)
    {
        var text = document.Text;
        foreach (var match in AnchoredPhrasePattern().EnumerateMatches(window.Of(text)))
        {
            var span = new TextSpan(window.Start + match.Index, window.Start + match.Index + match.Length);
            if (found.Exists(c => c.Span.Overlaps(span) && c.Span.Length >= span.Length))
            {
                continue;
            }

            found.RemoveAll(c => c.Span.Overlaps(span));
            var phrase = span.Of(text);
            if (phrase.Contains("year-", StringComparison.OrdinalIgnoreCase))
            {
                // "the year-ago quarter": the period talked about, a year back
                var year = (refTime.Year - 1).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
                found.Add(new TimeCandidate(span, "daterange", year, null, "anchored-phrase"));
                continue;
            }

            var part = PartOfDay(phrase);
            var timex = DateOnly.FromDateTime(refTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + part;
            found.Add(new TimeCandidate(span, part.Length == 0 ? "date" : "datetimerange", timex, null, "anchored-phrase"));
        }
    }

    private static string PartOfDay(ReadOnlySpan<char> phrase) =>
        phrase.EndsWith("morning", StringComparison.OrdinalIgnoreCase) ? "TMO" :
        phrase.EndsWith("afternoon", StringComparison.OrdinalIgnoreCase) ? "TAF" :
        phrase.EndsWith("evening", StringComparison.OrdinalIgnoreCase) ? "TEV" :
        phrase.EndsWith("night", StringComparison.OrdinalIgnoreCase) ? "TNI" : string.Empty;

    /// <summary>
    /// TIMEX3 extent: drops a leading signal ("by 2 p.m. Wednesday" → "2 p.m. Wednesday", "since March" → "March")
    /// and trailing punctuation; takes in a determiner the recogniser left out ("the past three months").
    /// </summary>
    private static TextSpan Trim(Document document, TextSpan span)
    {
        var text = document.Text;
        var start = span.Start;
        var end = span.End;
        while (true)
        {
            var space = text.AsSpan(start, end - start).IndexOf(' ');
            if (space <= 0 || !TimeWords.Shipped.LeadingSignals.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(start, space)))
            {
                break;
            }

            start += space + 1;
        }

        while (end > start && (char.IsPunctuation(text[end - 1]) && text[end - 1] != '.' || char.IsWhiteSpace(text[end - 1])))
        {
            end--;
        }

        if (start >= 4 && text.AsSpan(start - 4, 4).Equals("the ", StringComparison.OrdinalIgnoreCase) && (start == 4 || !char.IsLetter(text[start - 5])) &&
            DeterminedPattern().IsMatch(text.AsSpan(start, end - start)))
        {
            start -= 4;
        }

        return new TextSpan(start, end);
    }

    /// <summary>"a second summit" is not one second.</summary>
    private static bool IsOrdinalSecond(string text, TextSpan span)
    {
        var expression = span.Of(text);
        if (!expression.EndsWith("second", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var i = span.End;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i < text.Length && char.IsLower(text[i]) && !SecondFollowerPattern().IsMatch(text.AsSpan(i, Math.Min(8, text.Length - i)));
    }

    [GeneratedRegex(@"\b(?:(?:(?:later|earlier)\s+that|that|the\s+same)\s+(?:day|morning|afternoon|evening|night)\b|(?:the\s+)?year-(?:ago|earlier)(?:\s+(?:quarter|period|month|week)\b)?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnchoredPhrasePattern();

    [GeneratedRegex(@"(?<=\p{L})'s\b", RegexOptions.CultureInvariant)]
    private static partial Regex StraightPossessivePattern();

    [GeneratedRegex(@"^(?:morning|afternoon|evening|night)s?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BarePartOfDayPattern();

    [GeneratedRegex(@"^(?:past|last|next|following|previous|coming|same|first|final|latest|early|late|end|beginning|start|middle)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeterminedPattern();

    [GeneratedRegex(@"^(?:ago|later|earlier|before|after|of|in|and|or)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SecondFollowerPattern();
}
