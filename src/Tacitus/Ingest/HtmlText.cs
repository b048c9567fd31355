using System.Collections.Frozen;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Tacitus.Ingest;

/// <summary>
/// Turns HTML into the text segmentation expects: a blank line between blocks (paragraphs, headings, list items,
/// table rows, block quotes), a line break for a single <c>&lt;br&gt;</c> and a paragraph break for two, runs of
/// white space collapsed, and scripts, styles and other non-text elements left out.
/// </summary>
internal static class HtmlText
{
    private static readonly FrozenSet<string> Blocks = FrozenSet.ToFrozenSet(
    [
        "P", "DIV", "SECTION", "ARTICLE", "MAIN", "HEADER", "FOOTER", "ASIDE", "NAV", "H1", "H2", "H3", "H4", "H5", "H6",
        "UL", "OL", "LI", "DL", "DT", "DD", "BLOCKQUOTE", "PRE", "TABLE", "THEAD", "TBODY", "TFOOT", "TR", "CAPTION",
        "FIGURE", "FIGCAPTION", "HR", "ADDRESS", "DETAILS", "SUMMARY", "FIELDSET", "CENTER", "FORM", "BODY", "HGROUP",
    ], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Skipped = FrozenSet.ToFrozenSet(
    [
        "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "MATH", "HEAD", "IFRAME", "OBJECT", "EMBED", "CANVAS", "BUTTON",
        "SELECT", "OPTION", "TEXTAREA", "INPUT", "AUDIO", "VIDEO", "MAP", "DIALOG",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Page furniture, left out when a whole page is read without an article extractor.</summary>
    private static readonly FrozenSet<string> Furniture = FrozenSet.ToFrozenSet(["NAV", "HEADER", "FOOTER", "ASIDE", "FORM"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Text of an HTML fragment (a feed item's description or content, an extracted article).</summary>
    /// <param name="skipFurniture">Leave out nav, header, footer, aside and form elements.</param>
    public static string FromFragment(string html, bool skipFurniture = false)
    {
        // Plain text with no markup and no entities needs no parser.
        if (html.AsSpan().IndexOfAny('<', '&') < 0)
        {
            return TextDecoder.Normalise(html).Trim();
        }

        if (HtmlNesting.TooDeep(html))
        {
            return HtmlNesting.FlatText(html);
        }

        var document = new HtmlParser().ParseDocument(html);
        return document.Body is null ? string.Empty : FromElement(document.Body, skipFurniture);
    }

    /// <summary>Text of an element and everything below it.</summary>
    public static string FromElement(INode root, bool skipFurniture)
    {
        var writer = new Writer(new StringBuilder());
        Walk(root, ref writer, skipFurniture);
        return writer.Builder.ToString();
    }

    private static void Walk(INode node, ref Writer writer, bool skipFurniture)
    {
        for (var child = node.FirstChild; child is not null; child = child.NextSibling)
        {
            switch (child)
            {
                case IText text:
                    writer.Text(text.Data);
                    break;
                case IElement element:
                    var name = element.LocalName;
                    if (Skipped.Contains(name) || (skipFurniture && Furniture.Contains(name)) || element.HasAttribute("hidden"))
                    {
                        break;
                    }

                    if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
                    {
                        writer.Break(1);
                        break;
                    }

                    var block = Blocks.Contains(name);
                    if (block)
                    {
                        writer.Break(2);
                    }
                    else if (name is "td" or "th")
                    {
                        writer.Space();
                    }

                    Walk(element, ref writer, skipFurniture);
                    if (block)
                    {
                        writer.Break(2);
                    }

                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Appends text with pending separators: a space, a line break, or a blank line, only before more text.</summary>
    private struct Writer(StringBuilder builder)
    {
        private int pendingBreaks;
        private bool pendingSpace;

        public readonly StringBuilder Builder => builder;

        public void Break(int lines)
        {
            // Two single breaks in a row (<br><br>) make a paragraph break.
            pendingBreaks = pendingBreaks == 1 && lines == 1 ? 2 : Math.Max(pendingBreaks, lines);
        }

        public void Space() => pendingSpace = true;

        public void Text(string text)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = true;
                    continue;
                }

                if (builder.Length > 0)
                {
                    if (pendingBreaks > 0)
                    {
                        builder.Append(pendingBreaks == 1 ? "\n" : "\n\n");
                    }
                    else if (pendingSpace)
                    {
                        builder.Append(' ');
                    }
                }

                pendingBreaks = 0;
                pendingSpace = false;
                builder.Append(c);
            }
        }
    }
}
