using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using SmartReader;
using Tacitus.Documents;

namespace Tacitus.Ingest;

/// <summary>
/// An HTML page: SmartReader (a port of Mozilla Readability) finds the article, its title, byline, date and site
/// name; the article HTML becomes text with <see cref="HtmlText"/>. When no article is found, the page body
/// without navigation, headers, footers and asides is used.
/// </summary>
internal static partial class HtmlPageReader
{
    private const string PlaceholderUrl = "https://localhost/";

    /// <summary>What was found in a page, before defaults and the language are added.</summary>
    internal sealed record PageContent(string Text, string? Title, string? Author, string? SiteName, DateOnly? Published);

    public static IngestItem Read(string html, string file, string origin, IngestOptions options, string format = "html", string? url = null, DateOnly? fallbackDate = null, string? externalId = null, string? record = null)
    {
        var page = Extract(html, url);
        if (!page.Success)
        {
            return IngestErrors.Fail(IngestErrors.MalformedHtml, page.Error!, file, record);
        }

        var content = page.Value;
        var metadata = new DocumentMetadata
        {
            Origin = origin,
            Format = format,
            Title = content.Title,
            Author = content.Author,
            Outlet = content.SiteName,
            Published = content.Published ?? fallbackDate,
            Url = url,
            ExternalId = externalId,
        };
        return DocumentBuilder.Build(content.Text, metadata, options, file, record);
    }

    internal static ParseResult<PageContent> Extract(string html, string? url)
    {
        if (HtmlNesting.TooDeep(html))
        {
            // Too deep for the parser and the extractor to finish in time (HtmlNesting): read it flat.
            var flat = HtmlNesting.FlatText(html);
            return flat.Length == 0
                ? ParseResult<PageContent>.Fail($"no text in a page nested deeper than {HtmlNesting.MaxDepth} elements")
                : ParseResult<PageContent>.Ok(new PageContent(flat, HtmlNesting.Title(html), null, null, null));
        }

        Article article;
        try
        {
            article = new Reader(IsAbsolute(url) ? url! : PlaceholderUrl, html).GetArticle();
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            return Fallback(html, $"cannot read the page: {e.Message}");
        }

        // IsReadable is Readability's guess before extraction (it says no to short pages); the content decides.
        // Page furniture Readability leaves in (a header with the byline, a footer with share links) is not news.
        var text = string.IsNullOrWhiteSpace(article.Content) ? string.Empty : HtmlText.FromFragment(article.Content, skipFurniture: true);
        if (text.Length == 0)
        {
            var reason = article.Errors.FirstOrDefault()?.Message ?? "no article text found";
            return Fallback(html, reason);
        }

        var siteName = NullIfBlank(article.SiteName);
        var author = NullIfBlank(article.Author) ?? NullIfBlank(article.Byline);
        var title = TitleWithoutSite(NullIfBlank(article.Title), siteName);
        return ParseResult<PageContent>.Ok(new PageContent(
            DropLeadingHeadlineAndByline(text, title, article.Byline, author),
            title,
            author is null ? null : StripBy(author),
            siteName,
            article.PublicationDate is { } date ? DateOnly.FromDateTime(date) : null));
    }

    /// <summary>The page body without furniture, for pages the article extractor gives up on.</summary>
    private static ParseResult<PageContent> Fallback(string html, string reason)
    {
        var document = new HtmlParser().ParseDocument(html);
        var text = document.Body is null ? string.Empty : HtmlText.FromElement(document.Body, skipFurniture: true);
        if (text.Length == 0)
        {
            return ParseResult<PageContent>.Fail(reason);
        }

        var title = NullIfBlank(document.Title);
        return ParseResult<PageContent>.Ok(new PageContent(DropLeadingHeadlineAndByline(text, title, null, null), title, null, null, null));
    }

    /// <summary>"Flood closes bridge | Valley Post" → "Flood closes bridge" when the site is Valley Post.</summary>
    internal static string? TitleWithoutSite(string? title, string? siteName)
    {
        if (title is null || siteName is null)
        {
            return title;
        }

        foreach (var separator in (string[])[" | ", " - ", " – ", " — ", " :: ", " · "])
        {
            var suffix = separator + siteName;
            if (title.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && title.Length > suffix.Length)
            {
                return title[..^suffix.Length].TrimEnd();
            }

            var prefix = siteName + separator;
            if (title.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && title.Length > prefix.Length)
            {
                return title[prefix.Length..].TrimStart();
            }
        }

        return title;
    }

    /// <summary>
    /// Readability can keep the headline and a byline paragraph ("By Jane Rowe") at the top of the text; both are
    /// metadata here, so the text starts with the story.
    /// </summary>
    private static string DropLeadingHeadlineAndByline(string text, string? title, string? byline, string? author)
    {
        for (var pass = 0; pass < 2; pass++)
        {
            var end = text.IndexOf("\n\n", StringComparison.Ordinal);
            if (end < 0)
            {
                break;
            }

            var first = text[..end].Trim();
            var isHeadline = title is not null && first.Equals(title.Trim(), StringComparison.OrdinalIgnoreCase);
            var isByline = first.Length <= 120 && (
                (byline is not null && first.Equals(byline.Trim(), StringComparison.OrdinalIgnoreCase)) ||
                (author is not null && StripBy(first).Equals(StripBy(author), StringComparison.OrdinalIgnoreCase)));
            if (!isHeadline && !isByline)
            {
                break;
            }

            text = text[(end + 2)..];
        }

        return text;
    }

    private static string StripBy(string value)
    {
        var trimmed = value.Trim();
        return trimmed.StartsWith("by ", StringComparison.OrdinalIgnoreCase) ? trimmed[3..].Trim() : trimmed;
    }

    /// <summary>The charset a page declares in its first 2 KB (<c>&lt;meta charset&gt;</c> or <c>http-equiv</c>), or null.</summary>
    public static string? DeclaredCharset(ReadOnlySpan<byte> html)
    {
        var head = System.Text.Encoding.Latin1.GetString(html[..Math.Min(html.Length, 2048)]);
        var match = MetaCharset().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?([A-Za-z0-9_.:-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsAbsolute(string? url) => url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
