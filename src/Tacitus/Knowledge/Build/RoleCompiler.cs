using Tacitus.Documents;

namespace Tacitus.Knowledge.Build;

/// <summary>
/// roles.tsv: role nouns → PLOVER sectors. From the Phoenix agents dictionary (CAMEO agent codes read as PLOVER
/// sectors: MED → JRN, HLH → MED) and data/knowledge/roles.tsv, whose entries replace Phoenix's for the same phrase.
/// </summary>
internal sealed class RoleCompiler : IKnowledgeCompiler
{
    public string Name => "roles";

    public IReadOnlyList<string> Reads => [];

    public string Compile(string sourceDirectory, string dataDirectory, CancellationToken cancellationToken)
    {
        var errors = new List<TacitusError>();
        var roles = new SortedDictionary<string, (RoleInfo Role, string Phrase)>(StringComparer.Ordinal);
        foreach (var agent in PetrarchDictionaryReader.ReadAgents(Path.Combine(sourceDirectory, "phoenix", "Phoenix.agents.txt"), errors))
        {
            foreach (var (key, role) in UserDictionaryReader.AgentRoles(agent, $"agents:{agent.Line}"))
            {
                roles.TryAdd(key, (role, key));
            }
        }

        var hand = 0;
        foreach (var (line, f) in CompiledTableWriter.HandRows(dataDirectory, "roles.tsv"))
        {
            if (f.Length < 4 || !KnowledgeTableFormat.TryRoleType(f[2], out var type))
            {
                throw new InvalidDataException($"roles.tsv line {line}: expected phrase, sector, type, number[, noun]");
            }

            var sector = f[1].Length == 0 ? (Domain.Sector?)null : Domain.Sector.From(f[1]);
            var noun = f.Length > 4 && f[4].Length > 0 ? f[4] : f[0];
            roles[PhraseKey.Normalize(f[0])] = (new RoleInfo(noun, sector, type, f[3] == "p", $"roles:{line}"), f[0]);
            hand++;
        }

        var rows = roles.Values.Select(r => string.Join('\t', r.Phrase, r.Role.Sector?.Value ?? string.Empty, r.Role.Type.ToString().ToLowerInvariant(), r.Role.Plural ? "p" : "s", r.Role.Source, r.Role.Noun == r.Phrase ? string.Empty : r.Role.Noun));
        CompiledTableWriter.Write(dataDirectory, KnowledgeTableFormat.RolesFile, "# phrase\tsector\ttype\tnumber\tsource\tnoun (built by `tacitus knowledge build`; see data/NOTICE.md)", rows);
        return $"{roles.Count} role phrases ({hand} hand-kept) → data/compiled/{KnowledgeTableFormat.RolesFile}";
    }
}
