using System.Text.Json;
using Tacitus.Documents;
using Tacitus.Domain;

namespace Tacitus.Store;

/// <summary>
/// A document's entities as the store keeps them: one JSON value per document (<c>documents.entity_rows</c>), an
/// array with one array per entity in entity order, its items in the order the old <c>entities</c> table had its
/// columns after the index: id, name, kind, country, sector, mentions (an array of mention indexes). Nothing queries a
/// single entity, and one value per document costs a fraction of a row per entity to write.
/// </summary>
internal sealed class EntityRows
{
    private readonly JsonRowsWriter rows = new(4 * 1024);

    /// <summary>The entities as stored (UTF-8 in this writer's buffer, valid until the next call), or null when there are none.</summary>
    public Utf8Text? Pack(IReadOnlyList<Entity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        if (entities.Count == 0)
        {
            return null;
        }

        rows.Begin();
        var writer = rows.Writer;
        foreach (var e in entities)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(e.Id);
            writer.WriteStringValue(e.Name);
            writer.WriteStringValue(DocumentRowWriter.KindCode(e.Kind));
            rows.Text(e.Country?.Value);
            rows.Text(e.Sector?.Value);
            writer.WriteStartArray();
            foreach (var m in e.Mentions)
            {
                writer.WriteNumberValue(m);
            }

            writer.WriteEndArray();
            writer.WriteEndArray();
        }

        return rows.End();
    }

    /// <summary>The entities in a stored value, in the order stored; <paramref name="kind"/> reads a kind's stored name (and fails on one it does not know).</summary>
    public static void Unpack(string json, Func<string, MentionKind> kind, List<Entity> into)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(into);
        using var parsed = JsonDocument.Parse(json);
        foreach (var e in parsed.RootElement.EnumerateArray())
        {
            var entity = new Entity
            {
                Id = e[0].GetInt32(),
                Name = e[1].GetString()!,
                Kind = kind(e[2].GetString()!),
                Country = e[3].ValueKind == JsonValueKind.Null ? null : CountryCode.From(e[3].GetString()!),
                Sector = e[4].ValueKind == JsonValueKind.Null ? null : Sector.From(e[4].GetString()!),
            };
            foreach (var m in e[5].EnumerateArray())
            {
                entity.Mentions.Add(m.GetInt32());
            }

            into.Add(entity);
        }
    }
}
