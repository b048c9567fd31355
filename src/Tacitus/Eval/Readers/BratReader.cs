using System.Globalization;
using System.Text.RegularExpressions;
using Tacitus.Documents;

namespace Tacitus.Eval.Readers;

/// <summary>One gold attribution: source (absent for Attribution-no-source), cue and content spans.</summary>
internal sealed record BratAttribution(string Id, TextSpan? Source, TextSpan? Cue, TextSpan? Content);

/// <summary>An article and its gold attributions, read from a brat <c>.ann</c> file and its <c>.txt</c>.</summary>
internal sealed record BratDocument(string Name, string AnnotationPath, string TextPath, string Text, DateOnly? Date, IReadOnlyList<BratAttribution> Attributions);

/// <summary>
/// Reads brat standoff attribution annotations (PolNeAR): <c>T</c> lines (<c>Tn\tLabel start end[;start end]\ttext</c>) and
/// <c>E</c> lines (<c>En\tAttribution:Tk Content:Tc Cue:Tq Source:Ts</c>). A discontinuous span is read as its hull
/// (first start to last end). The text is the <c>.txt</c> next to the <c>.ann</c>, or in a texts folder, named after the
/// article (the <c>.ann</c> name without its <c>_annotator</c> suffix).
/// </summary>
internal static partial class BratReader
{
    [GeneratedRegex(@"^(?<id>T\d+)\t(?<label>[A-Za-z][\w-]*) (?<frags>\d+ \d+(?:;\d+ \d+)*)(?:\t(?<text>.*))?$")]
    private static partial Regex TextBoundLine();

    [GeneratedRegex(@"^(?<id>E\d+)\t(?<args>.+)$")]
    private static partial Regex EventLine();

    [GeneratedRegex(@"^[TERAMN#*]\d*\t")]
    private static partial Regex AnyAnnotationLine();

    [GeneratedRegex(@"_(?<date>\d{4}-\d{2}-\d{2})_")]
    private static partial Regex DateInName();

    [GeneratedRegex(@"_[0-9a-f]{4}$")]
    private static partial Regex AnnotatorSuffix();

    /// <summary>Reads every <c>.ann</c> in a folder (one per article: the first annotator's, in name order).</summary>
    public static GoldSet<BratDocument> ReadFolder(string folder, string? textFolder = null, int? limit = null)
    {
        if (!Directory.Exists(folder))
        {
            throw new GoldFormatException(EvalErrors.Create(EvalErrors.NotFound, "no such gold folder", folder));
        }

        var set = new GoldSet<BratDocument>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ann in Directory.EnumerateFiles(folder, "*.ann").Order(StringComparer.Ordinal))
        {
            if (limit is int n && set.Items.Count >= n)
            {
                break;
            }

            if (!seen.Add(ArticleName(ann)))
            {
                continue;
            }

            try
            {
                set.Items.Add(Read(ann, textFolder, set.Problems));
            }
            catch (GoldFormatException ex)
            {
                set.Problems.Add(ex.Error);
            }
        }

        return set;
    }

    /// <summary>Reads one annotation file; throws <see cref="GoldFormatException"/> when its text is missing or the file is unreadable.</summary>
    public static BratDocument Read(string annPath, string? textFolder, List<TacitusError> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (!File.Exists(annPath))
        {
            throw new GoldFormatException(EvalErrors.Create(EvalErrors.NotFound, "no such annotation file", annPath));
        }

        var article = ArticleName(annPath);
        var textPath = FindText(annPath, article, textFolder)
            ?? throw new GoldFormatException(EvalErrors.Create(EvalErrors.MissingText, $"no text '{article}.txt' next to the annotations{(textFolder is null ? string.Empty : $" or in '{textFolder}'")}", annPath));
        var text = File.ReadAllText(textPath);
        using var reader = new StreamReader(annPath);
        var attributions = Parse(reader, text, annPath, problems);
        var match = DateInName().Match(article);
        DateOnly? date = match.Success && DateOnly.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        return new BratDocument(article, annPath, textPath, text, date, attributions);
    }

    /// <summary>Parses annotation lines against the text they refer to. Bad lines are reported and skipped.</summary>
    public static List<BratAttribution> Parse(TextReader reader, string text, string file, List<TacitusError> problems)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(problems);
        var spans = new Dictionary<string, (string Label, TextSpan Span)>(StringComparer.Ordinal);
        var events = new List<(string Id, string Args, int Line)>();
        var lineNumber = 0;
        string? lastTextBound = null;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var t = TextBoundLine().Match(line);
            if (t.Success)
            {
                var span = Hull(t.Groups["frags"].Value);
                if (span.End > text.Length || span.IsEmpty || span.Start < 0)
                {
                    problems.Add(EvalErrors.Create(EvalErrors.BadOffsets, $"span {span} is outside the text ({text.Length} characters)", file, lineNumber, t.Groups["id"].Value));
                    lastTextBound = null;
                    continue;
                }

                if (!t.Groups["frags"].Value.Contains(';', StringComparison.Ordinal) && t.Groups["text"].Success && t.Groups["text"].Value.Length == span.Length
                    && !span.Of(text).SequenceEqual(t.Groups["text"].Value))
                {
                    problems.Add(EvalErrors.Create(EvalErrors.BadOffsets, $"span {span} covers '{span.TextOf(text)}', not '{t.Groups["text"].Value}' (kept)", file, lineNumber, t.Groups["id"].Value));
                }

                spans[t.Groups["id"].Value] = (t.Groups["label"].Value, span);
                lastTextBound = t.Groups["id"].Value;
                continue;
            }

            var e = EventLine().Match(line);
            if (e.Success)
            {
                events.Add((e.Groups["id"].Value, e.Groups["args"].Value, lineNumber));
                lastTextBound = null;
                continue;
            }

            if (AnyAnnotationLine().IsMatch(line))
            {
                lastTextBound = null;
                continue; // relations, attributes, notes: not scored
            }

            if (lastTextBound is not null)
            {
                continue; // the covered text of the previous span ran over a line break
            }

            problems.Add(EvalErrors.Create(EvalErrors.Malformed, $"not a brat annotation line: '{Shorten(line)}'", file, lineNumber));
        }

        var result = new List<BratAttribution>();
        foreach (var (id, args, line) in events)
        {
            var parts = args.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var trigger = parts[0].Split(':', 2)[0];
            if (trigger is not ("Attribution" or "Attribution-no-source"))
            {
                continue;
            }

            TextSpan? source = null, cue = null, content = null;
            var ok = true;
            foreach (var part in parts.Skip(1))
            {
                var roleAndId = part.Split(':', 2);
                if (roleAndId.Length != 2 || !spans.TryGetValue(roleAndId[1], out var target))
                {
                    problems.Add(EvalErrors.Create(EvalErrors.Malformed, $"argument '{part}' names no span read from this file", file, line, id));
                    ok = false;
                    break;
                }

                switch (roleAndId[0].TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'))
                {
                    case "Source":
                        source ??= target.Span;
                        break;
                    case "Cue":
                        cue ??= target.Span;
                        break;
                    case "Content":
                        content ??= target.Span;
                        break;
                }
            }

            if (ok)
            {
                result.Add(new BratAttribution(id, source, cue, content));
            }
        }

        return result;
    }

    public static string ArticleName(string annPath) => AnnotatorSuffix().Replace(Path.GetFileNameWithoutExtension(annPath), string.Empty);

    private static string? FindText(string annPath, string article, string? textFolder)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(annPath))!;
        string[] candidates =
        [
            Path.Combine(dir, Path.GetFileNameWithoutExtension(annPath) + ".txt"),
            Path.Combine(dir, article + ".txt"),
            .. textFolder is null ? Array.Empty<string>() : [Path.Combine(textFolder, article + ".txt")],
        ];
        return candidates.FirstOrDefault(File.Exists);
    }

    private static TextSpan Hull(string fragments)
    {
        int start = int.MaxValue, end = 0;
        foreach (var frag in fragments.Split(';'))
        {
            var pair = frag.Split(' ');
            if (!int.TryParse(pair[0], NumberStyles.None, CultureInfo.InvariantCulture, out var s) || !int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var e))
            {
                return new TextSpan(-1, -1);
            }

            start = Math.Min(start, s);
            end = Math.Max(end, e);
        }

        return new TextSpan(start, end);
    }

    private static string Shorten(string line) => line.Length > 60 ? line[..60] + "…" : line;
}
