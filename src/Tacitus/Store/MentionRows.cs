using System.Buffers;
using System.Text;
using System.Text.Json;
using Tacitus.Documents;
using Tacitus.Domain;

namespace Tacitus.Store;

/// <summary>
/// A document's mentions as the store keeps them: one BLOB per document (<c>documents.mention_rows</c>, migration 18),
/// the mentions one after another in mention order, each its fields in the order the old <c>mentions</c> table had its
/// columns: kind (its stored name), start, end, sentence, entity, name, country, sector, org_kind, affiliation, role,
/// is_reference, rule, time, place, quantity (each the JSON object <see cref="StoreValueJson"/> writes, the same as
/// before), form and evidence (their names). A number is a LEB128 varint of its zigzag form; a number that may be
/// missing is 0 when missing, else one more than that; a text is its UTF-8 length plus one (0 when missing), then its
/// bytes; is_reference is a byte. Nothing queries a single mention, and this is about two thirds of the bytes of the JSON array
/// it replaces (version 11–17) and written with no escaping or number formatting (issue 10: store cost).
/// </summary>
internal sealed class MentionRows
{
    private static readonly byte[][] KindNames = Names<MentionKind>(DocumentRowWriter.KindCode);
    private static readonly byte[][] FormNames = Names<MentionForm>(f => f.ToString());
    private static readonly byte[][] EvidenceNames = Names<MentionEvidence>(e => e.ToString());

    private readonly ArrayBufferWriter<byte> json = new(1024);
    private readonly Utf8JsonWriter jsonWriter;
    private byte[] buffer = new byte[8 * 1024];
    private int used;

    public MentionRows() => jsonWriter = new Utf8JsonWriter(json);

    /// <summary>The mentions as stored (in this writer's buffer, valid until the next call), or null when there are none.</summary>
    public ReadOnlyMemory<byte>? Pack(IReadOnlyList<Mention> mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        if (mentions.Count == 0)
        {
            return null;
        }

        used = 0;
        for (var i = 0; i < mentions.Count; i++)
        {
            var x = mentions[i];
            Name(KindNames, (int)x.Kind, x.Kind);
            Number(x.Span.Start);
            Number(x.Span.End);
            Number(x.Sentence);
            Optional(x.Entity);
            Text(x.Name);
            Text(x.Country?.Value);
            Text(x.Sector?.Value);
            Text(x.OrgKind);
            Text(x.Affiliation);
            Text(x.Role);
            Ensure(1);
            buffer[used++] = x.IsReference ? (byte)1 : (byte)0;
            Text(x.Rule);
            Value(x.Time, StoreValueJson.Write);
            Value(x.Place, StoreValueJson.Write);
            Value(x.Quantity, StoreValueJson.Write);
            Name(FormNames, (int)x.Form, x.Form);
            if (x.Evidence == MentionEvidence.None)
            {
                Text(null);
            }
            else
            {
                Name(EvidenceNames, (int)x.Evidence, x.Evidence);
            }
        }

        return buffer.AsMemory(0, used);
    }

    /// <summary>
    /// The mentions in a stored value; <paramref name="kind"/> reads a kind's stored name (and fails on one it does not know).
    /// A form or evidence name this program does not know reads as a name with no evidence, as the JSON form did.
    /// </summary>
    /// <exception cref="InvalidDataException">The value ends inside a mention or a length runs past its end.</exception>
    /// <exception cref="JsonException">A time, place or quantity is not such JSON.</exception>
    public static List<Mention> Unpack(ReadOnlySpan<byte> bytes, Func<string, MentionKind> kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var mentions = new List<Mention>();
        var at = 0;
        while (at < bytes.Length)
        {
            var kindName = ReadText(bytes, ref at) ?? throw new InvalidDataException("a mention without a kind");
            mentions.Add(new Mention
            {
                Kind = kind(kindName),
                Span = new TextSpan(ReadNumber(bytes, ref at), ReadNumber(bytes, ref at)),
                Sentence = ReadNumber(bytes, ref at),
                Entity = ReadOptional(bytes, ref at),
                Name = ReadText(bytes, ref at),
                Country = ReadText(bytes, ref at) is { } country ? CountryCode.From(country) : null,
                Sector = ReadText(bytes, ref at) is { } sector ? Sector.From(sector) : null,
                OrgKind = ReadText(bytes, ref at),
                Affiliation = ReadText(bytes, ref at),
                Role = ReadText(bytes, ref at),
                IsReference = ReadByte(bytes, ref at) != 0,
                Rule = ReadText(bytes, ref at),
                Time = ReadValue(bytes, ref at, StoreJson.Default.TimeInfo),
                Place = ReadValue(bytes, ref at, StoreJson.Default.PlaceInfo),
                Quantity = ReadValue(bytes, ref at, StoreJson.Default.QuantityInfo),
                Form = Enum.TryParse<MentionForm>(ReadText(bytes, ref at), out var form) ? form : MentionForm.Name,
                Evidence = Enum.TryParse<MentionEvidence>(ReadText(bytes, ref at), out var evidence) ? evidence : MentionEvidence.None,
            });
        }

        return mentions;
    }

    /// <summary>
    /// The mentions in the JSON form versions 11–17 stored (an array with one array per mention, in the same field
    /// order), for migration 18; <paramref name="kind"/> as in <see cref="Unpack(ReadOnlySpan{byte}, Func{string, MentionKind})"/>.
    /// </summary>
    public static List<Mention> UnpackJson(string json, Func<string, MentionKind> kind)
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
                Name = JsonText(m[5]),
                Country = JsonText(m[6]) is { } country ? CountryCode.From(country) : null,
                Sector = JsonText(m[7]) is { } sector ? Sector.From(sector) : null,
                OrgKind = JsonText(m[8]),
                Affiliation = JsonText(m[9]),
                Role = JsonText(m[10]),
                IsReference = m[11].GetInt32() != 0,
                Rule = JsonText(m[12]),
                Time = m[13].ValueKind == JsonValueKind.Null ? null : m[13].Deserialize(StoreJson.Default.TimeInfo),
                Place = m[14].ValueKind == JsonValueKind.Null ? null : m[14].Deserialize(StoreJson.Default.PlaceInfo),
                Quantity = m[15].ValueKind == JsonValueKind.Null ? null : m[15].Deserialize(StoreJson.Default.QuantityInfo),
                Form = Enum.TryParse<MentionForm>(JsonText(m[16]), out var form) ? form : MentionForm.Name,
                Evidence = Enum.TryParse<MentionEvidence>(JsonText(m[17]), out var evidence) ? evidence : MentionEvidence.None,
            });
        }

        return mentions;
    }

    private void Ensure(int more)
    {
        if (used + more > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(used + more, buffer.Length * 2));
        }
    }

    private void Varint(uint value)
    {
        Ensure(5);
        while (value >= 0x80)
        {
            buffer[used++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[used++] = (byte)value;
    }

    private void Number(int value) => Varint(Zigzag(value));

    private void Optional(int? value) => Varint(value is int v ? Zigzag(v) + 1 : 0);

    private void Text(string? value)
    {
        if (value is null)
        {
            Varint(0);
            return;
        }

        Ensure(5 + Encoding.UTF8.GetMaxByteCount(value.Length));
        // the length goes first: write the bytes after room for the longest prefix, then move them up if it is shorter
        var start = used + 5;
        var length = Encoding.UTF8.GetBytes(value, buffer.AsSpan(start));
        Varint((uint)length + 1);
        buffer.AsSpan(start, length).CopyTo(buffer.AsSpan(used));
        used += length;
    }

    private void Bytes(ReadOnlySpan<byte> value)
    {
        Varint((uint)value.Length + 1);
        Ensure(value.Length);
        value.CopyTo(buffer.AsSpan(used));
        used += value.Length;
    }

    /// <summary>An enum value by its stored name; a value with no name in the table (not a declared member) by its number as text.</summary>
    private void Name<T>(byte[][] names, int index, T value)
        where T : struct, Enum
    {
        if ((uint)index < (uint)names.Length && names[index].Length > 0)
        {
            Bytes(names[index]);
        }
        else
        {
            Text(value.ToString());
        }
    }

    private void Value<T>(T? value, Action<Utf8JsonWriter, T> write)
        where T : class
    {
        if (value is null)
        {
            Varint(0);
            return;
        }

        json.ResetWrittenCount();
        jsonWriter.Reset(json);
        write(jsonWriter, value);
        jsonWriter.Flush();
        Bytes(json.WrittenSpan);
    }

    private static uint Zigzag(int value) => (uint)((value << 1) ^ (value >> 31));

    private static uint ReadVarint(ReadOnlySpan<byte> bytes, ref int at)
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = ReadByte(bytes, ref at);
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("a number longer than five bytes");
    }

    private static byte ReadByte(ReadOnlySpan<byte> bytes, ref int at) =>
        at < bytes.Length ? bytes[at++] : throw new InvalidDataException("the value ends inside a mention");

    private static int Unzigzag(uint value) => (int)(value >> 1) ^ -(int)(value & 1);

    private static int ReadNumber(ReadOnlySpan<byte> bytes, ref int at) => Unzigzag(ReadVarint(bytes, ref at));

    private static int? ReadOptional(ReadOnlySpan<byte> bytes, ref int at) => ReadVarint(bytes, ref at) is var v and > 0 ? Unzigzag(v - 1) : null;

    /// <summary>The bytes of a text or value, or false when it is missing.</summary>
    private static bool ReadBytes(ReadOnlySpan<byte> bytes, ref int at, out ReadOnlySpan<byte> value)
    {
        var length = ReadVarint(bytes, ref at);
        if (length == 0)
        {
            value = default;
            return false;
        }

        if (length - 1 > (uint)(bytes.Length - at))
        {
            throw new InvalidDataException("a length past the end of the value");
        }

        value = bytes.Slice(at, (int)(length - 1));
        at += (int)(length - 1);
        return true;
    }

    private static string? ReadText(ReadOnlySpan<byte> bytes, ref int at) =>
        ReadBytes(bytes, ref at, out var value) ? Encoding.UTF8.GetString(value) : null;

    private static T? ReadValue<T>(ReadOnlySpan<byte> bytes, ref int at, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info)
        where T : class =>
        ReadBytes(bytes, ref at, out var value) ? JsonSerializer.Deserialize(value, info) : null;

    private static string? JsonText(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetString();

    /// <summary>Each declared value's stored name in UTF-8, indexed by its number (an empty array where no member has that number).</summary>
    private static byte[][] Names<T>(Func<T, string> name)
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var table = new byte[values.Max(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)) + 1][];
        Array.Fill(table, []);
        foreach (var v in values)
        {
            table[Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)] = Encoding.UTF8.GetBytes(name(v));
        }

        return table;
    }
}
