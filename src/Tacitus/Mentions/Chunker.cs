using Tacitus.Documents;
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

    /// <summary>A run of capitalised words no table knows ("Maria Lopez", "Foreign Ministry").</summary>
    Name,

    /// <summary>Anything else: one token.</summary>
    Other,
}

/// <summary>A token range [Start, End) of one sentence, with what the tables say about it.</summary>
internal sealed class Chunk
{
    public Chunk(ChunkKind kind, int start, int end, ActorEntry[]? entries = null, CountryInfo[]? countries = null, RoleInfo? role = null) =>
        Reset(kind, start, end, entries, countries, role);

    public ChunkKind Kind { get; private set; }

    public int Start { get; private set; }

    public int End { get; set; }

    public ActorEntry[] Entries { get; private set; } = [];

    public CountryInfo[] Countries { get; private set; } = [];

    public RoleInfo? Role { get; private set; }

    /// <summary>Set once a rule has used the chunk.</summary>
    public bool Used { get; set; }

    /// <summary>Makes this chunk a new one (<see cref="ChunkPool"/> hands chunks out again sentence after sentence).</summary>
    internal Chunk Reset(ChunkKind kind, int start, int end, ActorEntry[]? entries = null, CountryInfo[]? countries = null, RoleInfo? role = null)
    {
        Kind = kind;
        Start = start;
        End = end;
        Entries = entries ?? [];
        Countries = countries ?? [];
        Role = role;
        Used = false;
        return this;
    }

    public override string ToString() => $"{Kind}[{Start},{End})";
}

/// <summary>Splits a sentence's tokens into chunks by longest dictionary match, then runs of capitalised words; in a headline,
/// where a capital says nothing, only words the token layer reads as names (<see cref="NameLayer"/>).</summary>
internal static class Chunker
{
    /// <summary>
    /// The chunks of the sentence's tokens: the list and its chunks are the <paramref name="pool"/>'s, valid until the
    /// pool's next sentence.
    /// </summary>
    public static List<Chunk> Chunk(Document document, Sentence sentence, TokenKeys view, KnowledgeBase kb, ChunkPool pool)
    {
        var start = sentence.FirstToken;
        var end = sentence.FirstToken + sentence.TokenCount;
        var chunks = pool.Begin();
        var i = start;
        while (i < end)
        {
            var chunk = Match(view, kb, i, end, pool);
            if (chunk is null)
            {
                if (view.IsNameLike(i) && !view.Has(i, WordClass.Honorific) && (!sentence.Headline || NameLayer.ReadsAsName(document, i)))
                {
                    var last = chunks.Count > 0 ? chunks[^1] : null;
                    if (last is { Kind: ChunkKind.Name } && last.End == i && !view.HasPossessive[i - 1])
                    {
                        last.End = i + 1;
                    }
                    else if (chunks.Count >= 2 && last is { Kind: ChunkKind.Other } && last.Start == i - 1 && view.Has(i - 1, WordClass.NameConnector) && !view.Capitalized[i - 1]
                        && chunks[^2] is { Kind: ChunkKind.Name } name && name.End == i - 1 && !view.HasPossessive[i - 2] && !OpeningCommonWord(view, name, start))
                    {
                        // "Bank of Korea", "Mohammed bin Salman": a lower-case connector inside a name.
                        chunks.RemoveAt(chunks.Count - 1);
                        name.End = i + 1;
                    }
                    else
                    {
                        chunks.Add(pool.Take(ChunkKind.Name, i, i + 1));
                    }
                }
                else
                {
                    chunks.Add(pool.Take(ChunkKind.Other, i, i + 1));
                }

                i++;
                continue;
            }

            chunks.Add(chunk);
            i = chunk.End;
        }

        JoinInitials(view, chunks);
        JoinRoleSurnames(view, chunks);
        JoinRoleBeforeOrgHead(view, chunks, pool);
        JoinOfPlaces(view, chunks);
        JoinAndParts(view, chunks);
        return chunks;
    }

    /// <summary>
    /// "Bank of Korea", "Housing Authority of New Orleans", "Court of the District of Columbia", "Association of Muslim Scholars":
    /// a name ending in an organisation word takes "of" (and "the") and the capitalised words after it (names, places,
    /// countries, capitalised role words). "And" or "&amp;" joins a second part when every word of both parts is a common word
    /// written capitalised ("Department of Housing and Urban Development"), not a name ("Bank of England and Barclays").
    /// </summary>
    private static void JoinOfPlaces(TokenKeys view, List<Chunk> chunks)
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

            if (chunks[target].Start != chunks[target - 1].End || !OfPart(view, chunks, target))
            {
                continue;
            }

            var last = TakeOfParts(view, chunks, target);
            name.End = chunks[last].End;
            chunks.RemoveRange(k + 1, last - k);
        }
    }

    /// <summary>
    /// After a name whose head before "of" is an organisation word: the capitalised role or nationality words right after it
    /// ("Federation of Coastal Fishermen"), and a second part after "and" or "&amp;" when every word after "of" and after "and"
    /// is a common word written capitalised ("Department of Housing and Urban Development"), not a name ("Bank of England and
    /// Barclays").
    /// </summary>
    private static void JoinAndParts(TokenKeys view, List<Chunk> chunks)
    {
        for (var k = 0; k + 1 < chunks.Count; k++)
        {
            var name = chunks[k];
            if (name.Kind != ChunkKind.Name || view.HasPossessive[name.End - 1] || OfHead(view, name) is not { } of)
            {
                continue;
            }

            if (chunks[k + 1] is { Kind: ChunkKind.Role or ChunkKind.Adjective } && chunks[k + 1].Start == name.End && OfPart(view, chunks, k + 1))
            {
                var tail = TakeOfParts(view, chunks, k + 1);
                name.End = chunks[tail].End;
                chunks.RemoveRange(k + 1, tail - k);
            }

            if (k + 2 >= chunks.Count || view.HasPossessive[name.End - 1] || chunks[k + 1] is not { Kind: ChunkKind.Other } and
                || !(view.Keys[and.Start] == "and" || view.IsPunct(and.Start, '&')) || view.Capitalized[and.Start] || and.Start != name.End
                || chunks[k + 2].Start != and.End || !OfPart(view, chunks, k + 2))
            {
                continue;
            }

            var partStart = view.Keys[of + 1] == "the" ? of + 2 : of + 1;
            var last = TakeOfParts(view, chunks, k + 2);
            if (AllCommon(view, partStart, name.End) && AllCommon(view, chunks[k + 2].Start, chunks[last].End))
            {
                name.End = chunks[last].End;
                chunks.RemoveRange(k + 1, last - k);
            }
        }
    }

    /// <summary>The "of" token of a name whose word before it is a capitalised organisation word ("Bank of ..."), or null.</summary>
    private static int? OfHead(TokenKeys view, Chunk name)
    {
        for (var i = name.Start + 1; i < name.End - 1; i++)
        {
            if (view.Keys[i] == "of" && !view.Capitalized[i])
            {
                return view.Has(i - 1, WordClass.OrgHead) && view.Capitalized[i - 1] ? i : null;
            }
        }

        return null;
    }

    /// <summary>The last of the adjacent capitalised chunks from <paramref name="first"/> that continue a name after "of".</summary>
    private static int TakeOfParts(TokenKeys view, List<Chunk> chunks, int first)
    {
        var last = first;
        while (last + 1 < chunks.Count && chunks[last + 1].Start == chunks[last].End && !view.HasPossessive[chunks[last].End - 1] && OfPart(view, chunks, last + 1))
        {
            last++;
        }

        return last;
    }

    /// <summary>
    /// A chunk that can continue a name after "of": a country, capital, unknown name or dictionary actor, or a capitalised role or
    /// nationality word ("Muslim Scholars"), but not a title just before a person's name ("... of State Secretary Jane Roe").
    /// </summary>
    private static bool OfPart(TokenKeys view, List<Chunk> chunks, int k)
    {
        var c = chunks[k];
        switch (c.Kind)
        {
            case ChunkKind.Capital or ChunkKind.Name or ChunkKind.Actor:
                return true;
            case ChunkKind.Role or ChunkKind.Adjective:
                for (var i = c.Start; i < c.End; i++)
                {
                    if (view.IsWord(i) && !view.Capitalized[i])
                    {
                        return false;
                    }
                }

                return !(c.Kind == ChunkKind.Role && !c.Role!.Plural && k + 1 < chunks.Count && chunks[k + 1].Start == c.End
                    && chunks[k + 1].Kind is ChunkKind.Name or ChunkKind.Actor);
            default:
                return false;
        }
    }

    private static bool AllCommon(TokenKeys view, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (view.IsWord(i) && !view.Has(i, WordClass.Common))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"Shares of ...", "Members of ...": a common word capitalised only because it opens the sentence is no name's start.</summary>
    private static bool OpeningCommonWord(TokenKeys view, Chunk name, int sentenceStart) =>
        name.Start == sentenceStart && name.End - name.Start == 1 && view.Has(name.Start, WordClass.Common) && !view.Has(name.Start, WordClass.OrgHead | WordClass.PlaceHead);

    /// <summary>"Darin Fisher", "Ann Carver": after a given name, a capitalised word that Phoenix's agent list has as a role is
    /// a surname.</summary>
    private static void JoinRoleSurnames(TokenKeys view, List<Chunk> chunks)
    {
        for (var k = 1; k < chunks.Count; k++)
        {
            var role = chunks[k];
            var name = chunks[k - 1];
            if (role.Kind == ChunkKind.Role && role.End - role.Start == 1 && view.Capitalized[role.Start] && !view.AllCaps[role.Start]
                && role.Role!.Source.StartsWith("agents:", StringComparison.Ordinal) && name.Kind == ChunkKind.Name && name.End == role.Start
                && !view.HasPossessive[name.End - 1] && view.Has(name.Start, WordClass.GivenName) && !(k + 1 < chunks.Count && chunks[k + 1].Kind == ChunkKind.Name && chunks[k + 1].Start == role.End))
            {
                name.End = role.End;
                chunks.RemoveAt(k);
                k--;
            }
        }
    }

    /// <summary>"Opposition Group", "Veterans Association": a capitalised role word right before a name ending in an organisation
    /// word starts that name.</summary>
    private static void JoinRoleBeforeOrgHead(TokenKeys view, List<Chunk> chunks, ChunkPool pool)
    {
        for (var k = 1; k < chunks.Count; k++)
        {
            var name = chunks[k];
            var role = chunks[k - 1];
            if (name.Kind != ChunkKind.Name || role.Kind != ChunkKind.Role || role.End != name.Start || view.HasPossessive[role.End - 1]
                || !view.Has(name.End - 1, WordClass.OrgHead) || !view.Capitalized[name.End - 1])
            {
                continue;
            }

            var capitalised = true;
            for (var i = role.Start; i < role.End; i++)
            {
                capitalised &= !view.IsWord(i) || view.Capitalized[i];
            }

            if (capitalised)
            {
                chunks[k - 1] = pool.Take(ChunkKind.Name, role.Start, name.End);
                chunks.RemoveAt(k);
                k--;
            }
        }
    }

    /// <summary>"Michael J. McDermott", "R. E. Glenn": an initial's full stop does not break a name.</summary>
    private static void JoinInitials(TokenKeys view, List<Chunk> chunks)
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

    private static Chunk? Match(TokenKeys view, KnowledgeBase kb, int i, int end, ChunkPool pool)
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
                best = pool.Take(ChunkKind.Adjective, i, aEnd, countries: adjectives);
            }

            var eEnd = view.LongestMatch(kb.Actors.Index, i, end, out var entries);
            if (eEnd > bestEnd)
            {
                var usable = Usable(entries, view, i, eEnd, end);
                if (usable.Length > 0)
                {
                    bestEnd = eEnd;
                    best = pool.Take(ChunkKind.Actor, i, eEnd, entries: usable);
                }
            }

            var cEnd = view.LongestMatch(kb.Countries.Capitals, i, end, out var capitals);
            if (cEnd > bestEnd)
            {
                bestEnd = cEnd;
                best = pool.Take(ChunkKind.Capital, i, cEnd, countries: capitals);
            }
        }

        var rEnd = view.LongestMatch(kb.Roles.Index, i, end, out var roles);

        // "President Moon Jae-in": a title alias ("President Moon") must not hide the longer name after the title.
        if (best is { Kind: ChunkKind.Actor } && rEnd > i && rEnd < best.End && roles.Length > 0
            && view.LongestMatch(kb.Actors.Index, rEnd, end, out _) is var after && after > best.End)
        {
            return pool.Take(ChunkKind.Role, i, rEnd, role: roles[0]);
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
            best = pool.Take(ChunkKind.Role, i, rEnd, role: roles[0]);
        }

        return best;
    }

    /// <summary>
    /// The entries a match may name: those written in capitals only ("US") when the match is, and not shouted. A loop, not a
    /// lambda: <see cref="Match"/> runs on every token, and a lambda over its parameters would allocate on each call.
    /// </summary>
    private static ActorEntry[] Usable(ActorEntry[] entries, TokenKeys view, int start, int end, int limit)
    {
        var capitalsOnly = 0;
        foreach (var entry in entries)
        {
            capitalsOnly += entry.CapitalsOnly ? 1 : 0;
        }

        if (capitalsOnly == 0 || (AllCaps(view, start, end) && !Shouted(view, start, end, limit)))
        {
            return entries; // all usable: the usual case, no copy
        }

        var usable = new ActorEntry[entries.Length - capitalsOnly];
        var n = 0;
        foreach (var entry in entries)
        {
            if (!entry.CapitalsOnly)
            {
                usable[n++] = entry;
            }
        }

        return usable;
    }

    /// <summary>"WHO WANTS TO HELP": capitals next to other all-capital words are shouting, not an acronym.</summary>
    private static bool Shouted(TokenKeys view, int start, int end, int limit) =>
        (start > 0 && IsCapitalWord(view, start - 1)) || (end < limit && IsCapitalWord(view, end));

    private static bool IsCapitalWord(TokenKeys view, int i) => view.IsNameLike(i) && view.AllCaps[i] && view.Keys[i].Length >= 2;

    private static bool AllCaps(TokenKeys view, int start, int end)
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
