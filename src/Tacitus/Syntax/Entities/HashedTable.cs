namespace Tacitus.Syntax.Entities;

/// <summary>
/// How the entity model stores a table keyed by word hashes (the case profile, the word clusters): the count, then
/// each key and value ordered by key, so the same table gives the same bytes.
/// </summary>
internal static class HashedTable
{
    private const int MaxEntries = 10_000_000;

    public static void Write<T>(BinaryWriter writer, IReadOnlyDictionary<ulong, T> table, Action<BinaryWriter, T> writeValue)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(writeValue);
        writer.Write(table.Count);
        foreach (var (key, value) in table.OrderBy(p => p.Key))
        {
            writer.Write(key);
            writeValue(writer, value);
        }
    }

    /// <summary>Reads a table written by <see cref="Write"/>; <paramref name="what"/> names it in the error of a bad size.</summary>
    public static Dictionary<ulong, T> Read<T>(BinaryReader reader, Func<BinaryReader, T> readValue, string what)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(readValue);
        var count = reader.ReadInt32();
        if (count is < 0 or > MaxEntries)
        {
            throw new InvalidDataException($"bad {what} size {count}");
        }

        var table = new Dictionary<ulong, T>(count);
        for (var i = 0; i < count; i++)
        {
            table[reader.ReadUInt64()] = readValue(reader);
        }

        return table;
    }
}
