using System.Globalization;
using System.Text;

namespace Tacitus.Cli;

/// <summary>
/// Text from documents (titles, sentences, names, file names) made safe to print: control characters (an escape
/// sequence that would retitle or clear the terminal, a carriage return that would overwrite the line) are shown
/// as <c>\x1B</c>-style escapes instead of being sent to the terminal.
/// </summary>
internal static class TerminalText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var first = IndexOfControl(text);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (IsControl(c))
            {
                sb.Append(c <= 0xFF ? $"\\x{(int)c:X2}" : string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>C0 and C1 controls and DEL, except the tab and the line feed; bidirectional overrides too.</summary>
    private static bool IsControl(char c) =>
        (c < 0x20 && c is not '\t' and not '\n') || c is >= '\u007F' and <= '\u009F' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';

    private static int IndexOfControl(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsControl(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
