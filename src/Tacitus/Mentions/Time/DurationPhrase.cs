using System.Globalization;
using System.Text.RegularExpressions;

namespace Tacitus.Mentions.Time;

/// <summary>
/// Reads an expression that is only an amount of time ("a decade", "100 days", "about two hours", "two-week",
/// "the past three months", "several years") as a TimeML duration ("P10Y", "P100D", "PT2H", "P2W", "P3M", "PXY").
/// The recogniser reads some of these as dates ("in 100 days" → a day in June); after the signal is dropped they are
/// amounts, and TimeML writes them as durations.
/// </summary>
internal static partial class DurationPhrase
{
    public static string? Read(ReadOnlySpan<char> expression)
    {
        if (expression.Length > 60)
        {
            return null;
        }

        var text = expression.ToString();
        var unitMatch = UnitPattern().Match(text);
        if (!unitMatch.Success)
        {
            return null;
        }

        var unit = unitMatch.Groups["unit"].Value.ToLowerInvariant();
        var amount = text[..unitMatch.Index];
        amount = amount[ModifierPattern().Match(amount).Length..];
        if (amount.EndsWith(" of", StringComparison.OrdinalIgnoreCase))
        {
            amount = amount[..^3]; // "a couple of"
        }

        string count;
        if (amount.Length == 0)
        {
            return null;
        }

        if (VaguePattern().IsMatch(amount))
        {
            count = "X";
        }
        else if (NumberReader.TryRead(amount, out var value, out var length) && length == amount.Length && value > 0)
        {
            count = value.ToString("0.##", CultureInfo.InvariantCulture);
            if (unit.StartsWith("decade", StringComparison.Ordinal))
            {
                return $"P{value * 10:0.##}Y";
            }

            if (unit.StartsWith("centur", StringComparison.Ordinal))
            {
                return $"P{value * 100:0.##}Y";
            }

            if (unit.StartsWith("fortnight", StringComparison.Ordinal))
            {
                return $"P{value * 2:0.##}W";
            }
        }
        else
        {
            return null;
        }

        return unit switch
        {
            _ when unit.StartsWith("second", StringComparison.Ordinal) => $"PT{count}S",
            _ when unit.StartsWith("minute", StringComparison.Ordinal) => $"PT{count}M",
            _ when unit.StartsWith("hour", StringComparison.Ordinal) => $"PT{count}H",
            _ when unit.StartsWith("day", StringComparison.Ordinal) => $"P{count}D",
            _ when unit.StartsWith("week", StringComparison.Ordinal) => $"P{count}W",
            _ when unit.StartsWith("month", StringComparison.Ordinal) => $"P{count}M",
            _ when unit.StartsWith("year", StringComparison.Ordinal) => $"P{count}Y",
            _ when unit.StartsWith("decade", StringComparison.Ordinal) => count == "X" ? "PXDE" : $"P{count}0Y", // "several decades": TimeML's decade unit
            _ when unit.StartsWith("fortnight", StringComparison.Ordinal) => $"P{count}W",
            _ => count == "X" ? "PXCE" : $"P{count}00Y", // centuries
        };
    }

    [GeneratedRegex(@"[\s-](?<unit>seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|century|centuries)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnitPattern();

    [GeneratedRegex(@"^(?:(?:about|around|nearly|almost|some|roughly|approximately|just|only|more than|less than|fewer than|over|under|up to|at least|at most|a little (?:more|less|over|under) than|the (?:past|last|next|first|coming|previous|following|final)) )?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ModifierPattern();

    [GeneratedRegex(@"\b(?:few|several|many|some)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VaguePattern();
}
