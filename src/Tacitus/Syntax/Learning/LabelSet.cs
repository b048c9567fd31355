namespace Tacitus.Syntax.Learning;

/// <summary>
/// The classes of a model, as strings and dense indices: labels are added in the order first seen (so training is
/// deterministic) and returned as the same interned instances, so a token layer holds no per-token copies.
/// </summary>
internal sealed class LabelSet
{
    private readonly List<string> labels = [];
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);

    public int Count => labels.Count;

    public string this[int i] => labels[i];

    public IReadOnlyList<string> All => labels;

    public int Add(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (index.TryGetValue(label, out var i))
        {
            return i;
        }

        label = string.Intern(label);
        labels.Add(label);
        index[label] = labels.Count - 1;
        return labels.Count - 1;
    }

    /// <summary>Index of <paramref name="label"/>, or -1.</summary>
    public int IndexOf(string label) => index.TryGetValue(label, out var i) ? i : -1;

    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(labels.Count);
        foreach (var label in labels)
        {
            writer.Write(label);
        }
    }

    public static LabelSet Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var count = reader.ReadInt32();
        if (count is < 0 or > 1_000_000)
        {
            throw new InvalidDataException($"bad label count {count}");
        }

        var set = new LabelSet();
        for (var i = 0; i < count; i++)
        {
            set.Add(reader.ReadString());
        }

        return set;
    }
}
