using System.Buffers;

namespace Tacitus.Text;

/// <summary>
/// A necessary condition of a case-insensitive regular expression, read from its pattern by
/// <see cref="RequiredLiterals"/>: every text the expression matches starts with one of <see cref="Literals"/>
/// (<see cref="AtStart"/>) or contains one of them. A text that fails it cannot match, so the expression need not run;
/// a text that passes still goes to the expression, which decides.
/// </summary>
internal sealed class LiteralFilter
{
    /// <summary>
    /// Characters outside ASCII that a case-insensitive expression matches where an ASCII letter is written (found at
    /// load by scanning UTF-16: the Kelvin sign under invariant globalization, as shipped; the long s too with ICU); an
    /// ordinal comparison does not, so a text holding one skips the filter and goes to the expression.
    /// </summary>
    private static readonly char[] CaseMateCharacters = FindAsciiCaseMates();

    private static readonly SearchValues<char> AsciiCaseMates = SearchValues.Create(CaseMateCharacters);

    private readonly SearchValues<string> anywhere;

    /// <summary>The characters of <see cref="HoldsAsciiCaseMate"/>.</summary>
    public static ReadOnlySpan<char> AsciiCaseMateCharacters => CaseMateCharacters;

    private readonly SearchValues<char> firstCharacters;

    public LiteralFilter(IReadOnlyList<string> literals, bool atStart)
    {
        ArgumentOutOfRangeException.ThrowIfZero(literals.Count);
        Literals = literals;
        AtStart = atStart;
        var strings = new string[literals.Count];
        var firsts = new List<char>();
        for (var i = 0; i < strings.Length; i++)
        {
            var literal = literals[i];
            ArgumentException.ThrowIfNullOrEmpty(literal);
            strings[i] = literal;
            firsts.Add(char.ToLowerInvariant(literal[0]));
            firsts.Add(char.ToUpperInvariant(literal[0]));
        }

        anywhere = SearchValues.Create(strings, StringComparison.OrdinalIgnoreCase);
        firstCharacters = SearchValues.Create([.. firsts]);
    }

    /// <summary>The literals, one of which a match holds; none is empty.</summary>
    public IReadOnlyList<string> Literals { get; }

    /// <summary>Whether a match starts the text with one of <see cref="Literals"/> (an anchored expression).</summary>
    public bool AtStart { get; }

    /// <summary>False only when the expression cannot match <paramref name="text"/>.</summary>
    public bool MayMatch(ReadOnlySpan<char> text) => HoldsAsciiCaseMate(text) || MayMatchOrdinally(text);

    /// <summary>
    /// Whether <paramref name="text"/> holds a character the expression may read as an ASCII letter where an ordinal
    /// comparison does not (then no filter may turn the text away).
    /// </summary>
    public static bool HoldsAsciiCaseMate(ReadOnlySpan<char> text) => text.ContainsAny(AsciiCaseMates);

    /// <summary><see cref="MayMatch"/> for a text known to hold no <see cref="HoldsAsciiCaseMate">ASCII case mate</see>.</summary>
    public bool MayMatchOrdinally(ReadOnlySpan<char> text)
    {
        if (!AtStart)
        {
            return text.ContainsAny(anywhere);
        }

        if (text.IsEmpty || !firstCharacters.Contains(text[0]))
        {
            return false;
        }

        for (var i = 0; i < Literals.Count; i++)
        {
            if (text.StartsWith(Literals[i], StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static char[] FindAsciiCaseMates()
    {
        var found = new List<char>();
        for (var c = 128; c <= char.MaxValue; c++)
        {
            var upper = char.ToUpperInvariant((char)c);
            var lower = char.ToLowerInvariant((char)c);
            if (char.IsAsciiLetter(upper) || char.IsAsciiLetter(lower))
            {
                found.Add((char)c);
            }
        }

        return [.. found];
    }
}
