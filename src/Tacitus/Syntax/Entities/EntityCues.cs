using System.Globalization;
using Tacitus.Documents;
using Tacitus.Knowledge;
using Tacitus.Mentions;
using Tacitus.Syntax.Learning;

namespace Tacitus.Syntax.Entities;

/// <summary>What a word tells of an organisation name next to it or around it (<see cref="EntityCues"/>).</summary>
[Flags]
internal enum EntityCue : byte
{
    None = 0,

    /// <summary>Ends organisation names more often than other names ("Inc", "Bancorp", "Brigades").</summary>
    OrgEnd = 1 << 0,

    /// <summary>Ends organisation names and (nearly) never another name.</summary>
    OrgEndOnly = 1 << 1,

    /// <summary>Starts organisation names more often than other names ("University", "Bank").</summary>
    OrgStart = 1 << 2,

    /// <summary>Stands right before organisation names more often than before other names ("joined", "shares").</summary>
    OrgBefore = 1 << 3,

    /// <summary>Stands right after organisation names more often than after other names ("spokesman", "shares").</summary>
    OrgAfter = 1 << 4,
}

/// <summary>
/// Organisation cue words, counted when the recogniser is trained (Ratinov and Roth 2009's "design challenges": name
/// heads and contexts as features, not rules): the last and first words of the organisation names of the actor
/// dictionary (Phoenix and the hand-kept organisations) and of the training names, against the same positions of the
/// training's person, place and other names, the actor dictionary's people and the countries; and the words right
/// before and after training names of each type; function words ("the", "of") are left out. Per lower-case word with its full stops dropped (hashed as
/// <see cref="FeatureKey.AddLower"/> hashes it) it keeps its <see cref="EntityCue"/> bits. Stored in the model (so the
/// model reads the cues it was trained with); <see cref="WriteText"/> writes the words for reading. Read-only once built.
/// </summary>
internal sealed class EntityCues
{
    /// <summary>The table's file beside the model (for reading; the model holds its own copy).</summary>
    public const string FileName = "entity-cues.tsv";

    /// <summary>An organisation head or start needs this many organisation names (instances) behind it.</summary>
    private const int MinNames = 3;

    /// <summary>A context word needs this many organisation names beside it.</summary>
    private const int MinContexts = 5;

    private readonly Dictionary<ulong, byte> cues;

    private EntityCues(Dictionary<ulong, byte> cues, IReadOnlyList<(string Word, EntityCue Cue, string Counts)> words)
    {
        this.cues = cues;
        Words = words;
    }

    public int Count => cues.Count;

    /// <summary>The words and their counts, when the table was counted here (empty when read from a model).</summary>
    public IReadOnlyList<(string Word, EntityCue Cue, string Counts)> Words { get; }

    /// <summary>The cues of a token's word (its lower case with trailing full stops dropped); none when unknown.</summary>
    public EntityCue CueOf(ReadOnlySpan<char> word)
    {
        var trimmed = word.TrimEnd('.');
        return trimmed.Length == 0 || !char.IsLetterOrDigit(trimmed[0]) ? EntityCue.None
            : cues.TryGetValue(FeatureKey.AddLower(0, trimmed), out var c) ? (EntityCue)c : EntityCue.None;
    }

    /// <summary>Counts the cues over training sentences (their tokens and gold classes) and the knowledge tables.</summary>
    public static EntityCues FromNames(IEnumerable<(string Text, Token[] Tokens, int[] Gold)> sentences, KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(knowledge);
        var org = BilouTags.TypeOf("ORG");
        var ends = new Dictionary<string, (int Org, int Other)>(StringComparer.Ordinal);
        var starts = new Dictionary<string, (int Org, int Other)>(StringComparer.Ordinal);
        var before = new Dictionary<string, (int Org, int Other)>(StringComparer.Ordinal);
        var after = new Dictionary<string, (int Org, int Other)>(StringComparer.Ordinal);
        foreach (var (text, tokens, gold) in sentences)
        {
            foreach (var (first, count, type) in EntityModel.Spans(gold))
            {
                var isOrg = type == org;
                Tally(ends, Word(text, tokens[first + count - 1]), isOrg);
                if (count > 1)
                {
                    Tally(starts, Word(text, tokens[first]), isOrg);
                }

                if (first > 0)
                {
                    Tally(before, Word(text, tokens[first - 1]), isOrg);
                }

                if (first + count < tokens.Length)
                {
                    Tally(after, Word(text, tokens[first + count]), isOrg);
                }
            }
        }

        foreach (var (key, entries) in knowledge.Actors.Index.Entries())
        {
            var kind = entries.Any(e => e.Kind == MentionKind.Organization) ? 1 : entries.Any(e => e.Kind is MentionKind.Person or MentionKind.Country) ? 0 : -1;
            if (kind >= 0)
            {
                Phrase(key, kind == 1, ends, starts);
            }
        }

        foreach (var country in knowledge.Countries.All)
        {
            Phrase(PhraseKey.Normalize(country.Name), false, ends, starts);
        }

        var found = new Dictionary<string, (EntityCue Cue, List<string> Counts)>(StringComparer.Ordinal);
        Choose(found, ends, MinNames, EntityCue.OrgEnd, "end", strict: EntityCue.OrgEndOnly);
        Choose(found, starts, MinNames, EntityCue.OrgStart, "start");
        Choose(found, before, MinContexts, EntityCue.OrgBefore, "before");
        Choose(found, after, MinContexts, EntityCue.OrgAfter, "after");
        var cues = new Dictionary<ulong, byte>();
        var words = new List<(string, EntityCue, string)>();
        foreach (var (word, (cue, counts)) in found.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (knowledge.Words.Is(word, WordClass.Function))
            {
                continue; // "the", "of": a connector inside names, not a cue
            }

            cues[FeatureKey.AddLower(0, word)] = (byte)cue;
            words.Add((word, cue, string.Join(' ', counts)));
        }

        return new EntityCues(cues, words);
    }

    /// <summary>Writes the words with their cues and counts, one a line, sorted (the same counts give the same bytes).</summary>
    public void WriteText(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("# word\tcues\tcounts (organisation / other names) — counted by `tacitus train entities` (EntityCues); sources and licences in data/NOTICE.md\n");
        foreach (var (word, cue, counts) in Words)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{word}\t{cue}\t{counts}\n"));
        }
    }

    /// <summary>Writes the cues ordered by key.</summary>
    public void Write(BinaryWriter writer) => HashedTable.Write(writer, cues, (w, v) => w.Write(v));

    public static EntityCues Read(BinaryReader reader) => new(HashedTable.Read(reader, r => r.ReadByte(), "entity cues"), []);

    /// <summary>Keeps the words of <paramref name="counts"/> with enough organisation names and more of them than of other names.</summary>
    private static void Choose(Dictionary<string, (EntityCue Cue, List<string> Counts)> found, Dictionary<string, (int Org, int Other)> counts, int minimum, EntityCue cue, string label, EntityCue strict = EntityCue.None)
    {
        foreach (var (word, (orgs, others)) in counts)
        {
            if (orgs < minimum || orgs <= others)
            {
                continue;
            }

            var chosen = cue | (strict != EntityCue.None && others * 20 <= orgs ? strict : EntityCue.None);
            ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(found, word, out _);
            entry.Counts ??= [];
            entry.Cue |= chosen;
            entry.Counts.Add(string.Create(CultureInfo.InvariantCulture, $"{label} {orgs}/{others}"));
        }
    }

    /// <summary>Tallies the first and last words of a normalised phrase (words split by spaces).</summary>
    private static void Phrase(string key, bool isOrg, Dictionary<string, (int Org, int Other)> ends, Dictionary<string, (int Org, int Other)> starts)
    {
        var space = key.LastIndexOf(' ');
        Tally(ends, space < 0 ? key : key[(space + 1)..], isOrg);
        if (space > 0)
        {
            Tally(starts, key[..key.IndexOf(' ', StringComparison.Ordinal)], isOrg);
        }
    }

    private static void Tally(Dictionary<string, (int Org, int Other)> counts, string? word, bool isOrg)
    {
        if (string.IsNullOrEmpty(word) || !char.IsLetter(word[0]))
        {
            return;
        }

        ref var c = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, word, out _);
        c = isOrg ? (c.Org + 1, c.Other) : (c.Org, c.Other + 1);
    }

    /// <summary>A token's word in lower case with trailing full stops dropped, or null when empty.</summary>
    private static string? Word(string text, Token token)
    {
        var word = token.Span.Of(text).TrimEnd('.');
        return word.Length == 0 ? null : word.ToString().ToLowerInvariant();
    }
}
