using System.Text.Json;
using Tacitus.Documents;
using Tacitus.Domain;

namespace Tacitus.Store;

/// <summary>
/// A document's mentions as the store keeps them: one JSON value per document (<c>documents.mention_rows</c>), an
/// array with one array per mention in mention order, its items in the order the old <c>mentions</c> table had its
/// columns: kind, start, end, sentence, entity, name, country, sector, org_kind, affiliation, role, is_reference (0
/// or 1), rule, time, place, quantity (objects, as <see cref="StoreJson"/> writes them, written by <see cref="StoreValueJson"/>), form, evidence. Nothing
/// queries a single mention, and one value per document costs a fraction of a row per mention to write.
/// </summary>
internal sealed class MentionRows
{
    private readonly JsonRowsWriter rows = new(16 * 1024);

    /// <summary>The mentions as stored (UTF-8 in this writer's buffer, valid until the next call), or null when there are none.</summary>
    public Utf8Text? Pack(IReadOnlyList<Mention> mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        if (mentions.Count == 0)
        {
            return null;
        }

        rows.Begin();
        var writer = rows.Writer;
        foreach (var x in mentions)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(DocumentRowWriter.KindCode(x.Kind));
            writer.WriteNumberValue(x.Span.Start);
            writer.WriteNumberValue(x.Span.End);
            writer.WriteNumberValue(x.Sentence);
            rows.Number(x.Entity);
            rows.Text(x.Name);
            rows.Text(x.Country?.Value);
            rows.Text(x.Sector?.Value);
            rows.Text(x.OrgKind);
            rows.Text(x.Affiliation);
            rows.Text(x.Role);
            writer.WriteNumberValue(x.IsReference ? 1 : 0);
            rows.Text(x.Rule);
            Value(x.Time, StoreValueJson.Write);
            Value(x.Place, StoreValueJson.Write);
            Value(x.Quantity, StoreValueJson.Write);
            writer.WriteStringValue(x.Form.ToString());
            rows.Text(x.Evidence == MentionEvidence.None ? null : x.Evidence.ToString());
            writer.WriteEndArray();
        }

        return rows.End();
    }

    /// <summary>The mentions in a stored value; <paramref name="kind"/> reads a kind's stored name (and fails on one it does not know).</summary>
    public static List<Mention> Unpack(string json, Func<string, MentionKind> kind)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(kind);
        using var parsed = JsonDocument.Parse(json);
        var mentions = new List<Mention>(parsed.RootElement.GetArrayLength());
        foreach (var m in parsed.RootElement.EnumerateArray())
        {
            mentions.Add(new Mention
            {
                Kind = kind(m[0].GetString()!),
                Span = new TextSpan(m[1].GetInt32(), m[2].GetInt32()),
                Sentence = m[3].GetInt32(),
                Entity = m[4].ValueKind == JsonValueKind.Null ? null : m[4].GetInt32(),
                Name = Text(m[5]),
                Country = Text(m[6]) is { } country ? CountryCode.From(country) : null,
                Sector = Text(m[7]) is { } sector ? Sector.From(sector) : null,
                OrgKind = Text(m[8]),
                Affiliation = Text(m[9]),
                Role = Text(m[10]),
                IsReference = m[11].GetInt32() != 0,
                Rule = Text(m[12]),
                Time = m[13].ValueKind == JsonValueKind.Null ? null : m[13].Deserialize(StoreJson.Default.TimeInfo),
                Place = m[14].ValueKind == JsonValueKind.Null ? null : m[14].Deserialize(StoreJson.Default.PlaceInfo),
                Quantity = m[15].ValueKind == JsonValueKind.Null ? null : m[15].Deserialize(StoreJson.Default.QuantityInfo),
                Form = Enum.TryParse<MentionForm>(Text(m[16]), out var form) ? form : MentionForm.Name,
                Evidence = Enum.TryParse<MentionEvidence>(Text(m[17]), out var evidence) ? evidence : MentionEvidence.None,
            });
        }

        return mentions;
    }

    private void Value<T>(T? value, Action<Utf8JsonWriter, T> write)
        where T : class
    {
        if (value is null)
        {
            rows.Writer.WriteNullValue();
        }
        else
        {
            write(rows.Writer, value);
        }
    }

    private static string? Text(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetString();
}
