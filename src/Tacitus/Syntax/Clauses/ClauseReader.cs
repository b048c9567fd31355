using System.Collections.Frozen;
using Tacitus.Documents;
using Tacitus.Knowledge;
using Tacitus.Mentions;

namespace Tacitus.Syntax.Clauses;

/// <summary>How a clause segment begins.</summary>
internal enum BoundaryKind
{
    SentenceStart,
    Comma,
    Semicolon,
    Colon,
    Dash,
    Parenthesis,
    Relative,
    That,
    Subordinator,
    Coordinator,
    Complement,
}

/// <summary>A run of tokens <c>[Start, End)</c> of a sentence between two clause boundaries.</summary>
internal readonly record struct ClauseSegment(int Start, int End, BoundaryKind Kind);

/// <summary>The subject found for a trigger: actor mentions (several for "Egypt and Kenya"), or words only.</summary>
internal sealed record SubjectResult(IReadOnlyList<int> Mentions, TextSpan? Words, bool Pronoun, string Rule, int Segment)
{
    public static SubjectResult None(string rule, int segment) => new([], null, false, rule, segment);

    public bool Found => Mentions.Count > 0 || Words is not null;
}

/// <summary>
/// Splits a sentence into clause segments at punctuation, relative pronouns, "that", subordinators, coordinated
/// verb phrases and the start of reported content, and finds the subject of a trigger: the first actor named in
/// its clause, else (for a clause without one: ", and returned", ", who ... ,") the subject of the clause it
/// continues, skipping appositions and relative clauses; the antecedent for "X, who Y accused".
/// </summary>
internal sealed class ClauseReader
{
    /// <summary>The function words the reader splits clauses with (data/clauses/words.tsv).</summary>
    private static readonly WordLists FunctionWords = WordLists.Embedded("clauses", "words.tsv");

    private static readonly FrozenSet<string> Relatives = FunctionWords["relative"];
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MentionJoiners = FunctionWords["mention-joiner"].GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string> Subordinators = FunctionWords["subordinator"];
    private static readonly FrozenSet<string> Coordinators = FunctionWords["coordinator"];

    internal static readonly FrozenSet<string> Auxiliaries = FunctionWords["auxiliary"];

    internal static readonly FrozenSet<string> Pronouns = FunctionWords["pronoun"];

    internal static readonly FrozenSet<string> Determiners = FunctionWords["determiner"];

    private static readonly FrozenSet<string> TitleBreakers = FunctionWords["title-breaker"];

    private static readonly FrozenSet<string> AppositionOpeners = FunctionWords["apposition-opener"];

    private static readonly FrozenSet<string> SoNotSubordinator = FunctionWords["so-not-subordinator"];

    /// <summary>"the", "a", "an".</summary>
    internal static readonly FrozenSet<string> Articles = FunctionWords["article"];

    private static readonly FrozenSet<string> Prepositions = FunctionWords["preposition"];

    private readonly SentenceWords words;
    private readonly MentionIndex mentions;
    private readonly IReadOnlySet<string> verbLemmas;
    private readonly List<ClauseSegment> segments = [];
    private readonly int[] segmentOf;

    public ClauseReader(SentenceWords words, MentionIndex mentions, IReadOnlySet<string> verbLemmas, IReadOnlyList<int> contentStarts)
    {
        this.words = words;
        this.mentions = mentions;
        this.verbLemmas = verbLemmas;
        segmentOf = new int[words.Count];
        var start = 0;
        var kind = BoundaryKind.SentenceStart;
        for (var i = 1; i < words.Count; i++)
        {
            var boundary = BoundaryAt(i, contentStarts);
            if (boundary is { } b)
            {
                Add(start, i, kind);
                start = i;
                kind = b;
            }
        }

        Add(start, words.Count, kind);
    }

    public IReadOnlyList<ClauseSegment> Segments => segments;

    public SentenceWords Words => words;

    public int SegmentOf(int token) => segmentOf[Math.Clamp(token, 0, segmentOf.Length - 1)];

    /// <summary>The subject of the clause that <paramref name="trigger"/> is in (see the class summary).</summary>
    public SubjectResult Subject(int trigger)
    {
        var seg = SegmentOf(trigger);
        var searchEnd = trigger;
        for (var step = 0; step < 6 && seg >= 0; step++)
        {
            var s = segments[seg];
            var first = FirstActor(s.Start, searchEnd);
            if (first >= 0)
            {
                return new SubjectResult(Compound(first, searchEnd), null, false, step == 0 ? "first actor in the clause" : "subject of the clause it continues", seg);
            }

            if (step == 0 && PronounBeforeVerbGroup(s.Start, searchEnd) is int pronounToken)
            {
                return new SubjectResult([], words.SpanOf(pronounToken, pronounToken), true, "pronoun subject", seg);
            }

            if (!mentions.HasActors || step == 0)
            {
                var np = NounPhrase(s.Start, searchEnd);
                if (np is { } phrase)
                {
                    var pronoun = phrase.First == phrase.Last && Pronouns.Contains(words.Lower(phrase.First));
                    if (pronoun || !mentions.HasActors || HasCapital(phrase.First, phrase.Last))
                    {
                        return new SubjectResult([], words.SpanOf(phrase.First, phrase.Last), pronoun, pronoun ? "pronoun subject" : "subject words (no actor mention)", seg);
                    }
                }
            }

            switch (s.Kind)
            {
                case BoundaryKind.Relative:
                case BoundaryKind.That:
                    var antecedent = Antecedent(s.Start);
                    return antecedent >= 0
                        ? new SubjectResult([antecedent], null, false, "relative clause: antecedent", seg)
                        : SubjectResult.None("no subject in the clause", seg);
                case BoundaryKind.Comma:
                case BoundaryKind.Dash:
                case BoundaryKind.Parenthesis:
                case BoundaryKind.Coordinator:
                    seg = PreviousMainSegment(seg);
                    if (seg >= 0)
                    {
                        searchEnd = VerbGroupStart(segments[seg]);
                    }

                    break;
                default:
                    return SubjectResult.None("no subject in the clause", seg);
            }
        }

        return SubjectResult.None("no subject found", Math.Max(seg, 0));
    }

    /// <summary>The actor mention that a relative pronoun at <paramref name="token"/> refers to ("Xi, who ..."), or -1.</summary>
    public int Antecedent(int token)
    {
        var k = token - 1;
        if (k >= 0 && words.Lower(k) == ",")
        {
            k--;
        }

        if (k < 0)
        {
            return -1;
        }

        var end = words.Span(k).End;
        var sentence = words.Sentence.Index;
        foreach (var m in mentions.ActorsIn(sentence))
        {
            if (mentions[m].Span.End == end || (mentions[m].Span.End >= words.Span(k).Start && mentions[m].Span.End <= end))
            {
                return m;
            }
        }

        return -1;
    }

    /// <summary>The first actor mention starting in tokens [from, to), moved to the head of its noun phrase
    /// ("Chinese" → "Chinese President Xi Jinping"); -1 when none.</summary>
    public int FirstActor(int from, int to)
    {
        if (from >= to || from >= words.Count)
        {
            return -1;
        }

        var range = new TextSpan(words.Span(from).Start, words.Span(Math.Min(to, words.Count) - 1).End);
        foreach (var m in mentions.ActorsIn(words.Sentence.Index))
        {
            var span = mentions[m].Span;
            if (span.Start >= range.Start && span.Start < range.End)
            {
                return Head(m, range.End);
            }
        }

        return -1;
    }

    /// <summary>The first place mention starting in tokens [from, to), or -1.</summary>
    public int FirstPlace(int from, int to)
    {
        if (from >= to || from >= words.Count)
        {
            return -1;
        }

        var range = new TextSpan(words.Span(from).Start, words.Span(Math.Min(to, words.Count) - 1).End);
        foreach (var m in mentions.PlacesIn(words.Sentence.Index))
        {
            if (mentions[m].Span.Start >= range.Start && mentions[m].Span.Start < range.End)
            {
                return m;
            }
        }

        return -1;
    }

    /// <summary>"Egypt and Kenya", "Malian and Algerian officials": the mention and the ones joined to it by
    /// "and" or a comma before <paramref name="limit"/>.</summary>
    public List<int> Compound(int first, int limit)
    {
        var list = new List<int> { first };
        var limitPos = limit < words.Count ? words.Span(limit).Start : words.Sentence.Span.End;
        var sentence = words.Sentence.Index;
        var current = first;
        while (true)
        {
            var end = mentions[current].Span.End;
            var next = -1;
            foreach (var m in mentions.ActorsIn(sentence))
            {
                if (mentions[m].Span.Start >= end && mentions[m].Span.Start < limitPos)
                {
                    next = m;
                    break;
                }
            }

            if (next < 0 || !IsConjunction(words.Document.Text.AsSpan(end, mentions[next].Span.Start - end)))
            {
                return list;
            }

            current = Head(next, limitPos);
            list.Add(current);
        }
    }

    /// <summary>A short noun phrase at the start of tokens [from, to): up to the verb group. Null when none.</summary>
    public (int First, int Last)? NounPhrase(int from, int to)
    {
        var i = from;
        while (i < to && (words.IsPunctuation(i) || Relatives.Contains(words.Lower(i)) || Subordinators.Contains(words.Lower(i))
            || Coordinators.Contains(words.Lower(i)) || words.Lower(i) == "that"))
        {
            i++;
        }

        var first = i;
        if (first < to && Prepositions.Contains(words.Lower(first)))
        {
            return null;
        }

        while (i < to && !words.IsPunctuation(i) && !Auxiliaries.Contains(words.Lemma(i)) && (words.IsCapitalized(i) || !verbLemmas.Contains(words.Lemma(i)))
            && !(words.Lower(i).EndsWith("ly", StringComparison.Ordinal) && !words.IsCapitalized(i))
            && !(i > first && !words.IsCapitalized(i) && (words.Lower(i).EndsWith("ed", StringComparison.Ordinal) || words.Lemma(i) != words.Lower(i) && !words.Lower(i).EndsWith('s'))))
        {
            i++;
            if (Pronouns.Contains(words.Lower(i - 1)))
            {
                break;
            }
        }

        var last = i - 1;
        return last >= first && last - first <= 7 ? (first, last) : null;
    }

    /// <summary>"... they would meet": the pronoun right before the verb group that ends at <paramref name="trigger"/>.</summary>
    private int? PronounBeforeVerbGroup(int from, int trigger)
    {
        var k = trigger - 1;
        while (k >= from && (Auxiliaries.Contains(words.Lemma(k)) || words.Lower(k).EndsWith("ly", StringComparison.Ordinal)))
        {
            k--;
        }

        return k >= from && Pronouns.Contains(words.Lower(k)) && mentions.ActorAt(words.Sentence.Index, words.Span(k).Start) < 0 ? k : null;
    }

    private bool HasCapital(int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            if (words.IsCapitalized(i) && (i > 0 || !Determiners.Contains(words.Lower(i))))
            {
                return true;
            }
        }

        return false;
    }

    private int Head(int m, int limitPos)
    {
        var mention = mentions[m];
        if (mention.Kind != MentionKind.Country)
        {
            return m;
        }

        var text = words.Document.Text;
        foreach (var n in mentions.ActorsIn(words.Sentence.Index))
        {
            var next = mentions[n];
            if (next.Span.Start < mention.Span.End || next.Kind == MentionKind.Country)
            {
                continue;
            }

            if (next.Span.Start >= limitPos)
            {
                break;
            }

            var between = text.AsSpan(mention.Span.End, next.Span.Start - mention.Span.End);
            return IsTitleRun(between) ? n : m;
        }

        return m;
    }

    /// <summary>Words between a nationality and a name: "leader", "Foreign Ministry spokesman" (no verb, comma or "and").</summary>
    private bool IsTitleRun(ReadOnlySpan<char> between)
    {
        var count = 0;
        foreach (var range in between.Split(' '))
        {
            var w = between[range];
            if (w.IsEmpty)
            {
                continue;
            }

            count++;
            foreach (var c in w)
            {
                if (!char.IsLetter(c) && c is not '.' and not '-' and not '\'' and not '’')
                {
                    return false;
                }
            }

            var lower = w.ToString().ToLowerInvariant();
            if (count > 4 || Coordinators.Contains(lower) || TitleBreakers.Contains(lower) || verbLemmas.Contains(lower)
                || Auxiliaries.Contains(lower) || (lower.EndsWith("ed", StringComparison.Ordinal) && !char.IsUpper(w[0])))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the text between two mentions joins them into a list ("and", ", and the": data/clauses/words.tsv,
    /// list mention-joiner), its white space read as single spaces.</summary>
    private static bool IsConjunction(ReadOnlySpan<char> between)
    {
        var t = between.Trim();
        if (t.Length > 64)
        {
            return false; // no joiner is this long, however it is spaced
        }

        Span<char> folded = stackalloc char[t.Length];
        var n = 0;
        foreach (var c in t)
        {
            if (!char.IsWhiteSpace(c))
            {
                folded[n++] = c;
            }
            else if (folded[n - 1] != ' ')
            {
                folded[n++] = ' ';
            }
        }

        return MentionJoiners.Contains(folded[..n]);
    }

    private int PreviousMainSegment(int seg)
    {
        var i = seg - 1;
        while (i >= 0)
        {
            var s = segments[i];
            // a lone boundary token (",", "and"); the sentence's first segment has no boundary token, so one word
            // there is a subject ("Pakistan, a key ally, has refused ...")
            var tiny = s.End - s.Start <= 1 && s.Kind != BoundaryKind.SentenceStart;
            // a relative clause, an apposition and reported content ("refused to deploy troops in Iraq") hold no
            // subject for the clause that goes on after them
            if (s.Kind is BoundaryKind.Relative or BoundaryKind.Complement || tiny || IsApposition(i))
            {
                i--;
                continue;
            }

            return i;
        }

        return -1;
    }

    /// <summary>Where the verb group of a clause segment begins (its first finite verb or auxiliary, as the token layer
    /// tags it), else its end: the subject of a clause that goes on ("X has refused to deploy troops in Iraq and has
    /// urged ...") is named before its verb, not among its objects. After an inverted cue ("said French minister X")
    /// the whole segment is read.</summary>
    private int VerbGroupStart(ClauseSegment s)
    {
        var layer = words.Document.SyntaxOf(words.Sentence);
        var end = Math.Min(s.End, layer.Length);
        for (var i = s.Start + 1; i < end; i++)
        {
            if (layer[i].Upos == "AUX" || layer[i].Xpos is "VBD" or "VBZ" or "VBP" or "MD")
            {
                return Inverted(i) ? s.End : i;
            }
        }

        return s.End;
    }

    /// <summary>The verb at <paramref name="i"/> is the cue of an attribution whose source follows it ("..., said French
    /// minister X"): the subject comes after the verb.</summary>
    private bool Inverted(int i)
    {
        var span = words.Span(i);
        foreach (var a in words.Document.Attributions)
        {
            if (a.Cue.Contains(span.Start) && a.Source.Span is { } source && source.Start >= span.End)
            {
                return true;
            }
        }

        return false;
    }

    private bool IsApposition(int seg)
    {
        var s = segments[seg];
        if (s.Kind is not (BoundaryKind.Comma or BoundaryKind.Dash or BoundaryKind.Parenthesis) || seg + 1 >= segments.Count)
        {
            return false;
        }

        var next = segments[seg + 1];
        if (s.Kind == BoundaryKind.Dash)
        {
            return next.Kind == BoundaryKind.Dash;
        }

        var firstWord = s.Start + 1 < s.End ? words.Lower(s.Start + 1) : string.Empty;
        return next.Kind is BoundaryKind.Comma or BoundaryKind.Parenthesis && (Determiners.Contains(firstWord) || AppositionOpeners.Contains(firstWord) || IsReducedPassive(s));
    }

    /// <summary>", backed by Rwanda,", ", backed up by Rwanda,": a past participle (as the token layer tags it), its
    /// particles and its by-agent between commas modify the noun before them, like an apposition; the clause goes on
    /// after them.</summary>
    private bool IsReducedPassive(ClauseSegment s)
    {
        var layer = words.Document.SyntaxOf(words.Sentence);
        var end = Math.Min(s.End, layer.Length);
        var participle = s.Start + 1;
        if (participle >= end || layer[participle].Xpos != "VBN")
        {
            return false;
        }

        var by = participle + 1;
        while (by < end && layer[by].Xpos == "RP")
        {
            by++;
        }

        return by < end && words.Lower(by) == "by";
    }

    private BoundaryKind? BoundaryAt(int i, IReadOnlyList<int> contentStarts)
    {
        foreach (var c in contentStarts)
        {
            if (c == i)
            {
                return BoundaryKind.Complement;
            }
        }

        var w = words.Lower(i);
        switch (w)
        {
            case ",":
                return Coordinators.Contains(Next(i)) ? BoundaryKind.Coordinator : BoundaryKind.Comma;
            case ";":
                return BoundaryKind.Semicolon;
            case ":":
                return BoundaryKind.Colon;
            case "—" or "-" when words.IsPunctuation(i):
                return BoundaryKind.Dash;
            case "(" or ")":
                return BoundaryKind.Parenthesis;
            case "that":
                return BoundaryKind.That;
            default:
                break;
        }

        if (words.IsPunctuation(i))
        {
            return null;
        }

        if (Relatives.Contains(w))
        {
            return BoundaryKind.Relative;
        }

        if (Subordinators.Contains(w))
        {
            return w == "so" && SoNotSubordinator.Contains(Next(i)) ? null : BoundaryKind.Subordinator;
        }

        if (Coordinators.Contains(w) && words.Lower(i - 1) != "," && i + 1 < words.Count)
        {
            var next = words.Lemma(i + 1);
            if (Auxiliaries.Contains(next) || (words.Lower(i + 1).EndsWith("ed", StringComparison.Ordinal) && !words.IsCapitalized(i + 1)))
            {
                return BoundaryKind.Coordinator;
            }
        }

        return null;
    }

    private string Next(int i) => i + 1 < words.Count ? words.Lower(i + 1) : string.Empty;

    private void Add(int start, int end, BoundaryKind kind)
    {
        if (end <= start)
        {
            return;
        }

        for (var i = start; i < end; i++)
        {
            segmentOf[i] = segments.Count;
        }

        segments.Add(new ClauseSegment(start, end, kind));
    }
}
