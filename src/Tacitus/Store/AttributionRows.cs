using System.Text.Json;
using Tacitus.Documents;

namespace Tacitus.Store;

/// <summary>
/// A document's attributions as the store keeps them: one JSON value per document (<c>documents.attribution_rows</c>),
/// an array with one array per attribution in attribution order, its items in the order the old <c>attributions</c>
/// table had its columns, less the three copied out of the source: source (an object), cue_start, cue_end,
/// content_start, content_end, via (an array of sources), anonymous, direct_quote, denial (0 or 1), evidence_start,
/// evidence_end, date (an object or null), rule. Objects are the bytes <see cref="StoreValueJson"/> writes. Only the
/// events query reads one attribution (an event's source, by its index: <see cref="Item"/>), and one value per
/// document costs a fraction of a row of 18 columns per attribution to write.
/// </summary>
internal sealed class AttributionRows
{
    /// <summary>The item of an attribution's source, its chain and whether it is anonymous, for <c>json_extract</c>.</summary>
    public const int SourceItem = 0, ViaItem = 5, AnonymousItem = 6;

    private readonly JsonRowsWriter rows = new(4 * 1024);

    /// <summary>The attributions as stored (UTF-8 in this writer's buffer, valid until the next call), or null when there are none.</summary>
    public Utf8Text? Pack(IReadOnlyList<Attribution> attributions)
    {
        ArgumentNullException.ThrowIfNull(attributions);
        if (attributions.Count == 0)
        {
            return null;
        }

        rows.Begin();
        var writer = rows.Writer;
        foreach (var a in attributions)
        {
            writer.WriteStartArray();
            StoreValueJson.Write(writer, a.Source);
            writer.WriteNumberValue(a.Cue.Start);
            writer.WriteNumberValue(a.Cue.End);
            writer.WriteNumberValue(a.Content.Start);
            writer.WriteNumberValue(a.Content.End);
            StoreValueJson.Write(writer, a.Via);
            writer.WriteNumberValue(a.Anonymous ? 1 : 0);
            writer.WriteNumberValue(a.DirectQuote ? 1 : 0);
            writer.WriteNumberValue(a.Denial ? 1 : 0);
            writer.WriteNumberValue(a.Evidence.Start);
            writer.WriteNumberValue(a.Evidence.End);
            if (a.Date is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                StoreValueJson.Write(writer, a.Date);
            }

            rows.Text(a.Rule);
            writer.WriteEndArray();
        }

        return rows.End();
    }

    /// <summary>The attributions in a stored value, in the order stored.</summary>
    /// <exception cref="JsonException">The value is not such an array.</exception>
    public static void Unpack(string json, List<Attribution> into)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(into);
        using var parsed = JsonDocument.Parse(json);
        foreach (var a in parsed.RootElement.EnumerateArray())
        {
            var attribution = new Attribution
            {
                Source = a[SourceItem].Deserialize(StoreJson.Default.SourceRef) ?? throw new JsonException("attribution without a source"),
                Cue = new TextSpan(a[1].GetInt32(), a[2].GetInt32()),
                Content = new TextSpan(a[3].GetInt32(), a[4].GetInt32()),
                Anonymous = a[AnonymousItem].GetInt32() != 0,
                DirectQuote = a[7].GetInt32() != 0,
                Denial = a[8].GetInt32() != 0,
                Evidence = new TextSpan(a[9].GetInt32(), a[10].GetInt32()),
                Date = a[11].ValueKind == JsonValueKind.Null ? null : a[11].Deserialize(StoreJson.Default.TimeInfo),
                Rule = a[12].ValueKind == JsonValueKind.Null ? null : a[12].GetString(),
            };
            attribution.Via.AddRange(a[ViaItem].Deserialize(StoreJson.Default.ListSourceRef) ?? []);
            into.Add(attribution);
        }
    }

    /// <summary>
    /// SQL for one item of the attribution an event names, from the document's value: <paramref name="document"/> and
    /// <paramref name="index"/> are the SQL of the value and of the event's attribution index (NULL gives NULL).
    /// </summary>
    public static string Item(string document, string index, int item) =>
        $"json_extract({document}, '$[' || {index} || '][{item.ToString(System.Globalization.CultureInfo.InvariantCulture)}]')";
}
