using Tacitus.Knowledge;

namespace Tacitus.Mentions;

internal enum ChunkKind
{
    /// <summary>A dictionary actor (person, organisation, country).</summary>
    Actor,

    /// <summary>A nationality adjective ("North Korean").</summary>
    Adjective,

    /// <summary>A capital city ("Pyongyang").</summary>
    Capital,

    /// <summary>A role noun ("spokesman", "officials").</summary>
    Role,

    /// <summary>A run of capitalised words no table knows ("Naoko Aoki", "Foreign Ministry").</summary>
    Name,

    /// <summary>Anything else: one token.</summary>
    Other,
}

/// <summary>A token range [Start, End) of one sentence, with what the tables say about it.</summary>
internal sealed class Chunk
{
    public required ChunkKind Kind { get; init; }

    public required int Start { get; init; }

    public required int End { get; set; }

    public ActorEntry[] Entries { get; init; } = [];

    public CountryInfo[] Countries { get; init; } = [];

    public RoleInfo? Role { get; init; }

    /// <summary>Set once a rule has used the chunk.</summary>
    public bool Used { get; set; }

    public override string ToString() => $"{Kind}[{Start},{End})";
}

/// <summary>Splits a sentence's tokens into chunks by longest dictionary match, then runs of capitalised words.</summary>
internal static class Chunker
{
    public static List<Chunk> Chunk(TokenView view, KnowledgeBase kb, int start, int end)
    {
        var chunks = new List<Chunk>();
        var i = start;
        while (i < end)
        {
            var chunk = Match(view, kb, i, end);
            if (chunk is null)
            {
                if (view.IsNameLike(i) && !view.Has(i, WordClass.Honorific))
                {
                    var last = chunks.Count > 0 ? chunks[^1] : null;
                    if (last is { Kind: ChunkKind.Name } && last.End == i && !view.HasPossessive[i - 1])
                    {
                        last.End = i + 1;
                    }
                    else if (chunks.Count >= 2 && last is { Kind: ChunkKind.Other } && last.Start == i - 1 && view.Has(i - 1, WordClass.NameConnector) && !view.Capitalized[i - 1]
                        && chunks[^2] is { Kind: ChunkKind.Name } name && name.End == i - 1 && !view.HasPossessive[i - 2])
                    {
                        // "Bank of Korea", "Mohammed bin Salman": a lower-case connector inside a name.
                        chunks.RemoveAt(chunks.Count - 1);
                        name.End = i + 1;
                    }
                    else
                    {
                        chunks.Add(new Chunk { Kind = ChunkKind.Name, Start = i, End = i + 1 });
                    }
                }
                else
                {
                    chunks.Add(new Chunk { Kind = ChunkKind.Other, Start = i, End = i + 1 });
                }

                i++;
                continue;
            }

            chunks.Add(chunk);
            i = chunk.End;
        }

        JoinInitials(view, chunks);
        JoinOfPlaces(view, chunks);
        return chunks;
    }

    /// <summary>
    /// "Bank of Korea", "Housing Authority of New Orleans", "Court of the District of Columbia": a name ending in an
    /// organisation word takes "of" (and "the") and the country, capital or name after it.
    /// </summary>
    private static void JoinOfPlaces(TokenView view, List<Chunk> chunks)
    {
        for (var k = 0; k + 2 < chunks.Count; k++)
        {
            var name = chunks[k];
            if (name.Kind != ChunkKind.Name || !view.Has(name.End - 1, WordClass.OrgHead) || !view.Capitalized[name.End - 1] || view.HasPossessive[name.End - 1]
                || chunks[k + 1] is not { Kind: ChunkKind.Other } of || view.Keys[of.Start] != "of" || view.Capitalized[of.Start] || of.Start != name.End)
            {
                continue;
            }

            var target = k + 2;
            if (chunks[target] is { Kind: ChunkKind.Other } the && view.Keys[the.Start] == "the" && !view.Capitalized[the.Start] && target + 1 < chunks.Count)
            {
                target++;
            }

            var after = chunks[target];
            var place = after.Kind is ChunkKind.Capital or ChunkKind.Name
                || (after.Kind == ChunkKind.Actor && after.Entries[0].Kind == Documents.MentionKind.Country);
            if (place && after.Start == chunks[target - 1].End)
            {
                name.End = after.End;
                chunks.RemoveRange(k + 1, target - k);
            }
        }
    }

    /// <summary>"Michael J. McDermott", "R. E. Glenn": an initial's full stop does not break a name.</summary>
    private static void JoinInitials(TokenView view, List<Chunk> chunks)
    {
        for (var k = 0; k + 2 < chunks.Count; k++)
        {
            var name = chunks[k];
            var stop = chunks[k + 1];
            var next = chunks[k + 2];
            if (name.Kind == ChunkKind.Name && stop.Kind == ChunkKind.Other && view.IsPunct(stop.Start, '.') && next.Kind == ChunkKind.Name
                && view.Keys[name.End - 1].Length == 1 && name.End == stop.Start && stop.End == next.Start)
            {
                name.End = next.End;
                chunks.RemoveRange(k + 1, 2);
                k--;
            }
        }
    }

    private static Chunk? Match(TokenView view, KnowledgeBase kb, int i, int end)
    {
        var capital = view.Capitalized[i];
        var bestEnd = -1;
        Chunk? best = null;

        if (capital)
        {
            var aEnd = view.LongestMatch(kb.Countries.Adjectives, i, end, out var adjectives);
            if (aEnd > bestEnd)
            {
                bestEnd = aEnd;
                best = new Chunk { Kind = ChunkKind.Adjective, Start = i, End = aEnd, Countries = adjectives };
            }

            var eEnd = view.LongestMatch(kb.Actors.Index, i, end, out var entries);
            if (eEnd > bestEnd)
            {
                var usable = entries.Where(e => !e.CapitalsOnly || (AllCaps(view, i, eEnd) && !Shouted(view, i, eEnd, end))).ToArray();
                if (usable.Length > 0)
                {
                    bestEnd = eEnd;
                    best = new Chunk { Kind = ChunkKind.Actor, Start = i, End = eEnd, Entries = usable };
                }
            }

            var cEnd = view.LongestMatch(kb.Countries.Capitals, i, end, out var capitals);
            if (cEnd > bestEnd)
            {
                bestEnd = cEnd;
                best = new Chunk { Kind = ChunkKind.Capital, Start = i, End = cEnd, Countries = capitals };
            }
        }

        var rEnd = view.LongestMatch(kb.Roles.Index, i, end, out var roles);

        // "President Moon Jae-in": a title alias ("President Moon") must not hide the longer name after the title.
        if (best is { Kind: ChunkKind.Actor } && rEnd > i && rEnd < best.End && roles.Length > 0
            && view.LongestMatch(kb.Actors.Index, rEnd, end, out _) is var after && after > best.End)
        {
            return new Chunk { Kind = ChunkKind.Role, Start = i, End = rEnd, Role = roles[0] };
        }

        if (rEnd > bestEnd && roles.Length > 0)
        {
            // A capitalised role ending in an organisation word ("Foreign Ministry") is a name, not a role.
            // So is "Ministry of Foreign Affairs": an organisation word before "of".
            if (capital && ((view.Has(rEnd - 1, WordClass.OrgHead) && view.Capitalized[rEnd - 1])
                || (view.Has(i, WordClass.OrgHead) && i + 2 < rEnd && view.Keys[i + 1] == "of")))
            {
                return best;
            }

            // Only a hand-kept role or a role written in lower case: Phoenix's agent list has common words.
            bestEnd = rEnd;
            best = new Chunk { Kind = ChunkKind.Role, Start = i, End = rEnd, Role = roles[0] };
        }

        return best;
    }

    /// <summary>"WHO WANTS TO HELP": capitals next to other all-capital words are shouting, not an acronym.</summary>
    private static bool Shouted(TokenView view, int start, int end, int limit) =>
        (start > 0 && IsCapitalWord(view, start - 1)) || (end < limit && IsCapitalWord(view, end));

    private static bool IsCapitalWord(TokenView view, int i) => view.IsNameLike(i) && view.AllCaps[i] && view.Keys[i].Length >= 2;

    private static bool AllCaps(TokenView view, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (view.IsWord(i) && !view.AllCaps[i])
            {
                return false;
            }
        }

        return true;
    }
}
