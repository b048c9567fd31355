using Tacitus.Text;

namespace Tacitus.Tests.Text;

public sealed class RequiredLiteralsTests
{
    [Fact]
    public void Of_AnchoredAlternation_EveryBranchIsAPrefix()
    {
        var filter = RequiredLiterals.Of(@"^(?:read more|see also|watch)\s*:");
        Assert.NotNull(filter);
        Assert.True(filter.AtStart);
        Assert.Equal(["read more", "see also", "watch"], filter.Literals);
    }

    [Fact]
    public void Of_OptionalWordBeforeAlternation_PrefixesWithAndWithoutIt()
    {
        var filter = RequiredLiterals.Of(@"^(?:additional )?(?:reporting|editing) by (?-i:[A-Z])\w+");
        Assert.NotNull(filter);
        Assert.True(filter.AtStart);
        Assert.Equal(["additional editing by ", "additional reporting by ", "editing by ", "reporting by "], filter.Literals);
    }

    [Fact]
    public void Of_RepeatedListAfterAnchor_PrefixesAreItsCharacters()
    {
        var filter = RequiredLiterals.Of(@"^[-–—]+\s*(?-i:[A-Z]\w*)\s*$");
        Assert.NotNull(filter);
        Assert.True(filter.AtStart);
        Assert.Equal(["-", "–", "—"], filter.Literals);
    }

    [Fact]
    public void Of_TwoLiteralsApart_TheLongerIsRequired()
    {
        var filter = RequiredLiterals.Of(@"\b(?:fund|back)\s+us\b.{0,30}\bjournalism\b");
        Assert.NotNull(filter);
        Assert.False(filter.AtStart);
        Assert.Equal(["journalism"], filter.Literals);
    }

    [Fact]
    public void Of_OptionalLastLetter_BothFormsRequired()
    {
        var filter = RequiredLiterals.Of(@"\bnewsletters?\b");
        Assert.NotNull(filter);
        Assert.Equal(["newsletter", "newsletters"], filter.Literals);
    }

    [Theory]
    [InlineData(@"\w+\s*")]
    [InlineData(@"(?:abc)?x*")]
    [InlineData(@"(?:abc|\d+)")]
    [InlineData(@"^(?:please\s+)?\w+")]
    [InlineData(@"[a-z]+")]
    public void Of_NoLiteralEveryMatchHolds_Null(string pattern) => Assert.Null(RequiredLiterals.Of(pattern));

    [Theory]
    [InlineData("(?x)click here")]
    [InlineData(@"(a)\1")]
    [InlineData(@"(?(a)abc|abd)")]
    [InlineData(@"\x41bc")]
    [InlineData("(?i)abc")]
    public void Of_ConstructNotRead_NullNotAGuess(string pattern) => Assert.Null(RequiredLiterals.Of(pattern));

    [Fact]
    public void Of_LetterOutsideAscii_EndsTheLiteral()
    {
        var filter = RequiredLiterals.Of("caf\u00e9 au lait");
        Assert.NotNull(filter);
        Assert.Equal([" au lait"], filter.Literals);
    }

    [Fact]
    public void Of_LookbehindAndCaselessSymbol_SymbolRequired()
    {
        var filter = RequiredLiterals.Of(@"(?:copyright\s*\d{4}|(?<!\w)©\s*\d{4})");
        Assert.NotNull(filter);
        Assert.Equal(["copyright", "©"], filter.Literals);
    }

    [Theory]
    [InlineData(@"[^]]x", "ax")]
    [InlineData(@"[^]a]c", "bc")]
    [InlineData(@"[ab-[b]]x", "ax")]
    [InlineData(@"[a-[b]]", "a")]
    [InlineData(@"[]a]x", "]x")]
    public void Of_ClassWithBracketMember_NeverRejectsAMatch(string pattern, string text)
    {
        Assert.Matches(new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.IgnoreCase), text);
        var filter = RequiredLiterals.Of(pattern);
        Assert.True(filter is null || filter.MayMatch(text), $"filter of {pattern} rejects {text}");
    }

    /// <summary>Patterns drawn from a small grammar of the constructs the reader knows and some it must refuse; whatever
    /// the reader makes of a pattern, a text the expression matches must pass its filter.</summary>
    [Fact]
    public void Of_GeneratedPatterns_NeverRejectsAMatch()
    {
        var random = new Random(20261207);
        string[] atoms = ["a", "b", "ab", "ba", " ", "]", "^", "-", "[ab]", "[^a]", "[]a]", "[^]a]", "[a-[b]]", "[a-c]", @"\w", @"\s", @"", ".", @"\]", "©"];
        string[] quantifiers = ["", "", "", "?", "*", "+", "{0,2}", "{1,2}", "??"];
        for (var n = 0; n < 3000; n++)
        {
            var pattern = Pattern(random, atoms, quantifiers, depth: 0);
            System.Text.RegularExpressions.Regex regex;
            try
            {
                regex = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
            }
            catch (ArgumentException)
            {
                continue; // not an expression .NET reads
            }

            var filter = RequiredLiterals.Of(pattern);
            if (filter is null)
            {
                continue;
            }

            for (var t = 0; t < 60; t++)
            {
                var text = Text(random);
                if (regex.IsMatch(text))
                {
                    Assert.True(filter.MayMatch(text), $"filter of \"{pattern}\" rejects \"{text}\"");
                }
            }
        }
    }

    private static string Pattern(Random random, string[] atoms, string[] quantifiers, int depth)
    {
        var parts = new System.Text.StringBuilder();
        if (depth == 0 && random.Next(4) == 0)
        {
            parts.Append('^');
        }

        var count = random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            if (depth < 2 && random.Next(5) == 0)
            {
                parts.Append("(?:").Append(Pattern(random, atoms, quantifiers, depth + 1)).Append('|').Append(Pattern(random, atoms, quantifiers, depth + 1)).Append(')');
            }
            else
            {
                parts.Append(atoms[random.Next(atoms.Length)]);
            }

            parts.Append(quantifiers[random.Next(quantifiers.Length)]);
        }

        return parts.ToString();
    }

    private static string Text(Random random)
    {
        const string alphabet = "abcAB ]^-©x";
        var chars = new char[random.Next(0, 9)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
