using System.Collections.Frozen;
using System.Globalization;
using Tacitus.Mentions.Quantities;

namespace Tacitus.Mentions;

/// <summary>
/// Reads a number written the way news writes them, at the start of a piece of text: "520", "1,200", "1.2 million",
/// "$5 billion" (without the sign), "two", "twenty-four", "one hundred and twenty", "a dozen", "a", "an". The number
/// words and scales are data (<see cref="QuantityWords"/>).
/// </summary>
internal static class NumberReader
{
    private static readonly FrozenDictionary<string, int> Units = QuantityWords.NumberWords;

    private static readonly FrozenDictionary<string, double> Scales = QuantityWords.Scales;

    /// <summary>Reads a number at <paramref name="text"/>'s start; <paramref name="length"/> is how many chars it took.</summary>
    public static bool TryRead(ReadOnlySpan<char> text, out double value, out int length)
    {
        value = 0;
        length = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        if (char.IsAsciiDigit(text[0]))
        {
            var i = 0;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || (text[i] == ',' && IsThousandsGroup(text, i)) ||
                                       (text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))))
            {
                i++;
            }

            if (!double.TryParse(text[..i].ToString().Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            {
                return false;
            }

            length = i;
            ReadScale(text, ref value, ref length);
            return Finite(ref value, ref length);
        }

        return TryReadWords(text, out value, out length) && Finite(ref value, ref length);
    }

    /// <summary>
    /// False (and nothing read) for a value past double's range: three hundred digits, or "hundred" written 160 times,
    /// is no number a reader can use, and JSON has no infinity to write.
    /// </summary>
    private static bool Finite(ref double value, ref int length)
    {
        if (double.IsFinite(value))
        {
            return true;
        }

        (value, length) = (0, 0);
        return false;
    }

    private static bool IsThousandsGroup(ReadOnlySpan<char> text, int comma) =>
        text.Length >= comma + 4 && char.IsAsciiDigit(text[comma + 1]) && char.IsAsciiDigit(text[comma + 2]) &&
        char.IsAsciiDigit(text[comma + 3]) && (text.Length == comma + 4 || !char.IsAsciiDigit(text[comma + 4]));

    /// <summary>" million", "-million", "m" right after the digits.</summary>
    private static void ReadScale(ReadOnlySpan<char> text, ref double value, ref int length)
    {
        var j = length;
        if (j < text.Length && text[j] is ' ' or '-')
        {
            j++;
        }

        var k = j;
        while (k < text.Length && char.IsAsciiLetter(text[k]))
        {
            k++;
        }

        // a two-letter scale ("5bn") may be written on to the digits
        if (k > j && Scales.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text[j..k], out var scale))
        {
            // in decimal where it fits: 8.2bn is 8200000000, not 8199999999.999999
            value = value < 1e15 ? (double)((decimal)value * (decimal)scale) : value * scale;
            length = k;
        }
    }

    private static bool TryReadWords(ReadOnlySpan<char> text, out double value, out int length)
    {
        value = 0;
        length = 0;
        double total = 0;
        double current = 0;
        var any = false;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                i++;
            }

            if (i == start)
            {
                break;
            }

            var word = text[start..i];
            if (!any && (word.Equals("a", StringComparison.OrdinalIgnoreCase) || word.Equals("an", StringComparison.OrdinalIgnoreCase)))
            {
                current = 1;
                any = true;
                length = i;
            }
            else if (Units.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var unit))
            {
                if (word.Equals("dozen", StringComparison.OrdinalIgnoreCase) || word.Equals("couple", StringComparison.OrdinalIgnoreCase))
                {
                    current = (current == 0 ? 1 : current) * unit;
                }
                else
                {
                    current += unit;
                }

                any = true;
                length = i;
            }
            else if (any && Scales.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var scale) && word.Length > 2)
            {
                if (scale == 100)
                {
                    current = (current == 0 ? 1 : current) * 100;
                }
                else
                {
                    total += (current == 0 ? 1 : current) * scale;
                    current = 0;
                }

                length = i;
            }
            else if (any && word.Equals("and", StringComparison.OrdinalIgnoreCase))
            {
                // "one hundred and twenty": only if a number word follows
            }
            else if (any && word.Equals("of", StringComparison.OrdinalIgnoreCase))
            {
                break; // "a couple of years": stop before "of"
            }
            else
            {
                break;
            }

            if (i < text.Length && text[i] is ' ' or '-')
            {
                i++;
                continue;
            }

            break;
        }

        value = total + current;
        return any;
    }
}
