using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Tacitus.Documents;
using Tacitus.Domain;

namespace Tacitus.Eval.Readers;

/// <summary>A gold toponym: its span, the words, and where it is (coordinates, GeoNames id, country), where the gold says.</summary>
internal sealed record GoldToponym(TextSpan Span, string Phrase, double? Lat, double? Lon, long? GeoNamesId, CountryCode? Country, string? Type);

/// <summary>A geoparsing gold article: text, date, toponyms.</summary>
internal sealed record GeoDocument(string Id, string Text, DateOnly? Date, IReadOnlyList<GoldToponym> Toponyms);

/// <summary>
/// Reads the geoparsing gold sets of Gritta et al.: GeoWebNews (<c>&lt;article file&gt;</c> with <c>extractedName</c>,
/// <c>latitude</c>/<c>longitude</c>, a toponym <c>type</c>) and LGL / TR-News (<c>&lt;article docid&gt;</c> with <c>phrase</c> and a
/// <c>gaztag</c> giving <c>lat</c>, <c>lon</c> and <c>country geonameid</c>). For GeoWebNews only annotations with coordinates are
/// toponyms (the others are demonyms, expressions and non-toponyms); for LGL and TR-News every annotation is.
/// Offsets that do not cover the gold phrase are moved to the nearest place (within 50 characters) where the phrase
/// occurs, and counted; toponyms that cannot be placed are reported (TAC604) and left out.
/// </summary>
internal static class GeoXmlReader
{
    private const int Realign = 50;

    public static GoldSet<GeoDocument> Read(string path, int? limit = null)
    {
        if (!File.Exists(path))
        {
            throw new GoldFormatException(EvalErrors.Create(EvalErrors.NotFound, "no such gold file", path));
        }

        using var reader = new StreamReader(path);
        return Read(reader, path, limit);
    }

    public static GoldSet<GeoDocument> Read(TextReader input, string file, int? limit = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        XDocument xml;
        try
        {
            using var reader = XmlReader.Create(input, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            xml = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            throw new GoldFormatException(EvalErrors.Create(EvalErrors.Malformed, $"not well-formed XML: {ex.Message}", file, ex.LineNumber));
        }

        var set = new GoldSet<GeoDocument>();
        foreach (var article in xml.Root?.Elements("article") ?? [])
        {
            if (limit is int n && set.Items.Count >= n)
            {
                break;
            }

            var id = (string?)article.Attribute("docid") ?? (string?)article.Attribute("file") ?? $"line {Line(article)}";
            var text = (string?)article.Element("text");
            if (text is null)
            {
                set.Problems.Add(EvalErrors.Create(EvalErrors.MissingField, "article has no <text>", file, Line(article), id));
                continue;
            }

            var toponyms = new List<GoldToponym>();
            foreach (var t in article.Element("toponyms")?.Elements("toponym") ?? [])
            {
                var toponym = ReadToponym(t, text, file, id, set.Problems);
                if (toponym is not null)
                {
                    toponyms.Add(toponym);
                }
            }

            set.Items.Add(new GeoDocument(id, text, ParseDate((string?)article.Element("dltime")), toponyms));
        }

        return set;
    }

    private static GoldToponym? ReadToponym(XElement t, string text, string file, string id, List<TacitusError> problems)
    {
        var line = Line(t);
        var phrase = ((string?)t.Element("phrase") ?? (string?)t.Element("extractedName"))?.Trim();
        if (!int.TryParse((string?)t.Element("start"), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse((string?)t.Element("end"), NumberStyles.None, CultureInfo.InvariantCulture, out var end) || end <= start || string.IsNullOrEmpty(phrase))
        {
            problems.Add(EvalErrors.Create(EvalErrors.MissingField, "toponym needs <start>, <end> (end > start) and a phrase", file, line, id));
            return null;
        }

        var type = (string?)t.Element("type");
        var gaztag = t.Element("gaztag");
        double? lat = Number(gaztag?.Element("lat") ?? t.Element("latitude"));
        double? lon = Number(gaztag?.Element("lon") ?? t.Element("longitude"));
        long? geonameId = long.TryParse((string?)gaztag?.Attribute("geonameid") ?? (string?)t.Element("geonamesID"), NumberStyles.None, CultureInfo.InvariantCulture, out var g) ? g : null;
        if (type is not null && (lat is null || lon is null))
        {
            return null; // GeoWebNews: not a geocodable toponym
        }

        CountryCode? country = null;
        if (gaztag?.Element("country") is { } c)
        {
            country = long.TryParse((string?)c.Attribute("geonameid"), NumberStyles.None, CultureInfo.InvariantCulture, out var cid) ? GeoNamesCountryTable.ById(cid) : null;
            country ??= GeoNamesCountryTable.ByName((string?)c);
        }

        var span = new TextSpan(start, end);
        if (end > text.Length || !string.Equals(span.TextOf(text), phrase, StringComparison.Ordinal))
        {
            var moved = Nearest(text, phrase, start);
            if (moved is null)
            {
                problems.Add(EvalErrors.Create(EvalErrors.BadOffsets, $"[{start},{end}) does not cover '{phrase}', and the phrase is not within {Realign} characters", file, line, id));
                return null;
            }

            span = moved.Value;
        }

        return new GoldToponym(span, phrase, lat, lon, geonameId, country, type);
    }

    private static TextSpan? Nearest(string text, string phrase, int start)
    {
        var from = Math.Max(0, start - Realign);
        var to = Math.Min(text.Length, start + phrase.Length + Realign);
        TextSpan? best = null;
        for (var i = text.IndexOf(phrase, from, to - from, StringComparison.Ordinal); i >= 0 && i + phrase.Length <= to; i = i + 1 < to ? text.IndexOf(phrase, i + 1, to - i - 1, StringComparison.Ordinal) : -1)
        {
            if (best is null || Math.Abs(i - start) < Math.Abs(best.Value.Start - start))
            {
                best = new TextSpan(i, i + phrase.Length);
            }
        }

        return best;
    }

    private static double? Number(XElement? e) =>
        double.TryParse((string?)e, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;

    /// <summary>"2009-03-20 12:24:52-05", "2016-12-19", "Dec 17, 2016"; null when empty or unreadable.</summary>
    public static DateOnly? ParseDate(string? value)
    {
        value = value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Length >= 10 && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return iso;
        }

        return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var any) ? DateOnly.FromDateTime(any) : null;
    }

    private static int Line(XObject o) => o is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;
}
