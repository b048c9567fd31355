using System.Globalization;
using Tacitus.Documents;

namespace Tacitus.Mentions.Time;

/// <summary>
/// Clock times read by the project's rules: "9 a.m.", "10:30 p.m.", "5pm", "14:00", "noon" / "midday", as a time of
/// day ("T09:00"); the stage gives it the day last talked about, or the publication day. Not a score or a ratio
/// ("3:1": the minutes need two digits), not an hour past 23 or a minute past 59.
/// </summary>
internal static class ClockTimes
{
    /// <summary>Extra tokens consumed after trigger <paramref name="i"/>, or -1 when it is no clock time.</summary>
    public static int Read(string text, ReadOnlySpan<Token> tokens, int i, List<TimeCandidate> added)
    {
        var word = tokens[i].Span.Of(text);
        if (TimeWords.Shipped.Middays.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var noon))
        {
            var start = i > 0 && TimeWords.Shipped.Modifiers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[i - 1].Span.Of(text)) ? tokens[i - 1].Span.Start : tokens[i].Span.Start;
            if (Weekday(text, tokens, i) is { } noonDay)
            {
                // "noon Thursday", "midday on Friday": the weekday's date at noon
                added.Add(new TimeCandidate(new TextSpan(start, tokens[noonDay.Index].Span.End), "datetime", $"XXXX-WXX-{noonDay.Number}{noon}", null, "clock"));
                return noonDay.Index - i;
            }

            added.Add(new TimeCandidate(new TextSpan(start, tokens[i].Span.End), "time", noon, null, "clock"));
            return 0;
        }

        if (IsMeridiem(word))
        {
            // "9 a.m.": the hour is the token before, written apart or together ("9am" is two tokens)
            if (i == 0 || tokens[i - 1].Kind != TokenKind.Number || !TryHour(tokens[i - 1].Span.Of(text), out var hour, out var minute, out var second))
            {
                return -1;
            }

            return Add(text, tokens, i - 1, i, hour, minute, second, word, added) is var read and >= 0 ? read - i : -1;
        }

        if (tokens[i].Kind != TokenKind.Number)
        {
            return -1;
        }

        // "10:30" as one token, or "10", ":", "30" written together
        var last = i;
        int h, m, sec;
        if (word.Contains(':'))
        {
            if (!TryHour(word, out h, out m, out sec))
            {
                return -1;
            }
        }
        else if (i + 2 < tokens.Length && tokens[i + 1].Span.Of(text) is ":" && tokens[i].Span.End == tokens[i + 1].Span.Start &&
                 tokens[i + 1].Span.End == tokens[i + 2].Span.Start && TryHour(string.Concat(word, ":", tokens[i + 2].Span.Of(text)), out h, out m, out sec))
        {
            last = i + 2;
        }
        else
        {
            return -1;
        }

        var meridiem = last + 1 < tokens.Length && IsMeridiem(tokens[last + 1].Span.Of(text)) ? tokens[last + 1].Span.Of(text) : default;
        var end = meridiem.IsEmpty ? last : last + 1;
        return Add(text, tokens, i, end, h, m, sec, meridiem, added) is var taken and >= 0 ? taken - i : -1;
    }

    /// <summary>Adds the clock time of tokens <paramref name="first"/>..<paramref name="last"/>; returns the last token taken, or -1.</summary>
    private static int Add(string text, ReadOnlySpan<Token> tokens, int first, int last, int hour, int minute, int second, ReadOnlySpan<char> meridiem, List<TimeCandidate> added)
    {
        if (!meridiem.IsEmpty)
        {
            if (hour is < 1 or > 12)
            {
                return -1;
            }

            var pm = TimeWords.Shipped.Meridiems.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(meridiem, out var half) && half == "pm";
            hour = hour == 12 ? (pm ? 12 : 0) : pm ? hour + 12 : hour;
        }
        else if (hour > 23)
        {
            return -1;
        }

        var end = tokens[last].Span.End;
        if (meridiem.IsEmpty && text[end - 1] == '.')
        {
            end--; // "at 14:00." the sentence's full stop
        }

        var timex = second > 0 ? string.Create(CultureInfo.InvariantCulture, $"T{hour:D2}:{minute:D2}:{second:D2}") : string.Create(CultureInfo.InvariantCulture, $"T{hour:D2}:{minute:D2}");
        if (first > 0 && TimeWords.Shipped.Modifiers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[first - 1].Span.Of(text)))
        {
            first--; // "around noon", "about 9 a.m.": the recogniser's extent
        }

        if (Weekday(text, tokens, last) is { } day)
        {
            // "9 a.m. on Monday", "10pm Friday": one expression, the weekday's date at that time
            added.Add(new TimeCandidate(new TextSpan(tokens[first].Span.Start, tokens[day.Index].Span.End), "datetime", $"XXXX-WXX-{day.Number}{timex}", null, "clock"));
            return day.Index;
        }

        added.Add(new TimeCandidate(new TextSpan(tokens[first].Span.Start, end), "time", timex, null, "clock"));
        return last;
    }

    /// <summary>The weekday right after a clock time, or after "on": its token and ISO number.</summary>
    private static (int Index, int Number)? Weekday(string text, ReadOnlySpan<Token> tokens, int last)
    {
        var j = last + 1;
        if (j < tokens.Length && tokens[j].Span.Of(text).Equals("on", StringComparison.OrdinalIgnoreCase))
        {
            j++;
        }

        if (j >= tokens.Length || !char.IsUpper(text[tokens[j].Span.Start]) ||
            !TimeWords.Shipped.Weekdays.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(tokens[j].Span.Of(text), out var number))
        {
            return null;
        }

        return (j, number);
    }

    /// <summary>"9" (minute 0), "10:30" or "10:30:15"; the minutes and seconds in two digits.</summary>
    private static bool TryHour(ReadOnlySpan<char> word, out int hour, out int minute, out int second)
    {
        hour = minute = second = 0;
        var colon = word.IndexOf(':');
        var hourPart = colon < 0 ? word : word[..colon];
        if (hourPart.Length is < 1 or > 2 || hourPart.IndexOfAnyExceptInRange('0', '9') >= 0)
        {
            return false;
        }

        hour = int.Parse(hourPart, CultureInfo.InvariantCulture);
        if (colon < 0)
        {
            return true;
        }

        var minutePart = word[(colon + 1)..];
        if (minutePart.Length == 5 && minutePart[2] == ':' && minutePart[3..].IndexOfAnyExceptInRange('0', '9') < 0 && int.Parse(minutePart[3..], CultureInfo.InvariantCulture) <= 59)
        {
            second = int.Parse(minutePart[3..], CultureInfo.InvariantCulture); // "10:35:22"
            minutePart = minutePart[..2];
        }

        if (minutePart.Length != 2 || minutePart.IndexOfAnyExceptInRange('0', '9') >= 0)
        {
            return false;
        }

        minute = int.Parse(minutePart, CultureInfo.InvariantCulture);
        return minute <= 59;
    }

    private static bool IsMeridiem(ReadOnlySpan<char> word) => TimeWords.Shipped.Meridiems.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(word);
}
