using System.Globalization;
using System.Text;
using System.Xml;
using Tacitus.Documents;

namespace Tacitus.Eval.Readers;

/// <summary>A gold TIMEX3 in the text: its span (into the tag-stripped text), value and type.</summary>
internal sealed record GoldTimex(string Id, TextSpan Span, string Value, string Type);

/// <summary>A TimeML document: the text of its TEXT element with tags stripped, its creation time, and its time expressions.</summary>
internal sealed record TimeMlDocument(string Name, string Path, string Text, DateOnly? CreationTime, string? CreationValue, IReadOnlyList<GoldTimex> Timexes);

/// <summary>
/// Reads TimeML (<c>.tml</c>: TimeBank, AQUAINT, TempEval-3). The document text is the content of <c>&lt;TEXT&gt;</c> with every
/// tag stripped and entities decoded; TIMEX3 offsets are recomputed on that text. The creation time is the TIMEX3 with
/// <c>functionInDocument="CREATION_TIME"</c> (in <c>&lt;DCT&gt;</c>). Malformed XML is a TAC602 naming file and line.
/// </summary>
internal static class TimeMlReader
{
    public static GoldSet<TimeMlDocument> ReadFolder(string path, int? limit = null)
    {
        var set = new GoldSet<TimeMlDocument>();
        IEnumerable<string> files = File.Exists(path) ? [path]
            : Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.tml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : throw new GoldFormatException(EvalErrors.Create(EvalErrors.NotFound, "no such gold file or folder", path));
        foreach (var file in files)
        {
            if (limit is int n && set.Items.Count >= n)
            {
                break;
            }

            try
            {
                using var reader = new StreamReader(file);
                set.Items.Add(Read(reader, file));
            }
            catch (GoldFormatException ex)
            {
                set.Problems.Add(ex.Error);
            }
        }

        return set;
    }

    public static TimeMlDocument Read(TextReader input, string file)
    {
        ArgumentNullException.ThrowIfNull(input);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, IgnoreWhitespace = false, IgnoreComments = true, XmlResolver = null };
        var text = new StringBuilder();
        var timexes = new List<GoldTimex>();
        string? dctValue = null;
        var inText = false;
        var sawText = false;
        (string Id, int Start, string Value, string Type, int Line)? open = null;
        try
        {
            using var xml = XmlReader.Create(input, settings);
            var lineInfo = (IXmlLineInfo)xml;
            while (xml.Read())
            {
                switch (xml.NodeType)
                {
                    case XmlNodeType.Element when xml.LocalName == "TEXT":
                        inText = !xml.IsEmptyElement;
                        sawText = true;
                        break;
                    case XmlNodeType.EndElement when xml.LocalName == "TEXT":
                        inText = false;
                        break;
                    case XmlNodeType.Element when xml.LocalName == "TIMEX3":
                        if (xml.GetAttribute("functionInDocument") == "CREATION_TIME" && !inText)
                        {
                            dctValue ??= xml.GetAttribute("value");
                        }
                        else if (inText)
                        {
                            if (open is not null)
                            {
                                throw new GoldFormatException(EvalErrors.Create(EvalErrors.Malformed, "TIMEX3 inside another TIMEX3", file, lineInfo.LineNumber));
                            }

                            var value = xml.GetAttribute("value");
                            if (value is null)
                            {
                                throw new GoldFormatException(EvalErrors.Create(EvalErrors.MissingField, "TIMEX3 has no value", file, lineInfo.LineNumber, xml.GetAttribute("tid")));
                            }

                            open = (xml.GetAttribute("tid") ?? $"t@{lineInfo.LineNumber}", text.Length, value, xml.GetAttribute("type") ?? "DATE", lineInfo.LineNumber);
                            if (xml.IsEmptyElement)
                            {
                                open = null; // an empty TIMEX3 has no extent in the text
                            }
                        }

                        break;
                    case XmlNodeType.EndElement when xml.LocalName == "TIMEX3" && inText && open is not null:
                        var o = open.Value;
                        timexes.Add(new GoldTimex(o.Id, new TextSpan(o.Start, text.Length), o.Value, o.Type));
                        open = null;
                        break;
                    case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA when inText:
                        text.Append(xml.Value);
                        break;
                }
            }
        }
        catch (XmlException ex)
        {
            throw new GoldFormatException(EvalErrors.Create(EvalErrors.Malformed, $"not well-formed TimeML: {ex.Message}", file, ex.LineNumber));
        }

        if (!sawText)
        {
            throw new GoldFormatException(EvalErrors.Create(EvalErrors.MissingField, "no <TEXT> element", file));
        }

        DateOnly? dct = dctValue is { Length: >= 10 } && DateOnly.TryParseExact(dctValue[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        return new TimeMlDocument(System.IO.Path.GetFileNameWithoutExtension(file), file, text.ToString(), dct, dctValue, timexes);
    }
}
