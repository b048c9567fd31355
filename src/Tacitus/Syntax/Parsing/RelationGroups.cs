using Tacitus.Knowledge;

namespace Tacitus.Syntax.Parsing;

/// <summary>
/// The coarse groups of Universal Dependencies relations the parser's attaching transitions choose among (subject,
/// core, nominal, function words, punct, ...), read from the hand-kept table <c>data/models/parser-relation-groups.tsv</c>
/// (<c>relation TAB group</c>; a subtyped relation falls back to its base, <c>*</c> names the group of the rest). Only
/// training reads the table: a trained <see cref="DependencyParser"/> carries its relations' groups.
/// </summary>
internal sealed class RelationGroups
{
    /// <summary>The relation group table is malformed.</summary>
    public const string BadTable = "TAC623";

    public const string File = "parser-relation-groups.tsv";

    private const string Fallback = "*";

    private static readonly Lazy<RelationGroups> ShippedGroups = new(
        () => Read(DataFile.Embedded(DataFile.ResourceName("models", File))),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, string> groups;

    private RelationGroups(Dictionary<string, string> groups) => this.groups = groups;

    /// <summary>The table shipped in the assembly.</summary>
    public static RelationGroups Shipped => ShippedGroups.Value;

    /// <summary>
    /// The group of <paramref name="relation"/>: its own line, else its base's ("obl:tmod" → "obl"), else the
    /// <c>*</c> line's, else the relation itself. "root" is always the group "root".
    /// </summary>
    public string GroupOf(string relation)
    {
        ArgumentNullException.ThrowIfNull(relation);
        if (relation == DependencyParser.RootLabel)
        {
            return DependencyParser.RootLabel;
        }

        if (groups.TryGetValue(relation, out var group))
        {
            return group;
        }

        var colon = relation.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && groups.TryGetValue(relation[..colon], out group))
        {
            return group;
        }

        return groups.GetValueOrDefault(Fallback, relation);
    }

    public static RelationGroups Read(IEnumerable<DataLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.Fields.Length != 2 || line.Fields[0].Length == 0 || line.Fields[1].Length == 0)
            {
                throw new InvalidDataException(DataFile.Error(BadTable, "syntax", line, "expected a relation and its group").ToString());
            }

            if (line.Fields[0] == DependencyParser.RootLabel || line.Fields[1] == DependencyParser.RootLabel)
            {
                throw new InvalidDataException(DataFile.Error(BadTable, "syntax", line, "\"root\" is a group of its own and is not listed").ToString());
            }

            if (!groups.TryAdd(line.Fields[0], line.Fields[1]))
            {
                throw new InvalidDataException(DataFile.Error(BadTable, "syntax", line, $"relation '{line.Fields[0]}' is listed twice").ToString());
            }
        }

        return new RelationGroups(groups);
    }
}
