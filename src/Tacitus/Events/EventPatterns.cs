using System.Collections.Frozen;
using System.Globalization;
using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Knowledge;
using Tacitus.Syntax.Clauses;

namespace Tacitus.Events;

/// <summary>
/// The event patterns: the shipped data/events/patterns.tsv, optionally with a user's patterns in front (theirs
/// win). Patterns are looked up by their first word (lemma or form) and matched over a sentence's words.
/// </summary>
internal sealed class EventPatterns
{
    private const int MaxSlot = 8;
    private const int ShortGap = 3;
    private const int LongGap = 10;
    private readonly FrozenDictionary<string, EventPattern[]> byFirstWord;

    private EventPatterns(IReadOnlyList<EventPattern> patterns)
    {
        All = patterns;
        var index = new Dictionary<string, List<EventPattern>>(StringComparer.Ordinal);
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in patterns)
        {
            foreach (var e in p.Elements)
            {
                if (e.Words is not null)
                {
                    words.UnionWith(e.Words);
                }
            }

            foreach (var w in p.Elements[0].Words!)
            {
                if (!index.TryGetValue(w, out var list))
                {
                    index[w] = list = [];
                }

                list.Add(p);
            }
        }

        byFirstWord = index.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        Words = words.ToFrozenSet(StringComparer.Ordinal);
        TriggerLemmas = patterns.SelectMany(p => p.Elements[p.TriggerElement].Words!).ToFrozenSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<EventPattern> All { get; }

    /// <summary>Every word any pattern uses (for the lemmatiser).</summary>
    public FrozenSet<string> Words { get; }

    /// <summary>The trigger words (verbs and nouns that report events).</summary>
    public FrozenSet<string> TriggerLemmas { get; }

    /// <summary>The trigger lemmas, for the other stages that read clauses (attribution).</summary>
    public PatternVocabulary Vocabulary => new(TriggerLemmas);

    public static EventPatterns Shipped { get; } = LoadShipped();

    /// <summary>
    /// Loads patterns from a reader; lines that cannot be read become errors (TAC301) and are skipped. With
    /// <paramref name="requireNotes"/> (the shipped file) a row whose notes column gives no reason is such an error
    /// too; a user's file may leave notes empty.
    /// </summary>
    public static (List<EventPattern> Patterns, List<TacitusError> Errors) Read(TextReader reader, string origin, CameoPloverTable table, bool requireNotes = false)
    {
        var patterns = new List<EventPattern>();
        var errors = new List<TacitusError>();
        foreach (var line in DataFile.Read(reader, origin))
        {
            var parsed = Parse(line, table);
            if (parsed.Success && requireNotes && string.IsNullOrWhiteSpace(parsed.Value.Notes))
            {
                errors.Add(DataFile.Error("TAC301", "events", line, $"pattern '{parsed.Value.Id}' has no reason in its notes column (say what sense it codes and why that code)"));
            }
            else if (parsed.Success)
            {
                patterns.Add(parsed.Value);
            }
            else
            {
                errors.Add(DataFile.Error("TAC301", "events", line, parsed.Error!));
            }
        }

        return (patterns, errors);
    }

    /// <summary>The shipped patterns with a user's file in front of them.</summary>
    public static (EventPatterns Patterns, List<TacitusError> Errors) WithUserFile(string path)
    {
        using var reader = new StreamReader(path);
        var (user, errors) = Read(reader, path, CameoPloverTable.Shipped);
        return (new EventPatterns([.. user, .. Shipped.All]), errors);
    }

    public static EventPatterns From(IEnumerable<EventPattern> patterns) => new([.. patterns]);

    /// <summary>Every match in a sentence: at each token, the first pattern (in file order) that matches there.</summary>
    public List<PatternMatch> Matches(SentenceWords words)
    {
        var matches = new List<PatternMatch>();
        for (var i = 0; i < words.Count; i++)
        {
            if (words.Kind(i) != TokenKind.Word)
            {
                continue;
            }

            var found = TryAt(words, i, words.Lemma(i));
            if (found is null && words.Lower(i) != words.Lemma(i))
            {
                found = TryAt(words, i, words.Lower(i));
            }

            if (found is not null)
            {
                matches.Add(found);
            }
        }

        return matches;
    }

    private PatternMatch? TryAt(SentenceWords words, int i, string key)
    {
        if (!byFirstWord.TryGetValue(key, out var candidates))
        {
            return null;
        }

        foreach (var p in candidates)
        {
            var slots = new List<SlotFill>(2);
            var trigger = -1;
            var end = Match(words, p, 0, i, slots, ref trigger);
            var at = trigger < 0 ? i : trigger;

            // a verb pattern never follows a determiner ("the attack", "a visit"): that is a noun, leave it to noun patterns
            if (end >= 0 && !p.Has(PatternFlags.Noun) && at > 0
                && (ClauseReader.Determiners.Contains(words.Lower(at - 1)) || words.Lower(at - 1).EndsWith("'s", StringComparison.Ordinal)))
            {
                continue;
            }

            if (end >= 0)
            {
                return new PatternMatch(p, i, end, trigger < 0 ? i : trigger, slots);
            }
        }

        return null;
    }

    /// <summary>Matches elements [e..] from token t; returns the end token (exclusive) or -1.</summary>
    private static int Match(SentenceWords words, EventPattern p, int e, int t, List<SlotFill> slots, ref int trigger)
    {
        if (e == p.Elements.Count)
        {
            return t;
        }

        var element = p.Elements[e];
        switch (element.Kind)
        {
            case ElementKind.Word:
                if (t >= words.Count || !Matches(words, t, element.Words!))
                {
                    return -1;
                }

                var end = Match(words, p, e + 1, t + 1, slots, ref trigger);
                if (end >= 0 && element.IsTrigger)
                {
                    trigger = t;
                }

                return end;
            case ElementKind.Gap:
                for (var k = 0; k <= element.MaxGap && t + k <= words.Count; k++)
                {
                    if (k > 0 && Stops(words, t + k - 1, element.MaxGap == ShortGap))
                    {
                        break;
                    }

                    var r = Match(words, p, e + 1, t + k, slots, ref trigger);
                    if (r >= 0)
                    {
                        return r;
                    }
                }

                return -1;
            default:
                return MatchSlot(words, p, e, t, slots, ref trigger);
        }
    }

    private static int MatchSlot(SentenceWords words, EventPattern p, int e, int t, List<SlotFill> slots, ref int trigger)
    {
        var element = p.Elements[e];
        if (e + 1 == p.Elements.Count)
        {
            // a final slot runs to the end of the clause, at most MaxSlot tokens
            var k = t;
            while (k < words.Count && k - t < MaxSlot && !Stops(words, k, strict: true) && !(k > t && IsClauseWord(words.Lower(k))))
            {
                k++;
            }

            slots.Add(new SlotFill(element.Kind, t, k, element.AllowsPlace));
            return k;
        }

        for (var k = 0; k <= MaxSlot && t + k <= words.Count; k++)
        {
            if (k > 0 && Stops(words, t + k - 1, strict: true))
            {
                break;
            }

            var mark = slots.Count;
            slots.Add(new SlotFill(element.Kind, t, t + k, element.AllowsPlace));
            var r = Match(words, p, e + 1, t + k, slots, ref trigger);
            if (r >= 0)
            {
                return r;
            }

            slots.RemoveRange(mark, slots.Count - mark);
        }

        return -1;
    }

    private static bool Matches(SentenceWords words, int t, FrozenSet<string> set) =>
        set.Contains(words.Lemma(t)) || set.Contains(words.Lower(t));

    /// <summary>Tokens a gap or slot may not run over: sentence punctuation (and, strictly, commas and dashes).</summary>
    private static bool Stops(SentenceWords words, int t, bool strict)
    {
        if (!words.IsPunctuation(t))
        {
            return false;
        }

        var w = words.Lower(t);
        return w is ";" or ":" or "." or "?" or "!" || (strict && w is "," or "—" or "(" or ")");
    }

    private static bool IsClauseWord(string w) => w is "that" or "which" or "who" or "whom" or "whose" or "because" or "while" or "if" or "unless" or "when" or "but" or "after" or "before" or "since" or "to" or "for" or "over";

    internal static ParseResult<EventPattern> Parse(DataLine line, CameoPloverTable table)
    {
        var f = line.Fields;
        if (f.Length < 3)
        {
            return ParseResult<EventPattern>.Fail($"expected at least id, pattern and cameo (tab-separated), found {f.Length} field(s)");
        }

        var id = f[0].Trim();
        var text = f[1].Trim();
        var elements = new List<PatternElement>();
        var trigger = -1;
        foreach (var raw in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var part = raw;
            switch (part)
            {
                case "*":
                    elements.Add(new PatternElement(ElementKind.Gap, MaxGap: ShortGap));
                    continue;
                case "...":
                    elements.Add(new PatternElement(ElementKind.Gap, MaxGap: LongGap));
                    continue;
                case "{R}":
                    elements.Add(new PatternElement(ElementKind.Recipient));
                    continue;
                case "{R:place}":
                    elements.Add(new PatternElement(ElementKind.Recipient, AllowsPlace: true));
                    continue;
                case "{A}":
                    elements.Add(new PatternElement(ElementKind.Actor));
                    continue;
                default:
                    break;
            }

            if (part.StartsWith('{'))
            {
                return ParseResult<EventPattern>.Fail($"unknown slot '{part}' in pattern '{text}' (use {{R}}, {{R:place}} or {{A}})");
            }

            var isTrigger = part.StartsWith('^');
            if (isTrigger)
            {
                part = part[1..];
                trigger = elements.Count;
            }

            var alternatives = part.ToLowerInvariant().Split('|', StringSplitOptions.RemoveEmptyEntries);
            if (alternatives.Length == 0)
            {
                return ParseResult<EventPattern>.Fail($"empty word in pattern '{text}'");
            }

            elements.Add(new PatternElement(ElementKind.Word, alternatives.ToFrozenSet(StringComparer.Ordinal), IsTrigger: isTrigger));
        }

        if (elements.Count == 0 || elements[0].Kind != ElementKind.Word)
        {
            return ParseResult<EventPattern>.Fail($"pattern '{text}' must start with a word");
        }

        if (trigger < 0)
        {
            trigger = 0;
            elements[0] = elements[0] with { IsTrigger = true };
        }

        var cameoText = f[2].Trim();
        CameoCode? cameo = null;
        PloverMapping? mapping = null;
        if (cameoText.Length > 0)
        {
            var parsed = CameoCode.Parse(cameoText);
            if (!parsed.Success)
            {
                return ParseResult<EventPattern>.Fail(parsed.Error!);
            }

            cameo = parsed.Value;
            mapping = table.Map(parsed.Value);
        }

        var typeText = f.Length > 3 ? f[3].Trim() : string.Empty;
        PloverType type;
        if (typeText.Length > 0)
        {
            var t = PloverTypes.Parse(typeText);
            if (!t.Success)
            {
                return ParseResult<EventPattern>.Fail(t.Error!);
            }

            type = t.Value;
        }
        else if (mapping is not null)
        {
            type = mapping.Type;
        }
        else
        {
            return ParseResult<EventPattern>.Fail($"no PLOVER type: give one, or a CAMEO code the CAMEO2PLOVER table knows (got '{cameoText}')");
        }

        var modeText = f.Length > 4 ? f[4].Trim() : string.Empty;
        var mode = modeText.Length > 0 ? modeText : typeText.Length > 0 ? null : mapping?.Mode;
        var flags = PatternFlags.None;
        if (f.Length > 5)
        {
            foreach (var flag in f[5].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parsedFlag = ParseFlag(flag);
                if (parsedFlag is null)
                {
                    return ParseResult<EventPattern>.Fail($"unknown flag '{flag}' (recip, comp, noun, req, future, denial, speaker, nointent, domestic)");
                }

                flags |= parsedFlag.Value;
            }
        }

        var strength = 0.8;
        if (f.Length > 6 && f[6].Trim().Length > 0 && !double.TryParse(f[6].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out strength))
        {
            return ParseResult<EventPattern>.Fail($"strength '{f[6]}' is not a number between 0 and 1");
        }

        return ParseResult<EventPattern>.Ok(new EventPattern
        {
            Id = id,
            Text = text,
            Elements = elements,
            Type = type,
            Mode = mode,
            Context = mapping?.Context,
            Cameo = cameo,
            Score = table.Score(type, mode),
            Flags = flags,
            Strength = Math.Clamp(strength, 0, 1),
            Source = $"{Path.GetFileName(line.Origin)} line {line.LineNumber}",
            TriggerElement = trigger,
            Notes = f.Length > 7 && f[7].Trim().Length > 0 ? f[7].Trim() : null,
        });
    }

    private static PatternFlags? ParseFlag(string flag) => flag switch
    {
        "recip" => PatternFlags.Reciprocal,
        "comp" => PatternFlags.Complement,
        "noun" => PatternFlags.Noun,
        "req" => PatternFlags.RequiresRecipient,
        "future" => PatternFlags.Future,
        "denial" => PatternFlags.Denial,
        "speaker" => PatternFlags.Speaker,
        "nointent" => PatternFlags.NoIntent,
        "domestic" => PatternFlags.Domestic,
        _ => null,
    };

    private static EventPatterns LoadShipped()
    {
        var name = DataFile.ResourceName("events", "patterns.tsv");
        var stream = DataFile.Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"{name} is not embedded; rebuild the project.");
        using var reader = new StreamReader(stream);
        var (patterns, errors) = Read(reader, "data/events/patterns.tsv", CameoPloverTable.Shipped, requireNotes: true);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The shipped event patterns do not load: " + string.Join("; ", errors));
        }

        return new EventPatterns(patterns);
    }
}
