namespace Tacitus.Knowledge.Build;

/// <summary>Every knowledge compiler, in the order `tacitus knowledge build` runs them (each after what it reads).</summary>
internal static class KnowledgeCompilers
{
    public static IReadOnlyList<IKnowledgeCompiler> All { get; } =
    [
        // one line per compiler
        new PlaceTableCompiler(),
        new CountryCompiler(),
        new ActorCompiler(),
        new RoleCompiler(),
        new WordCompiler(),
        new PetrarchCompiler(),
    ];

    /// <summary>
    /// The compilers to run for the tables named (all when none is): each named one, the ones it reads (so it never
    /// reads a stale table left by an earlier build) and the ones that read it (so none is left stale behind it), in
    /// the order of <see cref="All"/>. Unknown names are returned in <paramref name="unknown"/>.
    /// </summary>
    public static IReadOnlyList<IKnowledgeCompiler> Plan(IReadOnlyCollection<string> names, out IReadOnlyList<string> unknown)
    {
        unknown = [.. names.Where(n => !All.Any(c => string.Equals(c.Name, n, StringComparison.OrdinalIgnoreCase)))];
        if (names.Count == 0)
        {
            return All;
        }

        var chosen = new HashSet<string>(All.Where(c => names.Contains(c.Name, StringComparer.OrdinalIgnoreCase)).Select(c => c.Name), StringComparer.Ordinal);
        bool grew;
        do
        {
            var before = chosen.Count;
            foreach (var c in All)
            {
                if (chosen.Contains(c.Name))
                {
                    chosen.UnionWith(c.Reads);
                }
                else if (c.Reads.Any(chosen.Contains))
                {
                    chosen.Add(c.Name);
                }
            }

            grew = chosen.Count > before;
        }
        while (grew);

        return [.. All.Where(c => chosen.Contains(c.Name))];
    }
}
