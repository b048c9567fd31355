using System.Text.Json;
using Tacitus.Documents;

namespace Tacitus.Store;

/// <summary>
/// A document's sentences as the store keeps them: one JSON value per document (<c>documents.sentence_rows</c>), an
/// array with one array per sentence in sentence order, its items in the order the old <c>sentences</c> table had its
/// columns: idx, start, end, paragraph, first_token, token_count, boilerplate (0 or 1), boilerplate_rule. Nothing
/// queries a single sentence, and one value per document costs a fraction of a row per sentence to write.
/// </summary>
internal sealed class SentenceRows
{
    private readonly JsonRowsWriter rows = new(4 * 1024);

    /// <summary>The sentences as stored (UTF-8 in this writer's buffer, valid until the next call), or null when there are none.</summary>
    public Utf8Text? Pack(IReadOnlyList<Sentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        if (sentences.Count == 0)
        {
            return null;
        }

        rows.Begin();
        var writer = rows.Writer;
        foreach (var s in sentences)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(s.Index);
            writer.WriteNumberValue(s.Span.Start);
            writer.WriteNumberValue(s.Span.End);
            writer.WriteNumberValue(s.Paragraph);
            writer.WriteNumberValue(s.FirstToken);
            writer.WriteNumberValue(s.TokenCount);
            writer.WriteNumberValue(s.Boilerplate ? 1 : 0);
            rows.Text(s.BoilerplateRule);
            writer.WriteEndArray();
        }

        return rows.End();
    }

    /// <summary>The sentences in a stored value, in the order stored.</summary>
    public static void Unpack(string json, List<Sentence> into)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(into);
        using var parsed = JsonDocument.Parse(json);
        foreach (var s in parsed.RootElement.EnumerateArray())
        {
            into.Add(new Sentence
            {
                Index = s[0].GetInt32(),
                Span = new TextSpan(s[1].GetInt32(), s[2].GetInt32()),
                Paragraph = s[3].GetInt32(),
                FirstToken = s[4].GetInt32(),
                TokenCount = s[5].GetInt32(),
                Boilerplate = s[6].GetInt32() != 0,
                BoilerplateRule = s[7].ValueKind == JsonValueKind.Null ? null : s[7].GetString(),
            });
        }
    }
}
