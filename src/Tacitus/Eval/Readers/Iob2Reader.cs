using Tacitus.Documents;

namespace Tacitus.Eval.Readers;

/// <summary>A gold entity span: its type (PER, ORG, LOC, …) and offsets into the document text.</summary>
internal sealed record GoldEntity(string Type, TextSpan Span);

/// <summary>A document built from IOB2 sentences: each sentence as written (its <c># text</c> line), or its tokens joined by single spaces; sentences separated by a blank line.</summary>
internal sealed record Iob2Document(string Id, string Text, IReadOnlyList<TextSpan> Sentences, IReadOnlyList<TextSpan> Tokens, IReadOnlyList<GoldEntity> Entities);

/// <summary>
/// Reads IOB2 files (CoNLL style, UNER: <c>index\ttoken\ttag[\t…]</c>, a blank line after each sentence, <c>#</c> comments).
/// A <c># newdoc</c> line starts a document; a file without them makes one document per sentence. A sentence keeps its written form (its "# text" line) when the tokens align with it; otherwise tokens are joined with
/// single spaces (offsets recorded), sentences with a blank line. A line of the wrong shape or a tag that is not
/// <c>O</c>, <c>B-X</c> or <c>I-X</c> is a TAC602 naming file and line; that sentence is left out. An <c>I-X</c> that does not
/// continue an <c>X</c> starts a new entity (the CoNLL convention).
/// </summary>
internal static class Iob2Reader
{
    public static GoldSet<Iob2Document> Read(string path, int? limit = null)
    {
        if (!File.Exists(path))
        {
            throw new GoldFormatException(EvalErrors.Create(EvalErrors.NotFound, "no such gold file", path));
        }

        using var reader = new StreamReader(path);
        return Read(reader, path, limit);
    }

    public static GoldSet<Iob2Document> Read(TextReader reader, string file, int? limit = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sentences = new List<(string? Doc, string? SentId, string? Text, List<(string Token, string Tag)> Tokens)>();
        var set = new GoldSet<Iob2Document>();
        string? doc = null;
        string? sentId = null;
        string? sentText = null;
        List<(string, string)>? current = null;
        var bad = false;
        var lineNumber = 0;
        var anyNewDoc = false;

        void EndSentence()
        {
            if (current is { Count: > 0 } && !bad)
            {
                sentences.Add((doc, sentId, sentText, current));
            }

            current = null;
            bad = false;
            sentId = null;
            sentText = null;
        }

        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                EndSentence();
                continue;
            }

            if (line[0] == '#' && current is null)
            {
                if (line.StartsWith("# newdoc", StringComparison.Ordinal))
                {
                    anyNewDoc = true;
                    var eq = line.IndexOf('=', StringComparison.Ordinal);
                    doc = eq >= 0 ? line[(eq + 1)..].Trim() : $"doc@{lineNumber}";
                }
                else if (line.StartsWith("# sent_id", StringComparison.Ordinal))
                {
                    var eq = line.IndexOf('=', StringComparison.Ordinal);
                    sentId = eq >= 0 ? line[(eq + 1)..].Trim() : null;
                }
                else if (line.StartsWith("# text = ", StringComparison.Ordinal))
                {
                    sentText = line["# text = ".Length..];
                }

                continue;
            }

            current ??= [];
            var cols = line.Split('\t');
            if (cols.Length < 3 || cols[1].Length == 0)
            {
                if (!bad)
                {
                    set.Problems.Add(EvalErrors.Create(EvalErrors.Malformed, $"expected 'index<TAB>token<TAB>tag', got '{(line.Length > 60 ? line[..60] + "…" : line)}'; sentence left out", file, lineNumber, sentId));
                }

                bad = true;
                continue;
            }

            var tag = cols[2].Trim();
            if (!(tag == "O" || (tag.Length > 2 && (tag[0] is 'B' or 'I') && tag[1] == '-')))
            {
                if (!bad)
                {
                    set.Problems.Add(EvalErrors.Create(EvalErrors.BadValue, $"'{tag}' is not an IOB2 tag (O, B-TYPE, I-TYPE); sentence left out", file, lineNumber, sentId));
                }

                bad = true;
                continue;
            }

            current.Add((cols[1], tag));
        }

        EndSentence();

        var groups = anyNewDoc
            ? sentences.GroupBy(s => s.Doc ?? "(before the first newdoc)").Select(g => (g.Key, g.ToList()))
            : sentences.Select((s, i) => (s.SentId ?? $"sentence {i + 1}", new List<(string? Doc, string? SentId, string? Text, List<(string Token, string Tag)> Tokens)> { s }));
        foreach (var (id, group) in groups)
        {
            if (limit is int n && set.Items.Count >= n)
            {
                break;
            }

            set.Items.Add(Build(id, group.Select(g => (g.Text, g.Tokens))));
        }

        return set;
    }

    private static Iob2Document Build(string id, IEnumerable<(string? Text, List<(string Token, string Tag)> Tokens)> sentences)
    {
        var text = new System.Text.StringBuilder();
        var sentenceSpans = new List<TextSpan>();
        var tokenSpans = new List<TextSpan>();
        var entities = new List<GoldEntity>();
        foreach (var (rawText, sentence) in sentences)
        {
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            var sentenceStart = text.Length;

            // The sentence as it was written ("# text = "), when its tokens can be found in it in order;
            // else the tokens joined by single spaces.
            var offsets = rawText is null ? null : Align(rawText, sentence.ConvertAll(t => t.Token));
            if (offsets is not null)
            {
                text.Append(rawText);
            }

            string? openType = null;
            var openStart = 0;
            var lastEnd = 0;
            for (var i = 0; i < sentence.Count; i++)
            {
                var (token, tag) = sentence[i];
                int start;
                if (offsets is not null)
                {
                    start = sentenceStart + offsets[i];
                }
                else
                {
                    if (i > 0)
                    {
                        text.Append(' ');
                    }

                    start = text.Length;
                    text.Append(token);
                }

                var end = start + token.Length;
                tokenSpans.Add(new TextSpan(start, end));
                var type = tag == "O" ? null : tag[2..];
                var begins = tag[0] == 'B' || (type is not null && type != openType);
                if (openType is not null && (type is null || begins))
                {
                    entities.Add(new GoldEntity(openType, new TextSpan(openStart, lastEnd)));
                    openType = null;
                }

                if (type is not null && begins)
                {
                    openType = type;
                    openStart = start;
                }

                lastEnd = end;
            }

            if (openType is not null)
            {
                entities.Add(new GoldEntity(openType, new TextSpan(openStart, lastEnd)));
            }

            sentenceSpans.Add(new TextSpan(sentenceStart, text.Length));
        }

        return new Iob2Document(id, text.ToString(), sentenceSpans, tokenSpans, entities);
    }

    /// <summary>Each token's offset in the written sentence, found in order past white space; null when one is not there.</summary>
    internal static int[]? Align(string written, IReadOnlyList<string> tokens)
    {
        var offsets = new int[tokens.Count];
        var pos = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            while (pos < written.Length && char.IsWhiteSpace(written[pos]))
            {
                pos++;
            }

            if (string.CompareOrdinal(written, pos, tokens[i], 0, tokens[i].Length) != 0)
            {
                return null;
            }

            offsets[i] = pos;
            pos += tokens[i].Length;
        }

        return offsets;
    }
}
