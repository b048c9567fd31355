using Tacitus.Documents;
using Tacitus.Syntax.Learning;

namespace Tacitus.Syntax.Entities;

/// <summary>
/// The recogniser's classes: <c>O</c>, then <c>B-</c>, <c>I-</c>, <c>L-</c> and <c>U-</c> (begin, inside, last, unit)
/// of each entity type. Types are the training data's: PER, ORG, LOC and OTH (any other name, nationality adjectives
/// among them). The order is fixed, so class numbers mean the same in every model.
/// </summary>
internal static class BilouTags
{
    public const int Outside = 0;

    public static readonly IReadOnlyList<string> Types = ["PER", "ORG", "LOC", "OTH"];

    private const string Positions = "BILU";

    public static int Count => 1 + (Types.Count * 4);

    public static LabelSet Labels()
    {
        var labels = new LabelSet();
        labels.Add("O");
        foreach (var type in Types)
        {
            foreach (var p in Positions)
            {
                labels.Add($"{p}-{type}");
            }
        }

        return labels;
    }

    /// <summary>The type index of an entity type name, or -1.</summary>
    public static int TypeOf(string type)
    {
        for (var i = 0; i < Types.Count; i++)
        {
            if (string.Equals(Types[i], type, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public static int Tag(int type, char position) => 1 + (type * 4) + Positions.IndexOf(position, StringComparison.Ordinal);

    /// <summary>The type index of a class (-1 for O).</summary>
    public static int TypeOfTag(int tag) => tag == Outside ? -1 : (tag - 1) / 4;

    /// <summary>B, I, L or U; 'O' for outside.</summary>
    public static char PositionOf(int tag) => tag == Outside ? 'O' : Positions[(tag - 1) % 4];

    /// <summary>
    /// Which classes may follow <paramref name="previous"/> (-1 at the start of a sentence): inside a name only
    /// its own I or L, outside it O, B or U; at the last token of a sentence no B or I.
    /// </summary>
    public static void Allowed(int previous, bool last, Span<bool> allowed) => AllowedAfter(previous, last).CopyTo(allowed);

    /// <summary>The classes that may follow <paramref name="previous"/> (see <see cref="Allowed"/>), from a table made once.</summary>
    public static ReadOnlySpan<bool> AllowedAfter(int previous, bool last) => AllowedTable.AsSpan((((previous + 1) * 2) + (last ? 1 : 0)) * Count, Count);

    private static readonly bool[] AllowedTable = MakeAllowedTable();

    private static bool[] MakeAllowedTable()
    {
        var table = new bool[(Count + 1) * 2 * Count];
        for (var previous = -1; previous < Count; previous++)
        {
            for (var last = 0; last < 2; last++)
            {
                Fill(previous, last == 1, table.AsSpan((((previous + 1) * 2) + last) * Count, Count));
            }
        }

        return table;
    }

    private static void Fill(int previous, bool last, Span<bool> allowed)
    {
        var open = previous > 0 && PositionOf(previous) is 'B' or 'I';
        var type = TypeOfTag(previous);
        allowed[Outside] = !open;
        for (var tag = 1; tag < Count; tag++)
        {
            var p = PositionOf(tag);
            allowed[tag] = open
                ? TypeOfTag(tag) == type && (p == 'L' || (p == 'I' && !last))
                : p == 'U' || (p == 'B' && !last);
        }
    }

    /// <summary>The name kind of an entity type index.</summary>
    public static NameKind KindOf(int type) => type switch
    {
        0 => NameKind.Person,
        1 => NameKind.Organisation,
        2 => NameKind.Place,
        _ => NameKind.Other,
    };

    /// <summary>Writes the BILOU classes of <paramref name="names"/> (token ranges and type indices) into <paramref name="tags"/>.</summary>
    public static void Encode(IEnumerable<(int First, int Count, int Type)> names, Span<int> tags)
    {
        tags.Clear(); // every class O (0)
        foreach (var (first, count, type) in names)
        {
            if (count == 1)
            {
                tags[first] = Tag(type, 'U');
                continue;
            }

            tags[first] = Tag(type, 'B');
            for (var k = first + 1; k < first + count - 1; k++)
            {
                tags[k] = Tag(type, 'I');
            }

            tags[first + count - 1] = Tag(type, 'L');
        }
    }
}
