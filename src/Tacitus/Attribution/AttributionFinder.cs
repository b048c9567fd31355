using System.Collections.Frozen;
using Tacitus.Documents;
using Tacitus.Events;
using Tacitus.Pipeline;

namespace Tacitus.Attributions;

/// <summary>
/// Finds reported statements: for each cue (data/attribution/cues.tsv) the source, the content it governs, the
/// chain of sources behind it and whether the ultimate source is unnamed.
/// <list type="bullet">
/// <item>"X said (that) ..." / "X told a briefing Tuesday that ...": content is the rest of the sentence (after "that").</item>
/// <item>"..., X said." / "“...,” X said." / "..., said X.": content is what comes before the comma; a quotation
/// (which may run over several sentences and paragraphs) when the comma closes one.</item>
/// <item>"according to X": content is the rest of the sentence on the other side of the phrase.</item>
/// <item>"X reported, citing Y": Y is the chain; anonymity is read from the source and the chain.</item>
/// <item>", saying ...": the source is the sentence's subject.</item>
/// <item>A trailing attribution whose content opens with a pronoun ("He flew home at noon, the agency reported.")
/// also covers the sentences before it in the paragraph that have no attribution of their own.</item>
/// <item>A quotation with no cue of its own continues the speaker of the last attribution in the same or the
/// previous paragraph.</item>
/// </list>
/// Reads <see cref="Document.Mentions"/> (people, organisations, countries, times) when earlier stages set them.
/// </summary>
internal sealed class AttributionFinder : IPipelineStage
{
    private const int MaxSourceTokens = 12;

    private static readonly FrozenSet<string> SkipBeforeCue = FrozenSet.ToFrozenSet(
        ["have", "has", "had", "will", "would", "could", "may", "might", "must", "should", "can", "do", "did", "does", "also", "later", "again", "previously",
         "repeatedly", "publicly", "privately", "then", "once", "earlier", "recently", "further", "still", "just", "already", "not", "reportedly",
         "separately", "often", "always", "never", "initially", "first", "last", "now", "yet", "even", "only", "flatly", "firmly", "strongly",
         "quickly", "simply", "clearly", "openly", "told", "long", "since", "'d", "'ve", "'ll"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> SourceBoundaries = FrozenSet.ToFrozenSet(
        ["that", "which", "who", "whom", "whose", "while", "when", "because", "although", "though", "if", "unless", "but", "so", "where", "as", "after", "before", "since"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> NounMarkers = FrozenSet.ToFrozenSet(
        ["the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your", "of", "been", "such", "no", "any", "some",
         "many", "recent", "latest", "new", "media", "news", "press", "previous", "in", "on", "to", "for", "with", "by", "from"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> Anaphors = FrozenSet.ToFrozenSet(
        ["he", "she", "they", "it", "his", "her", "their", "its", "this", "these", "there", "that"], StringComparer.Ordinal);

    private readonly CueLexicon cues;
    private readonly SourceResolver resolver;
    private readonly Lemmatizer lemmatizer;
    private readonly FrozenSet<string> verbLemmas;

    public AttributionFinder()
        : this(CueLexicon.Shipped, SourceResolver.Shipped)
    {
    }

    public AttributionFinder(CueLexicon cues, SourceResolver resolver)
    {
        this.cues = cues;
        this.resolver = resolver;
        verbLemmas = cues.Words.Concat(EventPatterns.Shipped.TriggerLemmas).ToFrozenSet(StringComparer.Ordinal);
        lemmatizer = new Lemmatizer(Lemmatizer.ShippedIrregularForms, cues.Words.Concat(EventPatterns.Shipped.Words));
    }

    public string Name => "attribution";

    public Annotations Requires => Annotations.Sentences | Annotations.Tokens | Annotations.Boilerplate | Annotations.Actors | Annotations.Entities | Annotations.Times;

    public Annotations Assigns => Annotations.Attributions;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        var mentions = new MentionIndex(document);
        var quotes = QuoteTracker.Find(document);
        var trailing = new HashSet<Documents.Attribution>();
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (sentence.Boilerplate || sentence.TokenCount == 0)
            {
                continue;
            }

            var w = new WordSequence(document, sentence, lemmatizer);
            var headline = IsHeadline(w);
            var reader = new SentenceReader(this, w, mentions, quotes, document.Attributions, trailing);
            for (var i = 0; i < w.Count; i++)
            {
                if (w.Kind(i) != TokenKind.Word || (i > 0 && w.IsCapitalized(i) && !headline) || cues.At(w, i) is not { } cue || InsideQuote(quotes, w.Span(i).Start))
                {
                    continue; // a cue inside a quotation is the speaker's own speech ("I think"), not the article's report
                }

                var found = cue.Cue.Frame switch
                {
                    CueFrame.Preposition => reader.According(cue),
                    CueFrame.Verb => reader.Verbal(cue),
                    _ => null,
                };
                if (found is not null)
                {
                    document.Attributions.Add(found);
                    i = Math.Max(i, cue.End - 1);
                }
            }

            if (reader.ColonBeforeQuote() is { } colon)
            {
                document.Attributions.Add(colon);
            }
        }

        ExtendTrailing(document, trailing);
        CarryQuotes(document, quotes);
        document.Attributions.Sort((a, b) => a.Cue.Start != b.Cue.Start ? a.Cue.Start.CompareTo(b.Cue.Start) : a.Content.Start.CompareTo(b.Content.Start));
    }

    /// <summary>A title-case line ("Clinton Says Russians Hacked DNC"): capitalised cue words count there.</summary>
    private static bool IsHeadline(WordSequence w)
    {
        int words = 0, capitals = 0;
        for (var i = 0; i < w.Count; i++)
        {
            if (w.Kind(i) == TokenKind.Word && w.Lower(i).Length > 3)
            {
                words++;
                capitals += w.IsCapitalized(i) ? 1 : 0;
            }
        }

        return words >= 3 && capitals * 10 >= words * 8;
    }

    private static bool InsideQuote(List<Quote> quotes, int position)
    {
        foreach (var q in quotes)
        {
            if (q.Inner.Contains(position) && q.Inner.Length < 1500)
            {
                return true;
            }

            if (q.Inner.Start > position)
            {
                break;
            }
        }

        return false;
    }

    /// <summary>A trailing attribution whose content opens with a pronoun covers the unattributed sentences before it.</summary>
    private static void ExtendTrailing(Document document, HashSet<Documents.Attribution> trailing)
    {
        if (trailing.Count == 0)
        {
            return;
        }

        var extended = new List<(Documents.Attribution Old, Documents.Attribution New)>();
        foreach (var a in trailing)
        {
            var s = document.SentenceAt(a.Content.Start);
            if (s < 0 || document.Sentences[s].Span.Start != a.Content.Start || !Anaphors.Contains(FirstWord(document.Text, a.Content.Start)))
            {
                continue;
            }

            var start = a.Content.Start;
            for (var p = s - 1; p >= 0; p--)
            {
                var prev = document.Sentences[p];
                if (prev.Paragraph != document.Sentences[s].Paragraph || prev.Boilerplate || document.Attributions.Any(x => x.Evidence.Overlaps(prev.Span) || x.Content.Overlaps(prev.Span)))
                {
                    break;
                }

                start = prev.Span.Start;
            }

            if (start < a.Content.Start)
            {
                extended.Add((a, Copy(a, new TextSpan(start, a.Content.End), a.Rule + "; content extended back over the paragraph (anaphoric opening)")));
            }
        }

        foreach (var (old, replacement) in extended)
        {
            document.Attributions[document.Attributions.IndexOf(old)] = replacement;
        }
    }

    /// <summary>A quotation with no cue of its own continues the speaker of the last attribution nearby.</summary>
    private static void CarryQuotes(Document document, List<Quote> quotes)
    {
        var added = new List<Documents.Attribution>();
        foreach (var q in quotes)
        {
            if (q.WordCount(document.Text) < 4 || document.Attributions.Any(a => a.Content.Overlaps(q.Inner)))
            {
                continue;
            }

            var qs = document.SentenceAt(q.Inner.Start);
            if (qs < 0 || document.Sentences[qs].Boilerplate)
            {
                continue;
            }

            var paragraph = document.Sentences[qs].Paragraph;
            Documents.Attribution? speaker = null;
            foreach (var a in document.Attributions)
            {
                var cs = document.SentenceAt(a.Cue.Start);
                if (a.Cue.Start < q.Outer.Start && cs >= 0 && document.Sentences[cs].Paragraph >= paragraph - 1 && a.Source.Kind is "person" or "official" or "anonymous")
                {
                    speaker = a;
                }
            }

            if (speaker is null)
            {
                continue;
            }

            var carried = new Documents.Attribution
            {
                Source = speaker.Source,
                Cue = speaker.Cue,
                Content = q.Inner,
                Evidence = SentencesOf(document, q.Inner),
                Anonymous = speaker.Anonymous,
                DirectQuote = true,
                Rule = $"quotation without a cue: continues the previous speaker ({speaker.Source.Name ?? speaker.Source.Text})",
            };
            carried.Via.AddRange(speaker.Via);
            added.Add(carried);
        }

        document.Attributions.AddRange(added);
    }

    private static string FirstWord(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return text[start..end].ToLowerInvariant();
    }

    private static Documents.Attribution Copy(Documents.Attribution a, TextSpan content, string? rule)
    {
        var copy = new Documents.Attribution
        {
            Source = a.Source,
            Cue = a.Cue,
            Content = content,
            Evidence = new TextSpan(Math.Min(content.Start, a.Evidence.Start), Math.Max(content.End, a.Evidence.End)),
            Anonymous = a.Anonymous,
            DirectQuote = a.DirectQuote,
            Denial = a.Denial,
            Date = a.Date,
            Rule = rule,
        };
        copy.Via.AddRange(a.Via);
        return copy;
    }

    private static TextSpan SentencesOf(Document document, TextSpan span)
    {
        var first = document.SentenceAt(span.Start);
        var last = document.SentenceAt(Math.Max(span.Start, span.End - 1));
        return first < 0 || last < 0 ? span : new TextSpan(document.Sentences[first].Span.Start, document.Sentences[last].Span.End);
    }

    /// <summary>Reads the attributions of one sentence.</summary>
    private sealed class SentenceReader(
        AttributionFinder owner,
        WordSequence w,
        MentionIndex mentions,
        List<Quote> quotes,
        List<Documents.Attribution> earlier,
        HashSet<Documents.Attribution> trailing)
    {
        private ClauseReader? clauses;

        private string Text => w.Document.Text;

        /// <summary>"according to X": the source follows the cue; the content is the other side of the phrase.</summary>
        public Documents.Attribution? According(CueMatch cue)
        {
            var first = cue.End;
            var last = first;
            while (last < w.Count && !IsClauseBreak(last) && last - first < 15)
            {
                last++;
            }

            if (last == first)
            {
                return null;
            }

            var sourceLast = last - 1;
            TextSpan content;
            if (StartsClause(cue.Start))
            {
                var from = last < w.Count && w.Lower(last) == "," ? last + 1 : last;
                if (from >= w.Count)
                {
                    return null;
                }

                content = Trimmed(w.Span(from).Start, w.Sentence.Span.End);
            }
            else
            {
                var to = cue.Start;
                while (to > 0 && w.IsPunctuation(to - 1))
                {
                    to--;
                }

                content = Trimmed(w.Sentence.Span.Start, to > 0 ? w.Span(to - 1).End : w.Span(0).Start);
            }

            return Build(cue, first, sourceLast, content, direct: false, "according to X", sourceLast + 1);
        }

        /// <summary>"The ministry in a statement: “...”": a short source, a colon and a quotation (when no verb cue took the quote).</summary>
        public Documents.Attribution? ColonBeforeQuote()
        {
            for (var c = 1; c + 1 < w.Count; c++)
            {
                if (w.Lower(c) != ":" || !w.IsQuote(c + 1) || c > 8 || QuoteTracker.StartingNear(quotes, Text, w.Span(c).End) is not (var q and >= 0))
                {
                    continue;
                }

                if (earlier.Any(a => a.Content.Overlaps(quotes[q].Inner)) || InsideQuote(quotes, w.Span(0).Start))
                {
                    return null;
                }

                for (var t = 0; t < c; t++)
                {
                    if (owner.cues.At(w, t) is not null && !w.IsCapitalized(t))
                    {
                        return null; // "X said:" is a verb cue
                    }
                }

                var colon = new Cue([":"], "speech", CueFrame.Verb);
                return Build(new CueMatch(colon, c, c + 1), 0, c - 1, quotes[q].Inner, direct: true, "colon before a quotation", c + 1);
            }

            return null;
        }

        /// <summary>A verb cue: leading ("X said that ..."), trailing ("..., X said"), inverted ("..., said X") or participle (", saying ...").</summary>
        public Documents.Attribution? Verbal(CueMatch cue)
        {
            var c = cue.Start;
            var lower = w.Lower(c);
            if (c > 0 && (owner.IsNounUse(w, c) || IsPassive(cue)))
            {
                return null;
            }

            // "believed to be", "is said to have": a raising verb, no source
            if (cue.End < w.Count && w.Lower(cue.End) == "to" && cue.Cue.Kind is not "request")
            {
                return null;
            }

            // a bare base form ("state media", "report cards") is a verb only after a pronoun, modal or plural subject
            if (lower == w.Lemma(c) && !lower.EndsWith("ing", StringComparison.Ordinal) && !BaseFormSubject(c))
            {
                return null;
            }

            var j = c - 1;
            while (j >= 0 && SkipBeforeCue.Contains(w.Lower(j)))
            {
                j--;
            }

            if (lower.EndsWith("ing", StringComparison.Ordinal) && j >= 0 && (w.Lower(j) is "," or "and" || w.IsQuote(j)))
            {
                return Participle(cue);
            }

            if (j < 0)
            {
                return null;
            }

            if (w.Lower(j) is "," or "—" || w.IsQuote(j) || w.Lower(j) == "and")
            {
                if (j == c - 1 && w.Lower(j) != "and" && Inverted(cue.End) is { } inverted)
                {
                    var content = Before(j, out var direct);
                    if (content.IsEmpty)
                    {
                        return null;
                    }

                    var a = Build(cue, inverted.First, inverted.Last, content, direct, "inverted: \"..., said X\"", inverted.Last + 1);
                    if (a is not null)
                    {
                        trailing.Add(a);
                    }

                    return a;
                }

                if (w.Lower(j) == "and")
                {
                    return Participle(cue);
                }

                if (ApposedSubject(j) is { } apposed)
                {
                    return Leading(cue, apposed.First, apposed.Last, "subject before an apposition or relative clause");
                }

                return null;
            }

            var k = SourceStart(j);
            if (j - k >= MaxSourceTokens || (owner.verbLemmas.Contains(w.Lemma(j)) && !w.IsCapitalized(j) && w.Lemma(j) != w.Lower(j) && !w.Lower(j).EndsWith('s')))
            {
                return null;
            }

            var before = k - 1;
            if (before > 0 && (w.Lower(before) == "," || w.IsQuote(before)) && EndsClauseSoon(cue))
            {
                var content = Before(before, out var direct);
                if (!content.IsEmpty)
                {
                    var a = Build(cue, k, j, content, direct, "trailing: \"..., X said\"", cue.End);
                    if (a is not null)
                    {
                        trailing.Add(a);
                    }

                    return a;
                }
            }

            return Leading(cue, k, j, before >= 0 && w.Lower(before) is "who" or "which" ? "leading, in a relative clause" : "leading: \"X said (that) ...\"");
        }

        private Documents.Attribution? Leading(CueMatch cue, int first, int last, string rule)
        {
            var from = cue.End;
            var inRelative = first > 0 && w.Lower(first - 1) is "who" or "which";
            var limit = Math.Min(w.Count, from + (cue.Cue.Words[0] == "tell" ? 14 : 10));
            for (var t = from; t < limit; t++)
            {
                if (w.Lower(t) == "that")
                {
                    from = t + 1;
                    break;
                }

                if (w.IsPunctuation(t) && w.Lower(t) != "." && w.Lower(t) != "'")
                {
                    break;
                }
            }

            if (from == cue.End && cue.Cue.Words[0] == "tell")
            {
                // "told reporters ..." : skip a short object
                var t = from;
                while (t < w.Count && t - from < 3 && !w.IsPunctuation(t) && !ClauseReader.Pronouns.Contains(w.Lower(t)) && !w.IsCapitalized(t))
                {
                    t++;
                }

                from = t < w.Count && t > from ? t : from;
            }

            while (from < w.Count && w.IsPunctuation(from) && !w.IsQuote(from))
            {
                from++;
            }

            if (from >= w.Count)
            {
                // "He said." : the content is the quotation or sentence before
                var prevQuote = QuoteTracker.EndingNear(quotes, Text, w.Sentence.Span.Start);
                if (prevQuote < 0)
                {
                    return null;
                }

                return Build(cue, first, last, quotes[prevQuote].Inner, direct: true, rule + "; content: the quotation before", cue.End);
            }

            if (w.IsQuote(from) && QuoteTracker.StartingNear(quotes, Text, w.Span(from).Start) is var q and >= 0)
            {
                return Build(cue, first, last, quotes[q].Inner, direct: true, rule + "; content: quotation", cue.End);
            }

            from = SkipTime(from);
            var end = w.Sentence.Span.End;
            if (inRelative)
            {
                for (var t = from; t < w.Count; t++)
                {
                    if (w.Lower(t) == ",")
                    {
                        end = w.Span(t).Start;
                        break;
                    }
                }
            }

            var content = Trimmed(w.Span(from).Start, end);
            return content.IsEmpty ? null : Build(cue, first, last, content, direct: false, rule, cue.End);
        }

        private Documents.Attribution? Participle(CueMatch cue)
        {
            if (SentenceSubject(cue.Start) is not { } subject)
            {
                return null;
            }

            var (first, last) = subject;

            var from = cue.End;
            if (from < w.Count && w.Lower(from) == "that")
            {
                from++;
            }

            from = SkipTime(from);
            if (from >= w.Count)
            {
                return null;
            }

            var content = Trimmed(w.Span(from).Start, w.Sentence.Span.End);
            return content.IsEmpty ? null : Build(cue, first, last, content, direct: false, "participle: \", saying ...\" (subject of the sentence)", cue.End);
        }

        /// <summary>Where the source ending at token <paramref name="j"/> begins: back to a clause boundary, taking in
        /// an unnamed source's own relative clause ("diplomats who asked not to be named").</summary>
        private int SourceStart(int j)
        {
            var k = j;
            while (true)
            {
                while (k - 1 >= 0 && !IsSourceBoundary(k - 1) && j - k < MaxSourceTokens)
                {
                    k--;
                }

                var b = k - 1;
                if (b > 0 && w.Lower(b) is "who" or "that" && !w.IsCapitalized(b - 1) && !w.IsPunctuation(b - 1) && NoCapitals(k, j))
                {
                    k = b;
                    continue;
                }

                return k;
            }
        }

        private bool NoCapitals(int from, int to)
        {
            for (var i = from; i <= to; i++)
            {
                if (w.IsCapitalized(i))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The subject of the sentence's main clause: the first actor (or capitalised noun phrase) of the
        /// first segment that has one, before <paramref name="limit"/>.</summary>
        private (int First, int Last)? SentenceSubject(int limit)
        {
            clauses ??= new ClauseReader(w, mentions, owner.verbLemmas, []);
            foreach (var seg in clauses.Segments)
            {
                if (seg.Start >= limit)
                {
                    break;
                }

                if (seg.Kind is BoundaryKind.Relative or BoundaryKind.That or BoundaryKind.Subordinator)
                {
                    continue;
                }

                var end = Math.Min(seg.End, limit);
                var actor = clauses.FirstActor(seg.Start, end);
                if (actor >= 0)
                {
                    var compound = clauses.Compound(actor, end);
                    var span = new TextSpan(mentions[compound[0]].Span.Start, mentions[compound[^1]].Span.End);
                    var first = w.TokenAtOrAfter(span.Start);
                    return (first, Math.Max(first, w.TokenEndingBy(span.End)));
                }

                if (clauses.NounPhrase(seg.Start, end) is { } np && (w.IsCapitalized(np.First) || ClauseReader.Pronouns.Contains(w.Lower(np.First))))
                {
                    return np;
                }
            }

            return null;
        }

        private bool BaseFormSubject(int c)
        {
            var j = c - 1;
            while (j >= 0 && (SkipBeforeCue.Contains(w.Lower(j)) && w.Lower(j) is not ("will" or "would" or "could" or "may" or "might" or "must" or "should" or "can" or "do" or "did" or "does")))
            {
                j--;
            }

            if (j < 0)
            {
                return false;
            }

            var prev = w.Lower(j);
            return prev is "i" or "we" or "you" or "they" or "," or "will" or "would" or "could" or "may" or "might" or "must" or "should" or "can" or "do" or "did" or "does" or "to" or "\""
                || (prev.EndsWith('s') && !prev.EndsWith("ss", StringComparison.Ordinal));
        }

        /// <summary>True when the cue ends its clause: at most a few words ("in a statement", "on Tuesday") before a comma or the end.</summary>
        private bool EndsClauseSoon(CueMatch cue)
        {
            var from = cue.End;
            if (from < w.Count && !IsClauseBreak(from) && !Time(from) && !w.Lower(from).EndsWith("ly", StringComparison.Ordinal)
                && w.Lower(from) is not ("on" or "in" or "at" or "during" or "late" or "early" or "earlier" or "later" or "last" or "this" or "today" or "yesterday" or "tonight" or "via" or "through" or "after" or "before")
                && !(cue.Cue.Words[0] == "tell" && from + 2 < w.Count && (IsClauseBreak(from + 1) || IsClauseBreak(from + 2))))
            {
                return false; // an object or complement follows: "denied any role", "said the plan failed"
            }

            for (var t = from; t < w.Count; t++)
            {
                if (IsClauseBreak(t))
                {
                    return true;
                }

                if (t - from >= 6 || w.Lower(t) == "that")
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>", said Omar Haddad." : a short source right after the cue, then the end or a comma.</summary>
        private (int First, int Last)? Inverted(int from)
        {
            var t = from;
            while (t < w.Count && !IsClauseBreak(t) && t - from < 8)
            {
                t++;
            }

            if (t == from || (t < w.Count && !IsClauseBreak(t)))
            {
                return null;
            }

            // the source must look like a noun phrase: a capitalised word, a determiner or a pronoun first
            var lead = w.Lower(from);
            if (lead == "that" || !(w.IsCapitalized(from) || ClauseReader.Determiners.Contains(lead) || ClauseReader.Pronouns.Contains(lead)) || mentions.HasActors && Time(from))
            {
                return null;
            }

            if (lead is "on" or "in" or "at" || owner.verbLemmas.Contains(w.Lemma(from)))
            {
                return null;
            }

            var last = t - 1;
            while (last > from && (w.IsPunctuation(last) || Time(last)))
            {
                last--;
            }

            for (var i = from; i <= last; i++)
            {
                if (w.Lemma(i) is "be" or "have" or "do" || ClauseReader.Auxiliaries.Contains(w.Lemma(i)) || (i > from && ClauseReader.Determiners.Contains(w.Lower(i)) && w.Lower(i) is "the" or "a" or "an"))
                {
                    return null; // a clause, not a name: "..., said the flood was the worst"
                }
            }

            return last - from <= 5 ? (from, last) : null;
        }

        /// <summary>"Lena Berg, a researcher at ..., said" / "Egypt and Kenya, which both ..., have called": the subject before the aside.</summary>
        private (int First, int Last)? ApposedSubject(int comma)
        {
            var open = comma - 1;
            while (open >= 0 && w.Lower(open) is not ("," or "—"))
            {
                open--;
            }

            if (open <= 0 || open == comma - 1)
            {
                return null;
            }

            var lead = w.Lower(open + 1);
            if (!(lead is "who" or "which" or "whose" or "a" or "an" or "the" or "one" or "former" or "also" or "now" or "along" or "like"
                || w.Lower(open) == "—" || char.IsDigit(lead[0]) || w.IsCapitalized(open + 1)))
            {
                return null;
            }

            var j = open - 1;
            var k = j;
            while (k - 1 >= 0 && !IsSourceBoundary(k - 1) && j - k < MaxSourceTokens)
            {
                k--;
            }

            return j >= 0 && j - k < MaxSourceTokens ? (k, j) : null;
        }

        /// <summary>Content before a comma or closing quote at token <paramref name="boundary"/>.</summary>
        private TextSpan Before(int boundary, out bool direct)
        {
            direct = false;
            var at = w.Span(boundary).Start;
            var q = QuoteTracker.EndingNear(quotes, Text, w.IsQuote(boundary) ? w.Span(boundary).End : at);
            if (q < 0 && boundary > 0 && w.IsQuote(boundary - 1))
            {
                q = QuoteTracker.EndingNear(quotes, Text, w.Span(boundary - 1).End);
            }

            if (q >= 0)
            {
                direct = true;
                return quotes[q].Inner;
            }

            return Trimmed(w.Sentence.Span.Start, at);
        }

        private Documents.Attribution? Build(CueMatch cue, int first, int last, TextSpan content, bool direct, string rule, int chainFrom)
        {
            if (first == last && w.Lower(first) is "you" or "me" or "us" or "this" or "that" or "which" or "there")
            {
                return null; // the speaker's own voice or a non-source ("it said" needs a referent we do not have)
            }

            var (source, anonymous, sourceRule) = owner.resolver.Resolve(w, mentions, first, last, earlier);
            var attribution = new Documents.Attribution
            {
                Source = source,
                Cue = new TextSpan(w.Span(cue.Start).Start, w.Span(cue.End - 1).End),
                Content = content,
                Evidence = Evidence(content),
                DirectQuote = direct,
                Denial = cue.Cue.Kind == "denial",
            };
            var rules = new List<string>(4) { $"cue \"{cue.Cue.Text}\" ({cue.Cue.Kind}, {rule})", sourceRule };
            if (Chain(chainFrom) is { } via)
            {
                var (viaSource, viaAnonymous, viaRule) = owner.resolver.Resolve(w, mentions, via.First, via.Last, earlier);
                attribution.Via.Add(viaSource);
                anonymous |= viaAnonymous;
                rules.Add($"chain: \"{w.Lower(via.First - 1)}\" → {viaRule}");
            }

            attribution.Anonymous = anonymous;
            attribution.Date = DateOf(cue, content);
            if (attribution.Date is not null)
            {
                rules.Add("date: time mention by the cue");
            }

            attribution.Rule = string.Join("; ", rules);
            return attribution;
        }

        /// <summary>", citing Y" / ", quoting Y" after the source or cue.</summary>
        private (int First, int Last)? Chain(int from)
        {
            var t = from;
            while (t < w.Count && t - from < 6 && w.Lower(t) != "," && !IsClauseBreak(t))
            {
                t++;
            }

            if (t + 2 >= w.Count || w.Lower(t) != "," || owner.cues.At(w, t + 1) is not { Cue.Frame: CueFrame.Chain } chain)
            {
                return null;
            }

            var first = chain.End;
            var last = first;
            while (last < w.Count && !IsClauseBreak(last) && last - first < 12)
            {
                last++;
            }

            return last > first ? (first, last - 1) : null;
        }

        private TimeInfo? DateOf(CueMatch cue, TextSpan content)
        {
            var region = content.Start > w.Span(cue.Start).Start
                ? new TextSpan(w.Span(cue.Start).Start, content.Start)
                : new TextSpan(w.Span(cue.Start).Start, w.Sentence.Span.End);
            foreach (var m in mentions.TimesIn(w.Sentence.Index))
            {
                var mention = mentions[m];
                if (region.Contains(mention.Span) && !content.Overlaps(mention.Span) && mention.Time is { Type: "DATE" or "TIME" } time)
                {
                    return time;
                }
            }

            return null;
        }

        private TextSpan Evidence(TextSpan content)
        {
            var doc = w.Document;
            var first = Math.Min(w.Sentence.Index, Math.Max(0, doc.SentenceAt(content.Start)));
            var lastSentence = doc.SentenceAt(Math.Max(content.Start, content.End - 1));
            var last = Math.Max(w.Sentence.Index, lastSentence);
            return new TextSpan(doc.Sentences[first].Span.Start, doc.Sentences[last].Span.End);
        }

        private int SkipTime(int from)
        {
            while (from < w.Count && Time(from))
            {
                from++;
            }

            if (from < w.Count && w.Lower(from) == "that")
            {
                from++;
            }

            return from;
        }

        private bool Time(int t)
        {
            var span = w.Span(t);
            foreach (var m in mentions.TimesIn(w.Sentence.Index))
            {
                if (mentions[m].Span.Contains(span.Start))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsPassive(CueMatch cue)
        {
            if (w.Lower(cue.Start).EndsWith("ing", StringComparison.Ordinal))
            {
                return false;
            }

            var j = cue.Start - 1;
            while (j >= 0 && SkipBeforeCue.Contains(w.Lower(j)) && w.Lemma(j) != "be")
            {
                j--;
            }

            return j >= 0 && w.Lemma(j) == "be" && !(cue.End < w.Count && w.Lower(cue.End) == "by");
        }

        private bool StartsClause(int t)
        {
            var k = t - 1;
            while (k >= 0 && (w.IsPunctuation(k) || w.Lower(k) is "but" or "and" or "yet" or "still" or "so"))
            {
                k--;
            }

            return k < 0;
        }

        private bool IsClauseBreak(int t)
        {
            if (!w.IsPunctuation(t))
            {
                return false;
            }

            var x = w.Lower(t);
            return x is "," or ";" or ":" or "—" or "(" or ")" or "\"" or "?" or "!" || (x == "." && t == w.Count - 1);
        }

        private bool IsSourceBoundary(int t)
        {
            if (w.IsPunctuation(t))
            {
                return w.Lower(t) is not ("." or "'" or "-" or "&");
            }

            return SourceBoundaries.Contains(w.Lower(t));
        }

        private TextSpan Trimmed(int start, int end)
        {
            var text = Text;
            while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is ',' or ':'))
            {
                start++;
            }

            while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or '.' or ':'))
            {
                end--;
            }

            return new TextSpan(start, end);
        }
    }

    /// <summary>"reports of", "the statement", "been reports": a cue word used as a noun.</summary>
    private bool IsNounUse(WordSequence w, int c)
    {
        var prev = w.Lower(c - 1);
        return NounMarkers.Contains(prev) || prev.EndsWith("'s", StringComparison.Ordinal);
    }
}
