using Tacitus.Documents;

namespace Tacitus.Knowledge;

/// <summary>A discard phrase: a sentence holding it is not coded; with <see cref="Story"/> (<c>+</c>) the whole story is skipped.</summary>
internal sealed record PetrarchDiscard(string Phrase, bool Story, int Line);

/// <summary>Verb dictionaries and discard lists (PETRARCH-2 <c>read_verb_dictionary</c>, <c>read_discard_list</c>).</summary>
internal static partial class PetrarchDictionaryReader
{
    public const string VerbError = "TAC302";

    public static PetrarchVerbDictionary ReadVerbs(string path, List<TacitusError> errors) =>
        ReadVerbs(File.ReadLines(path), Path.GetFileName(path), errors);

    /// <summary>
    /// Reads a verb dictionary: <c>&amp;SYNSET</c> blocks of <c>+MEMBER</c> lines, <c>--- NAME [code] ---</c> meaning
    /// blocks with verb lines (<c>VERB {IRREGULAR FORMS} [code]</c>, <c>+CORDON_OFF</c>, <c>WIRE_+TAP</c>) and pattern
    /// lines (<c>- $ * (TO +) [code]</c>), and <c>~</c> transformations (<see cref="ReadTransformation"/>). A line that cannot be read is a TAC302 with
    /// file and line; the rest loads.
    /// </summary>
    public static PetrarchVerbDictionary ReadVerbs(IEnumerable<string> lines, string file, List<TacitusError> errors)
    {
        var dictionary = new PetrarchVerbDictionary();
        List<string[]>? synset = null;
        PetrarchVerbBlock? block = null;
        foreach (var (lineNo, line) in ContentLines(lines))
        {
            if (line[0] == '~')
            {
                if (ReadTransformation(line, file, lineNo, errors) is { } transformation)
                {
                    dictionary.Transformations.Add(transformation);
                }

                continue;
            }

            if (line[0] == '&')
            {
                var name = SynsetName(line.Split((char[])[' ', '\t'], 2)[0]);
                if (name.Length == 0)
                {
                    errors.Add(VerbProblem(file, lineNo, "a '&' synonym set with no name"));
                    synset = null;
                    continue;
                }

                if (!dictionary.Synsets.TryGetValue(name, out synset))
                {
                    synset = [];
                    dictionary.Synsets[name] = synset;
                }

                block = null;
                continue;
            }

            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                synset = null;
                block = ReadBlockHeader(line, file, lineNo, errors);
                if (block is not null)
                {
                    dictionary.Blocks.Add(block);
                }

                continue;
            }

            if (synset is not null && line[0] == '+')
            {
                var member = line[1..].Trim().Trim('(', ')').Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries).SelectMany(JoinedWords).ToArray();
                if (member.Length > 0)
                {
                    synset.Add(member);
                }

                continue;
            }

            synset = null;
            if (block is null)
            {
                errors.Add(VerbProblem(file, lineNo, "a verb or pattern line outside any '--- NAME [code] ---' block"));
                continue;
            }

            if (line[0] == '-')
            {
                var pattern = ReadPattern(line[1..], file, lineNo, errors);
                if (pattern is not null)
                {
                    block.Patterns.Add(pattern);
                }

                continue;
            }

            ReadVerbLine(line, block, dictionary, file, lineNo, errors);
        }

        return dictionary;
    }

    /// <summary>The lines that say something, numbered from 1: comments ('#' on) cut, blank and XML-style lines (<c>&lt;!-- --&gt;</c>, switches) left out.</summary>
    private static IEnumerable<(int Line, string Text)> ContentLines(IEnumerable<string> lines)
    {
        var lineNo = 0;
        foreach (var raw in lines)
        {
            lineNo++;
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            if (line.Length > 0 && !line.StartsWith('<'))
            {
                yield return (lineNo, line);
            }
        }
    }

    /// <summary>A synset name as it is looked up: upper case, without the leading '&amp;' or trailing '_'.</summary>
    internal static string SynsetName(string text) => text.TrimStart('&').TrimEnd('_').ToUpperInvariant();

    private static PetrarchVerbBlock? ReadBlockHeader(string line, string file, int lineNo, List<TacitusError> errors)
    {
        var inner = line.Trim('-', ' ', '\t');
        if (BracketCode(inner, last: false, "a block header without '--- NAME [code] ---'", file, lineNo, errors) is not { } found)
        {
            return null;
        }

        if (found.Open == 0)
        {
            errors.Add(VerbProblem(file, lineNo, "a block header without '--- NAME [code] ---'"));
            return null;
        }

        return new PetrarchVerbBlock(inner[..found.Open].Trim().ToUpperInvariant(), found.Code, lineNo);
    }

    /// <summary>The "[code]" of a line (its last one when <paramref name="last"/>) and where it opens; a TAC302 when it is missing or bad.</summary>
    private static (PetrarchEventCode Code, int Open)? BracketCode(string text, bool last, string missing, string file, int lineNo, List<TacitusError> errors)
    {
        var open = last ? text.LastIndexOf('[') : text.IndexOf('[', StringComparison.Ordinal);
        var close = open < 0 ? -1 : text.IndexOf(']', open);
        if (open < 0 || close < 0)
        {
            errors.Add(VerbProblem(file, lineNo, missing));
            return null;
        }

        if (ParseEventCode(text[(open + 1)..close]) is not { } code)
        {
            errors.Add(VerbProblem(file, lineNo, $"'{text[(open + 1)..close]}' is not a CAMEO code"));
            return null;
        }

        return (code, open);
    }

    /// <summary>"050", "037:037", "---", "102b" → the code; anything else (<c>+++</c>, <c>xxy</c>) → null.</summary>
    internal static PetrarchEventCode? ParseEventCode(string text)
    {
        var parts = text.Trim().Split(':');
        if (parts.Length > 2 || parts.Any(p => !IsEventCode(p)))
        {
            return null;
        }

        return new PetrarchEventCode(parts[0], parts.Length == 2 ? parts[1] : null);
    }

    private static bool IsEventCode(string code) =>
        code == PetrarchEventCode.Null
        || (code.Length is >= 2 and <= 4 && char.IsAsciiDigit(code[0]) && char.IsAsciiDigit(code[1]) && code.All(char.IsAsciiLetterOrDigit));

    private static void ReadVerbLine(string line, PetrarchVerbBlock block, PetrarchVerbDictionary dictionary, string file, int lineNo, List<TacitusError> errors)
    {
        PetrarchEventCode? own = null;
        var open = line.IndexOf('[', StringComparison.Ordinal);
        if (open >= 0)
        {
            var close = line.IndexOf(']', open);
            own = close < 0 ? null : ParseEventCode(line[(open + 1)..close]);
            if (own is null)
            {
                errors.Add(VerbProblem(file, lineNo, $"a verb line with a bad code: '{line[open..]}'"));
                return;
            }

            line = line[..open].Trim();
        }

        var forms = new List<string>();
        var brace = line.IndexOf('{', StringComparison.Ordinal);
        if (brace >= 0)
        {
            var end = line.IndexOf('}', brace);
            if (end < 0)
            {
                errors.Add(VerbProblem(file, lineNo, "a '{' of irregular forms with no closing '}'"));
                return;
            }

            forms.AddRange(line[(brace + 1)..end].Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
            line = line[..brace].Trim();
        }

        var words = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != 1 || words[0] == "+" || words[0].Any(c => !(char.IsLetter(c) || c is '_' or '+' or '-' or '\'')))
        {
            errors.Add(VerbProblem(file, lineNo, $"'{line}' is not a verb (one word; '_' joins a multi-word verb, '+' marks its verb)"));
            return;
        }

        var baseVerb = SplitVerb(words[0]);
        if (baseVerb is null)
        {
            errors.Add(VerbProblem(file, lineNo, $"'{words[0]}' has more than one '+' verb mark"));
            return;
        }

        var (before, verbWord, after) = baseVerb.Value;
        var lemma = verbWord;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string word, IReadOnlyList<string> b, IReadOnlyList<string> a)
        {
            if (!seen.Add(string.Join('_', b) + "|" + word + "|" + string.Join('_', a)))
            {
                return;
            }

            if (!dictionary.Verbs.TryGetValue(word, out var list))
            {
                list = [];
                dictionary.Verbs[word] = list;
            }

            list.Add(new PetrarchVerb(word, lemma, b, a, block, own, lineNo));
        }

        Add(verbWord, before, after);
        if (forms.Count == 0)
        {
            foreach (var regular in RegularForms(verbWord))
            {
                Add(regular, before, after);
            }
        }

        foreach (var form in forms)
        {
            if (SplitVerb(form) is { } split)
            {
                Add(split.Verb, split.Before, split.After);
            }
        }
    }

    /// <summary>"WIRE_+TAP" → ([WIRE], TAP, []); "+CORDON_OFF" → ([], CORDON, [OFF]); "ALLOW" → ([], ALLOW, []).</summary>
    private static (string[] Before, string Verb, string[] After)? SplitVerb(string text)
    {
        var parts = text.ToUpperInvariant().Split('_', StringSplitOptions.RemoveEmptyEntries);
        var marked = parts.Select((p, i) => (p, i)).Where(x => x.p.StartsWith('+')).ToList();
        if (marked.Count > 1)
        {
            return null;
        }

        var at = marked.Count == 1 ? marked[0].i : 0;
        var words = parts.Select(p => p.TrimStart('+')).ToArray();
        return words.Length == 0 ? null : (words[..at], words[at], words[(at + 1)..]);
    }

    /// <summary>The regular inflections PETRARCH generates for a verb without irregular forms: -S, -ED, -ING.</summary>
    internal static IEnumerable<string> RegularForms(string verb)
    {
        if (verb.Length < 2)
        {
            yield break;
        }

        var last = verb[^1];
        var consonantY = last == 'Y' && !"AEIOU".Contains(verb[^2], StringComparison.Ordinal);
        yield return consonantY ? verb[..^1] + "IES"
            : verb.EndsWith('S') || verb.EndsWith('X') || verb.EndsWith('Z') || verb.EndsWith("SH", StringComparison.Ordinal) || verb.EndsWith("CH", StringComparison.Ordinal) || verb.EndsWith('O') ? verb + "ES"
            : verb + "S";
        yield return consonantY ? verb[..^1] + "IED" : last == 'E' ? verb + "D" : verb + "ED";
        yield return last == 'E' && !verb.EndsWith("EE", StringComparison.Ordinal) ? verb[..^1] + "ING" : verb + "ING";
    }

    private static PetrarchPattern? ReadPattern(string text, string file, int lineNo, List<TacitusError> errors)
    {
        if (BracketCode(text, last: true, "a pattern with no [code]", file, lineNo, errors) is not { } found)
        {
            return null;
        }

        var (code, open) = found;

        // "IS_* TRIP", "DID_NOT_*": words joined to the verb stand just before (or after) it
        var body = text[..open].Replace("_*", " *", StringComparison.Ordinal).Replace("*_", "* ", StringComparison.Ordinal);
        var elements = new List<PetrarchElement>();
        var position = 0;
        var verbAt = -1;
        while (ReadElement(body, ref position, out var element, out var problem, out var isVerb))
        {
            if (problem is not null)
            {
                errors.Add(VerbProblem(file, lineNo, problem));
                return null;
            }

            if (isVerb)
            {
                if (verbAt >= 0)
                {
                    errors.Add(VerbProblem(file, lineNo, "a pattern with two '*' verbs"));
                    return null;
                }

                verbAt = elements.Count;
            }
            else if (element is not null)
            {
                elements.Add(element);
            }
        }

        if (verbAt < 0)
        {
            errors.Add(VerbProblem(file, lineNo, "a pattern with no '*' for the verb"));
            return null;
        }

        return new PetrarchPattern(elements[..verbAt], elements[verbAt..], code, body.Trim(), lineNo);
    }

    /// <summary>Reads the next element of a pattern body; false at the end.</summary>
    private static bool ReadElement(string body, ref int position, out PetrarchElement? element, out string? problem, out bool isVerb)
    {
        element = null;
        problem = null;
        isVerb = false;
        while (position < body.Length && char.IsWhiteSpace(body[position]))
        {
            position++;
        }

        if (position >= body.Length)
        {
            return false;
        }

        var c = body[position];
        switch (c)
        {
            case '*':
                position++;
                isVerb = true;
                return true;
            case '$' or '%' or '^' when position + 1 >= body.Length || !char.IsLetter(body[position + 1]):
                position++;
                element = PetrarchElement.Marker(c switch { '$' => PetrarchElementKind.Source, '%' => PetrarchElementKind.Compound, _ => PetrarchElementKind.Skip });
                return true;
            case '+' when position + 1 >= body.Length || char.IsWhiteSpace(body[position + 1]) || body[position + 1] == ')':
                position++;
                element = PetrarchElement.Marker(PetrarchElementKind.Target);
                return true;
            case '{':
            {
                var end = body.IndexOf('}', position);
                if (end < 0)
                {
                    problem = "a '{' noun phrase with no closing '}'";
                    return true;
                }

                var inner = body[(position + 1)..end];
                position = end + 1;
                element = Phrase(inner);
                if (element is null)
                {
                    problem = "an empty '{}' noun phrase";
                }

                return true;
            }

            case '(':
            {
                var depth = 0;
                var end = position;
                for (; end < body.Length; end++)
                {
                    depth += body[end] == '(' ? 1 : body[end] == ')' ? -1 : 0;
                    if (depth == 0)
                    {
                        break;
                    }
                }

                if (end >= body.Length)
                {
                    problem = "a '(' prepositional phrase with no closing ')'";
                    return true;
                }

                var inner = body[(position + 1)..end];
                position = end + 1;
                var innerPosition = 0;
                var parts = new List<PetrarchElement>();
                while (ReadElement(inner, ref innerPosition, out var part, out var innerProblem, out var innerVerb))
                {
                    if (innerProblem is not null || innerVerb)
                    {
                        problem = innerProblem ?? "a '*' inside a prepositional phrase";
                        return true;
                    }

                    if (part is not null)
                    {
                        parts.Add(part);
                    }
                }

                if (parts.Count == 0 || parts[0].Kind != PetrarchElementKind.Words)
                {
                    // "(NO OBSTACLE)", "(ABLE TO)": a parenthesised run with no preposition reads as plain words
                    element = parts.Count == 0 ? null : new PetrarchElement(PetrarchElementKind.Preposition, [], parts);
                    return true;
                }

                element = new PetrarchElement(PetrarchElementKind.Preposition, [parts[0].Words[0]], [.. parts[0].Words.Count > 1 ? [new PetrarchElement(PetrarchElementKind.Words, parts[0].Words.Skip(1).ToArray(), [])] : Array.Empty<PetrarchElement>(), .. parts.Skip(1)]);
                return true;
            }

            case '}' or ')':
                position++;
                problem = $"an unmatched '{c}'";
                return true;
        }

        var start = position;
        while (position < body.Length && !char.IsWhiteSpace(body[position]) && body[position] is not ('(' or ')' or '{' or '}'))
        {
            position++;
        }

        var word = body[start..position];
        if (word.StartsWith('&'))
        {
            element = new PetrarchElement(PetrarchElementKind.Synset, [SynsetName(word)], []);
            return true;
        }

        element = Phrase(string.Join(' ', JoinedWords(word)));
        return true;
    }

    /// <summary>"TO_SEND" → [TO_, SEND]; "CASH_" → [CASH_]: words joined by '_' stand together, each but the last exactly as written.</summary>
    private static IEnumerable<string> JoinedWords(string word)
    {
        var joined = word.ToUpperInvariant().Split('_');
        return joined.Select((w, i) => w.Length == 0 ? w : i < joined.Length - 1 ? w + "_" : w).Where(w => w.Length > 0);
    }

    /// <summary>Words that stand together: "PEACE PLAN" → [PEACE, PLAN]; a synset inside a phrase is kept as "&amp;NAME".</summary>
    private static PetrarchElement? Phrase(string text)
    {
        var words = text.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.StartsWith('&') ? "&" + SynsetName(w) : w.ToUpperInvariant())
            .ToArray();
        return words.Length == 0 ? null : new PetrarchElement(PetrarchElementKind.Words, words, []);
    }

    public static List<PetrarchDiscard> ReadDiscards(string path, List<TacitusError> errors) =>
        ReadDiscards(File.ReadLines(path), Path.GetFileName(path), errors);

    /// <summary>A discard list: one phrase a line; <c>+</c> marks a story-level discard.</summary>
    public static List<PetrarchDiscard> ReadDiscards(IEnumerable<string> lines, string file, List<TacitusError> errors)
    {
        var result = new List<PetrarchDiscard>();
        foreach (var (lineNo, line) in ContentLines(lines))
        {
            var story = line[0] == '+';
            var phrase = (story ? line[1..] : line).Trim().TrimEnd(';').Trim();
            if (phrase.Length == 0 || phrase.Contains('[', StringComparison.Ordinal))
            {
                errors.Add(new TacitusError(VerbError, "knowledge", "a discard line with no phrase (or with a [code])", file, $"line {lineNo}"));
                continue;
            }

            result.Add(new PetrarchDiscard(phrase.ToUpperInvariant().Replace('_', ' '), story, lineNo));
        }

        return result;
    }

    public static Dictionary<string, string> ReadNegations(string path, List<TacitusError> errors) =>
        ReadNegations(File.ReadLines(path), Path.GetFileName(path), errors);

    /// <summary>
    /// The negations of PETRARCH's internal coding ontology (PICO): lines <c>CODE:0xVALUE#0xFFFF+0xOTHER#…</c> say
    /// that the negated CODE is the code whose value is OTHER ("not disapprove" 110 → 050). Other lines are read for
    /// their values only.
    /// </summary>
    public static Dictionary<string, string> ReadNegations(IEnumerable<string> lines, string file, List<TacitusError> errors)
    {
        var byValue = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var negated = new List<(string Code, string Value, int Line)>();
        var lineNo = 0;
        foreach (var raw in lines)
        {
            lineNo++;
            var line = raw.Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (line.Length == 0 || line[0] == '#' || colon <= 0 || !char.IsAsciiDigit(line[0]))
            {
                continue;
            }

            var code = line[..colon];
            var fields = line[(colon + 1)..].Split('#');
            var value = fields[0].Trim();
            if (value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && !value.Contains('-', StringComparison.Ordinal) && !value.Contains('+', StringComparison.Ordinal))
            {
                byValue.TryAdd(value, code);
            }

            if (fields.Length > 1 && fields[1].Contains("0xFFFF", StringComparison.OrdinalIgnoreCase))
            {
                var other = fields[1].Split('+', StringSplitOptions.TrimEntries).FirstOrDefault(f => !f.Equals("0xFFFF", StringComparison.OrdinalIgnoreCase));
                if (other is null)
                {
                    errors.Add(new TacitusError(VerbError, "knowledge", "a negation with no code value", file, $"line {lineNo}"));
                    continue;
                }

                negated.Add((code, other, lineNo));
            }
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, value, line) in negated)
        {
            if (byValue.TryGetValue(value, out var target))
            {
                result[code] = target;
            }
            else
            {
                errors.Add(new TacitusError(VerbError, "knowledge", $"negation value {value} names no code", file, $"line {line}"));
            }
        }

        return result;
    }

    private static TacitusError VerbProblem(string file, int line, string message) =>
        new(VerbError, "knowledge", message, file, $"line {line}");
}
