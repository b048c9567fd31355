using System.Text;
using Tacitus.Documents;

namespace Tacitus.Eval.Scoring;

/// <summary>Text as the scorers compare and show it.</summary>
internal static class EvalText
{
    /// <summary>Folds curly quotes to straight ones and collapses runs of white space to one space (GOLD.md's comparison).</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' => '"',
                _ => c,
            });
        }

        return sb.ToString();
    }

    /// <summary>The span with up to <paramref name="window"/> characters either side, on one line, the span in [[ ]].</summary>
    public static string Around(string text, TextSpan span, int window = 80)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = Math.Clamp(span.Start, 0, text.Length);
        var end = Math.Clamp(span.End, start, text.Length);
        var from = Math.Max(0, start - window);
        var to = Math.Min(text.Length, end + window);
        var shown = text[from..start] + "[[" + text[start..end] + "]]" + text[end..to];
        return Fold(shown);
    }

    /// <summary>A span's text on one line, cut to <paramref name="max"/> characters.</summary>
    public static string Cut(string text, TextSpan span, int max = 300)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = Fold(span.TextOf(text));
        return s.Length > max ? s[..max] + "…" : s;
    }
}
