namespace Tacitus.Text;

/// <summary>
/// Reads a necessary condition out of a .NET regular expression's pattern (<see cref="LiteralFilter"/>): the literal
/// strings one of which every match holds, or starts with when the pattern is anchored with <c>^</c>. The reading is
/// conservative: a construct it does not follow (character ranges, back-references, the <c>x</c> option,
/// conditionals) contributes no literal, so the worst it gives is no filter, never a wrong one. Literals are compared
/// without case, so a case-sensitive part (<c>(?-i:...)</c>) only makes the filter weaker, still exact.
/// </summary>
internal static class RequiredLiterals
{
    /// <summary>A part whose possible texts number more than this is no longer expanded (the filter would grow large).</summary>
    private const int MaxStrings = 64;

    /// <summary>The filter of <paramref name="pattern"/>, or null when the pattern yields no literal every match holds.</summary>
    public static LiteralFilter? Of(string pattern)
    {
        var parser = new Parser(pattern);
        var top = parser.ParseAlternation();
        if (parser.Unreadable || parser.Position != pattern.Length)
        {
            return null; // a construct not read, or an unbalanced ')' (the Regex constructor reports that)
        }

        if (top.Prefixes is { } prefixes)
        {
            return new LiteralFilter(prefixes, atStart: true);
        }

        return top.Required is { } required ? new LiteralFilter(required, atStart: false) : null;
    }

    /// <summary>
    /// What is known of one part of a pattern. <see cref="Exact"/>: every text the part matches is one of these
    /// (null: not a short list); <see cref="Required"/>: every match holds one of these (null: nothing known);
    /// <see cref="Prefixes"/>: the part starts with <c>^</c> and every match starts with one of these;
    /// <see cref="Starts"/>: every match of a part repeated at least once starts with one of these ("[-–]+").
    /// </summary>
    private sealed record Part(List<string>? Exact, List<string>? Required, bool Anchor = false, List<string>? Prefixes = null, List<string>? Starts = null)
    {
        public static Part Empty() => new([string.Empty], null);

        public static Part Unknown() => new(null, null);
    }

    private sealed class Parser(string pattern)
    {
        public int Position { get; private set; }

        /// <summary>A construct was met that this reading does not follow: the pattern gets no filter.</summary>
        public bool Unreadable { get; private set; }

        /// <summary>Stops reading at a construct not followed.</summary>
        private Part Stop()
        {
            Unreadable = true;
            Position = pattern.Length;
            return Part.Unknown();
        }

        public Part ParseAlternation()
        {
            var branches = new List<Part> { ParseSequence() };
            while (Position < pattern.Length && pattern[Position] == '|')
            {
                Position++;
                branches.Add(ParseSequence());
            }

            if (branches.Count == 1)
            {
                return branches[0];
            }

            List<string>? exact = [];
            List<string>? required = [];
            foreach (var branch in branches)
            {
                exact = exact is not null && branch.Exact is not null ? Union(exact, branch.Exact) : null;
                required = required is not null && branch.Required is not null ? Union(required, branch.Required) : null;
            }

            return new Part(exact, exact is not null ? WithoutEmpty(exact) : required);
        }

        private Part ParseSequence()
        {
            var parts = new List<Part>();
            while (Position < pattern.Length && pattern[Position] is not '|' and not ')')
            {
                parts.Add(ParseQuantified());
            }

            // Adjacent parts with short lists of texts join into one list (their products); a part that is not such
            // a list ends the run. Every run, and every part's own requirement, is a candidate; the longest wins.
            List<string>? best = null;
            List<string>? prefixes = null;
            var anchored = parts.Count > 0 && parts[0].Anchor;
            List<string>? run = [string.Empty];
            var allExact = true;
            for (var i = anchored ? 1 : 0; i < parts.Count; i++)
            {
                var part = parts[i];
                if (part.Exact is not null && Product(run!, part.Exact) is { } joined)
                {
                    run = joined;
                    continue;
                }

                allExact = false;
                if (anchored && prefixes is null)
                {
                    prefixes = (part.Starts is not null ? Product(run!, part.Starts) : null) ?? WithoutEmpty(run!) ?? [];
                }

                best = Better(best, WithoutEmpty(run!));
                best = Better(best, part.Required);
                run = part.Exact is not null ? part.Exact : [string.Empty];
            }

            if (anchored && prefixes is null)
            {
                prefixes = WithoutEmpty(run!) ?? [];
            }

            best = Better(best, WithoutEmpty(run!));
            var exact = allExact && !anchored ? run : null;
            return new Part(exact, best, Prefixes: prefixes is { Count: > 0 } ? prefixes : null);
        }

        private Part ParseQuantified()
        {
            var atom = ParseAtom();
            if (Position >= pattern.Length)
            {
                return atom;
            }

            int min;
            int max;
            switch (pattern[Position])
            {
                case '?': min = 0; max = 1; Position++; break;
                case '*': min = 0; max = int.MaxValue; Position++; break;
                case '+': min = 1; max = int.MaxValue; Position++; break;
                case '{' when TryReadCount(out min, out max): break;
                default: return atom;
            }

            if (Position < pattern.Length && pattern[Position] == '?')
            {
                Position++; // lazy: the same texts
            }

            if (atom.Anchor)
            {
                return Stop(); // a quantified anchor
            }

            if (min == 0)
            {
                return max == 1 && atom.Exact is not null ? new Part(Union(atom.Exact, [string.Empty]), null) : Part.Unknown();
            }

            if (min == 1 && max == 1)
            {
                return atom;
            }

            // Repeated at least once: a match holds the atom's text at least once, and starts with it.
            var once = atom.Exact is not null ? WithoutEmpty(atom.Exact) : null;
            return new Part(null, once ?? atom.Required, Starts: once);
        }

        private bool TryReadCount(out int min, out int max)
        {
            min = 0;
            max = 0;
            var end = pattern.IndexOf('}', Position);
            if (end < 0)
            {
                return false; // a literal '{'
            }

            var body = pattern.AsSpan(Position + 1, end - Position - 1);
            var comma = body.IndexOf(',');
            var ok = comma < 0
                ? int.TryParse(body, out min) && (max = min) >= 0
                : int.TryParse(body[..comma], out min) && (comma == body.Length - 1 ? (max = int.MaxValue) > 0 : int.TryParse(body[(comma + 1)..], out max));
            if (!ok)
            {
                return false;
            }

            Position = end + 1;
            return true;
        }

        private Part ParseAtom()
        {
            var c = pattern[Position++];
            switch (c)
            {
                case '(':
                    return ParseGroup();
                case '[':
                    return ParseClass();
                case '\\':
                    return ParseEscape();
                case '.':
                    return Part.Unknown();
                case '^':
                    return new Part([string.Empty], null, Anchor: true);
                case '$':
                    return Part.Empty();
                case '*' or '+' or '?':
                    return Stop(); // a quantifier with nothing before it
                default:
                    return Literal(c);
            }
        }

        private Part ParseGroup()
        {
            var zeroWidth = false;
            if (Position < pattern.Length && pattern[Position] == '?')
            {
                Position++;
                var kind = Position < pattern.Length ? pattern[Position] : '\0';
                if (kind == ':' || kind == '>')
                {
                    Position++;
                }
                else if (kind == '=' || kind == '!')
                {
                    Position++;
                    zeroWidth = true;
                }
                else if (kind == '<' && Position + 1 < pattern.Length && pattern[Position + 1] is '=' or '!')
                {
                    Position += 2;
                    zeroWidth = true;
                }
                else if (kind is '<' or '\'')
                {
                    var close = kind == '<' ? '>' : '\'';
                    var end = pattern.IndexOf(close, Position + 1);
                    if (end < 0 || pattern.AsSpan(Position + 1, end - Position - 1).Contains('-'))
                    {
                        return Stop(); // a balancing group
                    }

                    Position = end + 1;
                }
                else
                {
                    ReadOptions();
                }
            }

            var inner = ParseAlternation();
            if (Position >= pattern.Length || pattern[Position] != ')')
            {
                return Stop(); // an unclosed group
            }

            Position++;
            return zeroWidth ? Part.Empty() : inner;
        }

        /// <summary>Inline options "(?i-s:" or "(?m)": whitespace-ignoring patterns are not read.</summary>
        private void ReadOptions()
        {
            var start = Position;
            while (Position < pattern.Length && pattern[Position] is 'i' or 'm' or 'n' or 's' or 'x' or '-')
            {
                Position++;
            }

            if (Position >= pattern.Length || pattern[Position] is not ':' and not ')' || pattern.AsSpan(start, Position - start).Contains('x'))
            {
                Stop(); // a group kind or option not read
                return;
            }

            if (pattern[Position] == ')')
            {
                Stop(); // options for the rest of the pattern
                return;
            }

            Position++;
        }

        private Part ParseClass()
        {
            // Only a plain list of characters ("[-–—]", "[•·*|]") is read; ranges, escapes and negation are not.
            var members = new List<string>();
            var plain = Position < pattern.Length && pattern[Position] != '^';
            var first = true;
            while (Position < pattern.Length && (pattern[Position] != ']' || first))
            {
                var c = pattern[Position++];
                // A ']' first in the class, or first after its '^', is a member, not the class's end.
                first = c == '^' && members.Count == 0 && first;
                if (c == '[')
                {
                    return Stop(); // a subtraction ("[a-[b]]") or a nested class: not read
                }

                if (c == '\\')
                {
                    plain = false;
                    Position++;
                    continue;
                }

                if (c == '[' || (c == '-' && Position < pattern.Length && pattern[Position] != ']' && members.Count > 0) || !IsCaseSimple(c))
                {
                    plain = false;
                }

                members.Add(c.ToString());
            }

            if (Position >= pattern.Length)
            {
                return Stop(); // an unclosed class
            }

            Position++;
            return plain && members.Count > 0 && members.Count <= MaxStrings ? new Part(Union(members, []), null) : Part.Unknown();
        }

        private Part ParseEscape()
        {
            if (Position >= pattern.Length)
            {
                return Stop(); // a trailing backslash
            }

            var c = pattern[Position++];
            switch (c)
            {
                case 'b' or 'B' or 'z' or 'Z' or 'G':
                    return Part.Empty();
                case 'A':
                    return new Part([string.Empty], null, Anchor: true);
                case 'p' or 'P':
                    var end = pattern.IndexOf('}', Position);
                    if (end < 0)
                    {
                        return Stop(); // an unclosed category
                    }

                    Position = end + 1;
                    return Part.Unknown();
                case 't': return Literal('\t');
                case 'n': return Literal('\n');
                case 'r': return Literal('\r');
                case 'f': return Literal('\f');
                case 'v': return Literal('\v');
                case 'e': return Literal('\u001b');
                case 'a': return Literal('\a');
                default:
                    if (char.IsAsciiLetterOrDigit(c) || c == '_')
                    {
                        // \d \w \s and their negations, \x \u \c \0 codes, back-references \1 \k<name>: not a literal
                        if (c is 'x' or 'u' or 'c' or 'k' || char.IsAsciiDigit(c))
                        {
                            return Stop(); // a character code or back-reference
                        }

                        return Part.Unknown();
                    }

                    return Literal(c);
            }
        }

        private static Part Literal(char c) => IsCaseSimple(c) ? new Part([c.ToString()], null) : Part.Unknown();
    }

    /// <summary>
    /// A character a case-insensitive comparison treats alike in the expression and in an ordinal comparison: ASCII,
    /// or a character with no case (the text's non-ASCII case mates of ASCII letters are <see cref="LiteralFilter"/>'s).
    /// </summary>
    private static bool IsCaseSimple(char c) =>
        char.IsAscii(c) || (char.ToUpperInvariant(c) == c && char.ToLowerInvariant(c) == c && !char.IsLetter(c));

    private static List<string>? Product(List<string> left, List<string> right)
    {
        if ((long)left.Count * right.Count > MaxStrings)
        {
            return null;
        }

        var joined = new List<string>(left.Count * right.Count);
        foreach (var l in left)
        {
            foreach (var r in right)
            {
                joined.Add(l + r);
            }
        }

        return Union(joined, []);
    }

    private static List<string>? Union(List<string> left, List<string> right)
    {
        var set = new HashSet<string>(left, StringComparer.OrdinalIgnoreCase);
        set.UnionWith(right);
        if (set.Count > MaxStrings)
        {
            return null;
        }

        var list = new List<string>(set);
        list.Sort(StringComparer.Ordinal);
        return list;
    }

    /// <summary>The list as a requirement: none when a match may be empty there.</summary>
    private static List<string>? WithoutEmpty(List<string> strings) => strings.Contains(string.Empty) ? null : strings;

    /// <summary>The more selective requirement: the longer shortest literal, then the fewer literals.</summary>
    private static List<string>? Better(List<string>? a, List<string>? b)
    {
        if (a is null)
        {
            return b;
        }

        if (b is null)
        {
            return a;
        }

        var shortestA = Shortest(a);
        var shortestB = Shortest(b);
        return shortestB > shortestA || (shortestB == shortestA && b.Count < a.Count) ? b : a;
    }

    private static int Shortest(List<string> strings)
    {
        var shortest = int.MaxValue;
        foreach (var s in strings)
        {
            shortest = Math.Min(shortest, s.Length);
        }

        return shortest;
    }
}
