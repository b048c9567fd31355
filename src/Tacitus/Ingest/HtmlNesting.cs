using System.Collections.Frozen;
using System.Net;
using System.Text.RegularExpressions;

namespace Tacitus.Ingest;

/// <summary>
/// The guard in front of the HTML parser and the article extractor: their time grows faster than the nesting depth
/// of a page and their walks recurse, so a page nested deeper than <see cref="MaxDepth"/> (ten thousand unclosed
/// <c>&lt;div&gt;&lt;span&gt;</c>) is not given to them. Its text is read flat instead: block elements become
/// paragraph breaks, other tags are dropped, entities decoded. The depth is found by one pass over the tags.
/// </summary>
internal static partial class HtmlNesting
{
    /// <summary>Deeper than any real page (news pages stay well under a hundred).</summary>
    public const int MaxDepth = 128;

    /// <summary>Elements that hold nothing, or close by themselves, and so never nest.</summary>
    private static readonly FrozenSet<string> NonNesting = FrozenSet.ToFrozenSet(
    [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "td", "th", "tr", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp",
        "html", "head", "body",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the markup opens more than <see cref="MaxDepth"/> elements without closing them.</summary>
    public static bool TooDeep(string html)
    {
        var depth = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            var closing = html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var end = start;
            while (end < html.Length && char.IsAsciiLetterOrDigit(html[end]))
            {
                end++;
            }

            var close = html.IndexOf('>', end);
            if (close < 0)
            {
                break; // no tag ends after this point
            }

            if (end == start)
            {
                i++;
                continue;
            }

            if (!NonNesting.GetAlternateLookup<ReadOnlySpan<char>>().Contains(html.AsSpan(start, end - start)))
            {
                if (closing)
                {
                    depth = Math.Max(0, depth - 1);
                }
                else if (html[close - 1] != '/' && ++depth > MaxDepth)
                {
                    return true;
                }
            }

            i = close + 1;
        }

        return false;
    }

    /// <summary>The text of the markup without a parser: blocks as paragraphs, scripts and styles left out.</summary>
    public static string FlatText(string html)
    {
        var text = SkippedElementPattern().Replace(html, " ");
        text = BlockTagPattern().Replace(text, "\n\n");
        text = TagPattern().Replace(text, string.Empty);
        text = WebUtility.HtmlDecode(text);
        text = SpacesPattern().Replace(TextDecoder.Normalise(text), " ");
        return ParagraphBreakPattern().Replace(text, "\n\n").Trim();
    }

    /// <summary>The page's <c>&lt;title&gt;</c>, read without a parser; null when there is none.</summary>
    public static string? Title(string html)
    {
        var match = TitlePattern().Match(html);
        var title = match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value).Trim() : string.Empty;
        return title.Length == 0 ? null : SpacesPattern().Replace(title, " ");
    }

    // NonBacktracking throughout: linear in the input whatever it holds (unclosed scripts, a '<' with no '>').
    [GeneratedRegex(@"<script\b[^>]*>.*?</script\s*>|<style\b[^>]*>.*?</style\s*>|<noscript\b[^>]*>.*?</noscript\s*>|<template\b[^>]*>.*?</template\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex SkippedElementPattern();

    [GeneratedRegex(@"</?(?:p|div|section|article|main|h[1-6]|ul|ol|li|dl|dt|dd|blockquote|pre|table|tr|br|hr|figure|figcaption|header|footer|aside|nav)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex BlockTagPattern();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"[ \t\f\v\u00A0]+", RegexOptions.CultureInvariant)]
    private static partial Regex SpacesPattern();

    [GeneratedRegex(@"\s*\n\s*\n\s*", RegexOptions.CultureInvariant)]
    private static partial Regex ParagraphBreakPattern();

    [GeneratedRegex(@"<title\b[^>]*>(.*?)</title\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TitlePattern();
}
