using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Knowledge;

namespace Tacitus.Mentions;

/// <summary>Reads the actor mentions of one sentence from its chunks. One instance per sentence; not shared.</summary>
internal sealed class SentenceReader
{
    private const int MaxAdjectiveGap = 3;
    private readonly Document document;
    private readonly TokenKeys view;
    private readonly KnowledgeBase kb;
    private readonly DateOnly? date;
    private readonly Sentence sentence;
    private readonly List<Chunk> chunks;
    private readonly List<int> added = [];

    public SentenceReader(Document document, TokenKeys view, KnowledgeBase kb, DateOnly? date, Sentence sentence, List<Chunk> chunks)
    {
        this.document = document;
        this.view = view;
        this.kb = kb;
        this.date = date;
        this.sentence = sentence;
        this.chunks = chunks;
    }

    /// <summary>Reads every chunk; returns the indexes of the mentions added to the document.</summary>
    public List<int> Read()
    {
        for (var k = 0; k < chunks.Count; k++)
        {
            var c = chunks[k];
            if (c.Used)
            {
                continue;
            }

            switch (c.Kind)
            {
                case ChunkKind.Adjective:
                    ReadAdjective(k);
                    break;
                case ChunkKind.Actor:
                    ReadActor(k);
                    break;
                case ChunkKind.Capital:
                    ReadCapital(k);
                    break;
                case ChunkKind.Role:
                    ReadRole(k);
                    break;
                case ChunkKind.Name:
                    ReadName(k, null, null, null);
                    break;
            }
        }

        return added;
    }

    private Chunk? At(int k) => k >= 0 && k < chunks.Count ? chunks[k] : null;

    private bool Adjacent(int k) => At(k) is { } a && At(k + 1) is { } b && a.End == b.Start;

    private string Text(int start, int end) => view.SpanOf(start, end).TextOf(document.Text);

    private bool IsPossessive(Chunk c) => view.HasPossessive[c.End - 1];

    private static bool HandRole(RoleInfo role) => !role.Source.StartsWith("agents:", StringComparison.Ordinal);

    // ---- nationality adjectives: "Chinese officials", "North Korean leader Kim", "Chinese Foreign Ministry" ----
    private void ReadAdjective(int k)
    {
        var c = chunks[k];
        var countries = new List<CountryInfo> { c.Countries[0] };
        var j = k + 1;

        // "South Korean and Japanese media": coordinated adjectives share the noun.
        while (At(j) is { Kind: ChunkKind.Other } conj && At(j + 1) is { Kind: ChunkKind.Adjective } next
            && (MentionWords.Joiners.Contains(view.Keys[conj.Start]) || view.IsPunct(conj.Start, ',')))
        {
            countries.Add(next.Countries[0]);
            next.Used = true;
            j += 2;
        }

        if (ReadModified(k, j, countries, c.Start, "adjective"))
        {
            c.Used = true;
            return;
        }

        // An adjective that is also a country's name ("the U.S.") names the country.
        var key = view.Keys[c.Start];
        if (c.End - c.Start == 1 && kb.Countries.Names.TryGet(key, out var named) && (view.AllCaps[c.Start] || !kb.Countries.Adjectives.TryGet(key, out _)))
        {
            AddCountry(c.Start, c.End, named[0], null, "country");
        }
    }

    /// <summary>What follows a country modifier (adjective, possessive country or capital) from chunk <paramref name="j"/>.
    /// Returns false when nothing did.</summary>
    private bool ReadModified(int k, int j, List<CountryInfo> countries, int modifierStart, string rule)
    {
        var country = countries[0];
        var next = At(j);
        if (next is null)
        {
            return false;
        }

        if (next.Kind == ChunkKind.Other && view.IsPunct(next.Start, '.') && document.Tokens[next.Start - 1].Span.Of(document.Text).Contains('.') && At(j + 1) is { } afterStop)
        {
            j++;
            next = afterStop;
        }

        var adjacent = chunks[j - 1].End == next.Start || (view.IsPunct(chunks[j - 1].Start, '.') && chunks[j - 1].End == next.Start);

        // "Chinese Foreign Ministry": a capitalised name ending in an organisation word.
        if (next.Kind == ChunkKind.Name && adjacent && OrgHeadOf(next) is { } orgKind)
        {
            next.Used = true;
            var org = AddOrganization(modifierStart, next.End, Text(modifierStart, next.End), country.Code, SectorOfOrgKind(orgKind), orgKind, $"{rule}+org-head");
            ReadAfterOrganization(j, org);
            return true;
        }

        if (next.Kind == ChunkKind.Actor && adjacent)
        {
            return false; // the actor reads its own modifiers
        }

        // Up to three lower-case words between: "Chinese traditional pharmaceutical company", "high-level Chinese officials".
        var gap = 0;
        while (next is { Kind: ChunkKind.Other } && gap < MaxAdjectiveGap && IsModifierWord(next.Start))
        {
            gap++;
            next = At(j + gap);
        }

        if (next is not { Kind: ChunkKind.Role })
        {
            return false;
        }

        var roleIndex = j + gap;
        var role = next;
        role.Used = true;

        // "defense ministry spokesman": role after role, the last one says who.
        while (At(roleIndex + 1) is { Kind: ChunkKind.Role } more && Adjacent(roleIndex))
        {
            more.Used = true;
            role = more;
            roleIndex++;
        }

        if (gap == 0 && At(roleIndex + 1) is { } name && Adjacent(roleIndex) && !role.Role!.Plural)
        {
            if (name.Kind == ChunkKind.Name && OrgHeadOf(name) is null)
            {
                ReadName(roleIndex + 1, role.Role, country, null);
                return true;
            }

            if (name.Kind == ChunkKind.Actor && name.Entries[0].Kind == MentionKind.Person)
            {
                return true; // the person entry reads the title and adjective itself
            }
        }

        AddRoleMention(role, modifierStart, countries, rule);
        return true;
    }

    private bool IsModifierWord(int i) =>
        view.IsWord(i) && !view.Capitalized[i] && !view.Has(i, WordClass.Function | WordClass.SpeechVerb | WordClass.ActorVerb | WordClass.PlacePreposition)
        && view.Keys[i].Length > 2;

    /// <summary>A role with no name after it: a group ("Chinese officials") or a description ("the North Korean leader").</summary>
    private void AddRoleMention(Chunk role, int modifierStart, List<CountryInfo>? countries, string rule)
    {
        var info = role.Role!;
        var before = modifierStart - 1;
        var determiner = before >= sentence.FirstToken ? view.Keys[before] : string.Empty;
        var singularPerson = !info.Plural && info.Type != RoleType.Group;
        if (countries is null && !HandRole(info))
        {
            return;
        }

        if (singularPerson)
        {
            if (MentionWords.IndefiniteArticles.Contains(determiner) || (countries is null && determiner != "the"))
            {
                return; // "a Chinese official", "president of ...": nobody in particular
            }

            var country = countries?[0];
            Add(MentionKind.Person, role.Start, role.End, null, country?.Code, info.Sector, countries is null ? "description:role" : $"description:{RuleOf(info)}",
                m => { m.Role = info.Noun; m.Form = MentionForm.Description; }, spanStart: modifierStart);
            return;
        }

        if (countries is null)
        {
            Add(MentionKind.Person, role.Start, role.End, null, null, info.Sector, $"group:{RuleOf(info)}", m => { m.Role = info.Noun; m.Form = MentionForm.Group; });
            return;
        }

        foreach (var country in countries)
        {
            Add(MentionKind.Country, role.Start, role.End, country.Name, country.Code, info.Sector ?? Sector.Government, $"{rule}+role:{RuleOf(info)}", m => { m.Role = info.Noun; m.Form = MentionForm.Description; }, spanStart: modifierStart);
            modifierStart = role.Start;
        }
    }

    private static string RuleOf(RoleInfo role) => $"{role.Noun}({role.Source})";

    // ---- dictionary actors ----
    private void ReadActor(int k)
    {
        var c = chunks[k];
        var entry = c.Entries[0];
        var spell = entry.Resolve(date);
        c.Used = true;
        switch (entry.Kind)
        {
            case MentionKind.Country:
            {
                var country = kb.Countries.TryGetByCode(spell.Country?.Value ?? string.Empty, out var info) ? info : null;

                // "United States Department of Energy": the country's name starts an organisation's name.
                if (country is not null && !IsPossessive(c) && At(k + 1) is { Kind: ChunkKind.Name } body && body.Start == c.End && OrgHeadOf(body) is not null
                    && ReadModified(k, k + 1, [country], c.Start, "country"))
                {
                    return;
                }

                AddCountry(c.Start, c.End, country, spell.Country, $"country:{entry.Source}");
                if (country is not null && (IsPossessive(c) || At(k + 1) is { Kind: ChunkKind.Role }))
                {
                    ReadModified(k, k + 1, [country], At(k + 1)?.Start ?? c.End, "country");
                }

                return;
            }

            case MentionKind.Organization:
            {
                // "the Iraqi Islamic Party": a nationality adjective right before a dictionary organisation whose name ends in an
                // organisation word belongs to its name; of another country than the entry's, it names another organisation.
                var start = c.Start;
                var country = spell.Country;
                if (At(k - 1) is { Kind: ChunkKind.Adjective, Used: false } adjective && adjective.End == c.Start && view.Has(c.End - 1, WordClass.OrgHead)
                    && view.Capitalized[c.End - 1] && !IsPossessive(adjective))
                {
                    adjective.Used = true;
                    var own = adjective.Countries[0].Code;
                    if (country is not null && country != own)
                    {
                        var kind = kb.Words.OrgKindOf(view.Keys[c.End - 1]) ?? "organization";
                        var other = AddOrganization(adjective.Start, c.End, Text(adjective.Start, c.End), own, SectorOfOrgKind(kind), kind, "adjective+org-head");
                        ReadAfterOrganization(k, other);
                        return;
                    }

                    start = adjective.Start;
                    country = own;
                }

                var org = Add(MentionKind.Organization, start, c.End, entry.Name, country, spell.Sector ?? SectorOfOrgKind(entry.OrgKind), $"dictionary:{entry.Source}", m => m.OrgKind = entry.OrgKind);
                ReadAfterOrganization(k, org);
                return;
            }

            default:
            {
                var (title, modifier, _) = TitleBefore(k);
                var nameStart = c.Start;

                // "Sheikh Ahmed Yassin": an honorific in the dictionary's name is no part of the name's span.
                if (c.End - c.Start >= 3 && view.Has(c.Start, WordClass.Honorific) && view.IsNameLike(c.Start + 1))
                {
                    nameStart = c.Start + 1;
                }

                var inner = view.LongestMatch(kb.Roles.Index, c.Start, c.End, out var innerRoles);
                if (inner > c.Start && inner < c.End && innerRoles.Length > 0)
                {
                    nameStart = inner; // "President Xi Jinping": the title is a role, the name is the mention
                    title ??= innerRoles[0];
                }

                var person = Add(MentionKind.Person, nameStart, c.End, entry.Name, spell.Country ?? modifier?.Code, spell.Sector ?? (spell.Country is null ? title?.Sector : null), $"dictionary:{entry.Source}",
                    m => m.Role = title?.Noun ?? spell.Role);
                ReadAfterPossessive(k, person);
                return;
            }
        }
    }

    /// <summary>The title role and country adjective just before chunk <paramref name="k"/> ("South Korean President").</summary>
    private (RoleInfo? Title, CountryInfo? Modifier, int Start) TitleBefore(int k)
    {
        RoleInfo? title = null;
        CountryInfo? modifier = null;
        var start = chunks[k].Start;
        var j = k - 1;
        if (At(j) is { Kind: ChunkKind.Role } role && role.End == chunks[k].Start && !role.Role!.Plural)
        {
            title = role.Role;
            role.Used = true;
            start = role.Start;
            j--;
            while (At(j) is { Kind: ChunkKind.Role } r2 && r2.End == start)
            {
                r2.Used = true;
                start = r2.Start;
                j--;
            }
        }

        if (At(j) is { Kind: ChunkKind.Adjective } adjective && adjective.End == start)
        {
            modifier = adjective.Countries[0];
            adjective.Used = true;
            start = adjective.Start;
        }
        else if (At(j) is { Kind: ChunkKind.Name or ChunkKind.Actor } && chunks[j].End == start && title is not null && chunks[j].Used)
        {
            // "Chinese Foreign Ministry spokesman Wang Wenbin": the organisation before the title was read already.
            var org = LastMentionEndingAt(chunks[j].End);
            if (org is not null)
            {
                modifier = org.Country is { } code && kb.Countries.TryGetByCode(code.Value, out var info) ? info : null;
            }
        }

        return (title, modifier, start);
    }

    private Mention? LastMentionEndingAt(int token)
    {
        var end = view.SpanOf(token - 1, token).End;
        for (var i = added.Count - 1; i >= 0; i--)
        {
            var m = document.Mentions[added[i]];
            if (m.Span.End == end)
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>"Xi's government", "Trump's administration": a group of the possessor's country.</summary>
    private void ReadAfterPossessive(int k, Mention owner)
    {
        if (!IsPossessive(chunks[k]) || owner.Country is null || !kb.Countries.TryGetByCode(owner.Country.Value.Value, out var country))
        {
            return;
        }

        if (At(k + 1) is { Kind: ChunkKind.Role } role && role.Role!.Type == RoleType.Group && HandRole(role.Role))
        {
            role.Used = true;
            Add(MentionKind.Country, role.Start, role.End, country.Name, country.Code, role.Role.Sector ?? Sector.Government, $"possessive+role:{RuleOf(role.Role)}", m => { m.Role = role.Role.Noun; m.Form = MentionForm.Description; });
        }
    }

    /// <summary>After an organisation: its own noun ("Kyodo news agency") and a titled member ("Ministry spokesman Wang Wenbin").</summary>
    private void ReadAfterOrganization(int k, Mention org)
    {
        var j = k + 1;
        if (At(j) is not { Kind: ChunkKind.Role } role || !Adjacent(k))
        {
            return;
        }

        role.Used = true;
        while (At(j + 1) is { Kind: ChunkKind.Role } more && Adjacent(j))
        {
            more.Used = true;
            role = more;
            j++;
        }

        if (At(j + 1) is { } name && Adjacent(j))
        {
            var country = org.Country is { } code && kb.Countries.TryGetByCode(code.Value, out var info) ? info : null;
            if (name.Kind == ChunkKind.Name && OrgHeadOf(name) is null)
            {
                var person = ReadName(j + 1, role.Role, country, org);
                if (person is not null && role.Role!.Type == RoleType.Member && org.Sector is not null)
                {
                    person.Sector = org.Sector;
                }
            }
            else if (name.Kind == ChunkKind.Actor && name.Entries[0].Kind == MentionKind.Person)
            {
                name.Used = true;
                var entry = name.Entries[0];
                var spell = entry.Resolve(date);
                var person = Add(MentionKind.Person, name.Start, name.End, entry.Name, spell.Country ?? org.Country, spell.Sector ?? org.Sector, $"dictionary:{entry.Source}",
                    m =>
                    {
                        m.Role = role.Role!.Noun;
                        m.Affiliation = org.Name;
                    });
                ReadAfterPossessive(j + 1, person);
            }
        }
    }

    // ---- capital cities: places, or governments acting ("Moscow rejected", "Pyongyang's nuclear ambitions") ----
    private void ReadCapital(int k)
    {
        var c = chunks[k];
        var country = c.Countries[0];

        // "Moscow State University", "at Georgetown University": a capital starting an organisation's name.
        if (!IsPossessive(c) && At(k + 1) is { Kind: ChunkKind.Name } body && body.Start == c.End && OrgHeadOf(body) is not null
            && ReadModified(k, k + 1, [country], c.Start, "capital"))
        {
            c.Used = true;
            return;
        }

        var before = c.Start - 1;
        var afterPreposition = before >= sentence.FirstToken && view.Has(before, WordClass.PlacePreposition);
        if (afterPreposition)
        {
            return;
        }

        if (At(k + 1) is { Kind: ChunkKind.Role } && Adjacent(k) && ReadModified(k, k + 1, [country], c.Start, "capital"))
        {
            c.Used = true;
            return;
        }

        var next = c.End < sentence.FirstToken + sentence.TokenCount ? c.End : -1;
        var acts = IsPossessive(c)
            || (next >= 0 && view.IsWord(next) && !view.Capitalized[next] && (view.Has(next, WordClass.ActorVerb | WordClass.SpeechVerb) || view.Keys[next].EndsWith("ed", StringComparison.Ordinal)));
        if (acts)
        {
            c.Used = true;
            Add(MentionKind.Country, c.Start, c.End, country.Name, country.Code, Sector.Government, "metonym", m => m.Role = "government");
        }
    }

    // ---- role nouns without a country before them ----
    private void ReadRole(int k)
    {
        var c = chunks[k];
        c.Used = true;
        var j = k;
        while (At(j + 1) is { Kind: ChunkKind.Role } more && Adjacent(j))
        {
            more.Used = true;
            c = more;
            j++;
        }

        if (At(j + 1) is { } name && Adjacent(j) && !c.Role!.Plural)
        {
            if (name.Kind == ChunkKind.Name)
            {
                if (OrgHeadOf(name) is { } orgKind && view.Capitalized[chunks[k].Start])
                {
                    // "General Motors": a capitalised role word starting an organisation's name.
                    name.Used = true;
                    AddOrganization(chunks[k].Start, name.End, Text(chunks[k].Start, name.End), null, SectorOfOrgKind(orgKind), orgKind, "org-head");
                    return;
                }

                // "Islamic Jihad", "Sunni Arab": a capitalised word of Phoenix's agent list (a religion, a community) before a name
                // starts that name; it is no person's title.
                if (OrgHeadOf(name) is null && view.Capitalized[c.Start] && !HandRole(c.Role))
                {
                    return;
                }

                if (OrgHeadOf(name) is null)
                {
                    ReadName(j + 1, c.Role, null, null);
                    return;
                }
            }

            if (name.Kind == ChunkKind.Actor && name.Entries[0].Kind == MentionKind.Person)
            {
                c.Used = false; // the person entry takes its title
                for (var r = k; r < j; r++)
                {
                    chunks[r].Used = false;
                }

                return;
            }
        }

        AddRoleMention(c, chunks[k].Start, null, "role");
    }

    // ---- unknown capitalised names ----
    private Mention? ReadName(int k, RoleInfo? title, CountryInfo? country, Mention? affiliation)
    {
        var c = chunks[k];
        c.Used = true;
        var length = c.End - c.Start;
        if (OrgHeadOf(c) is { } orgKind && (length >= 2 || LoneBody(c, orgKind)))
        {
            // "the West Bank": a place's name that ends in an organisation word is the place.
            if (PlaceSpan(c.Start, c.End))
            {
                return null;
            }

            var orgCountry = CountryOfAfter(c.End);
            return AddOrganization(c.Start, c.End, Text(c.Start, c.End), orgCountry?.Code, SectorOfOrgKind(orgKind), orgKind, length >= 2 ? "org-head" : "org-head:the");
        }

        if (title is null && CorporateSuffixEnd(c.End) > c.End)
        {
            return AddOrganization(c.Start, c.End, Text(c.Start, c.End), null, Sector.Business, "business", "org-suffix");
        }

        if (view.Has(c.End - 1, WordClass.PlaceHead) || view.Has(c.Start, WordClass.NotName))
        {
            return null;
        }

        if (length == 1 && title is null && Acronym(c.Start))
        {
            var acronym = AddOrganization(c.Start, c.End, Text(c.Start, c.End), null, null, "organization", "acronym");
            acronym.Evidence = MentionEvidence.Acronym;
            return acronym;
        }

        if (OrganisationCue(k, title) is { } orgCue && length <= 5)
        {
            var org = AddOrganization(c.Start, c.End, Text(c.Start, c.End), country?.Code, null, "organization", $"org-cue:{orgCue}");
            if (orgCue == "role-after")
            {
                ReadAfterOrganization(k, org);
            }

            return org;
        }

        var cue = title is not null ? MentionEvidence.Title
            : HonorificBefore(c.Start) ? MentionEvidence.Honorific
            : length >= 2 && AppositionAfter(c.End) ? MentionEvidence.Apposition
            : SpeechNear(c) && (length >= 2 || !view.AllCaps[c.Start]) ? MentionEvidence.Speech
            : length is >= 2 and <= 4 && view.Has(c.Start, WordClass.GivenName) ? MentionEvidence.GivenName
            : length == 1 && view.Has(c.Start, WordClass.GivenName) && LoneGivenName(c) ? MentionEvidence.GivenName
            : length == 1 && KnownSurname(c) ? MentionEvidence.KnownSurname
            : MentionEvidence.None;
        if (cue == MentionEvidence.None || length > 5)
        {
            return null;
        }

        // "in Florida", "Hayes Street Grill": a weak cue does not make a place a person.
        if (cue is not (MentionEvidence.Title or MentionEvidence.Honorific) && (IsPlace(c.Start, c.End) || HasPlaceHead(c.Start, c.End)))
        {
            return null;
        }

        var sector = title?.Type == RoleType.Member ? affiliation?.Sector ?? title.Sector : title?.Sector;
        return Add(MentionKind.Person, c.Start, c.End, Text(c.Start, c.End), country?.Code ?? affiliation?.Country, sector, "name:" + CueName(cue),
            m =>
            {
                m.Evidence = cue;
                m.Role = title?.Noun;
                m.Affiliation = affiliation?.Name;
            });
    }

    /// <summary>The explanation's word for a person-name cue ("name:known-surname").</summary>
    private static string CueName(MentionEvidence cue) => cue switch
    {
        MentionEvidence.Title => "title",
        MentionEvidence.Honorific => "honorific",
        MentionEvidence.Apposition => "apposition",
        MentionEvidence.Speech => "speech",
        MentionEvidence.GivenName => "given-name",
        MentionEvidence.KnownSurname => "known-surname",
        _ => cue.ToString(),
    };

    /// <summary>
    /// What makes an unknown name an organisation's, or null: a noun for a kind of organisation before it ("the imaging company
    /// Quellco", read as its title) or after it ("the ruling Fatah party"); a plural role or a member's title after it
    /// ("Baath officials", "Quellco spokesman"); an organisation it is listed with ("Google and Quellco"). Never a name that
    /// starts with a given name or is a place.
    /// </summary>
    private string? OrganisationCue(int k, RoleInfo? title)
    {
        var c = chunks[k];
        if (view.Has(c.Start, WordClass.GivenName) || IsPlace(c.Start, c.End) || PlaceSpan(c.Start, c.End))
        {
            return null;
        }

        if (title is not null)
        {
            return kb.Words.Is(PhraseKey.Normalize(title.Noun), WordClass.OrgNoun) ? "noun-before" : null;
        }

        var last = sentence.FirstToken + sentence.TokenCount;
        if (c.End < last && !view.HasPossessive[c.End - 1] && !view.Capitalized[c.End] && view.Has(c.End, WordClass.OrgNoun))
        {
            return "noun-after";
        }

        if (At(k + 1) is { Kind: ChunkKind.Role, Role: { } role } next && next.Start == c.End && !view.Capitalized[next.Start] && !view.HasPossessive[c.End - 1]
            && (role.Plural || role.Type == RoleType.Member) && HandRole(role))
        {
            return "role-after";
        }

        return CoordinatedWithOrganization(k) ? "listed" : null;
    }

    /// <summary>
    /// "Google and Quellco", "Quellco, Google": a name joined by "and", "or", a comma or a slash to an organisation found by its
    /// name (not an unknown acronym). The name has a word that is no common word written in lower case elsewhere in the
    /// document, and none that is never a name ("E-mail").
    /// </summary>
    private bool CoordinatedWithOrganization(int k)
    {
        bool Joiner(Chunk? j) => j is { Kind: ChunkKind.Other } && (MentionWords.Joiners.Contains(view.Keys[j.Start]) || view.IsPunct(j.Start, ',') || view.IsPunct(j.Start, '/') || view.IsPunct(j.Start, '&'));

        var c = chunks[k];
        var distinct = false;
        for (var i = c.Start; i < c.End; i++)
        {
            if (view.Has(i, WordClass.NotName))
            {
                return false;
            }

            distinct |= view.IsWord(i) && (!view.Has(i, WordClass.Common) || !view.SeenInLowerCase(view.Keys[i]));
        }

        if (!distinct)
        {
            return false;
        }

        if (Joiner(At(k - 1)) && At(k - 2) is { } before && LastMentionEndingAt(before.End) is { Kind: MentionKind.Organization, Evidence: not MentionEvidence.Acronym })
        {
            return true;
        }

        return Joiner(At(k + 1)) && At(k + 2) is { } after
            && ((after.Kind == ChunkKind.Actor && after.Entries[0].Kind == MentionKind.Organization) || (after.Kind == ChunkKind.Name && OrgHeadOf(after) is not null && after.End - after.Start >= 2));
    }

    /// <summary>
    /// True when the place recogniser found a place spanning exactly tokens [start, end) that reads as a place: a country or
    /// region ("Florida"), or any place after a place preposition ("in Sydney", "around Norman"; not "to", "and", "of",
    /// which also come before people).
    /// </summary>
    private bool IsPlace(int start, int end)
    {
        var span = view.SpanOf(start, end);
        var afterPreposition = start > sentence.FirstToken && view.Has(start - 1, WordClass.PlacePreposition) && view.Keys[start - 1] is not ("to" or "and" or "of");
        foreach (var m in document.Mentions)
        {
            if (m.Kind == MentionKind.Place && m.Span == span && (afterPreposition || m.Place?.FeatureType is "country" or "region"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "the Senate", "The Army": one capitalised word naming a state body (government, military, party) after "the", with no
    /// capitalised word or possessive after it ("the Senate Majority Leader").
    /// </summary>
    private bool LoneBody(Chunk c, string orgKind)
    {
        var i = c.Start;
        var last = sentence.FirstToken + sentence.TokenCount;
        return orgKind is "government" or "military" or "party" && i - 1 >= sentence.FirstToken && view.Keys[i - 1] == "the" && (!view.Capitalized[i - 1] || i - 1 == sentence.FirstToken)
            && !view.HasPossessive[i] && !view.AllCaps[i] && (c.End >= last || !view.Capitalized[c.End]) && !sentence.Headline;
    }

    /// <summary>True when the place recogniser found a place (not one inside a longer name) spanning exactly tokens [start, end).</summary>
    private bool PlaceSpan(int start, int end)
    {
        var span = view.SpanOf(start, end);
        foreach (var m in document.Mentions)
        {
            if (m.Kind == MentionKind.Place && m.Span == span && !MentionForms.IsInName(m))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasPlaceHead(int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (view.Has(i, WordClass.PlaceHead))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Rumsfeld, Wolfowitz and Feith staffed ...": a capitalised word that ends a person's name in the dictionary. First in a
    /// sentence only before "'s", a comma or a verb (a capitalised first word may be any word); never a word the tables know
    /// as something else (role, place word, month, organisation word).
    /// </summary>
    private bool KnownSurname(Chunk c)
    {
        var i = c.Start;
        var key = view.Keys[i];
        var last = sentence.FirstToken + sentence.TokenCount;
        if (view.AllCaps[i] || view.Has(i, WordClass.NotName | WordClass.OrgHead | WordClass.PlaceHead | WordClass.Honorific | WordClass.NameConnector)
            || !kb.Actors.IsSurname(key) || kb.Roles.Index.TryGet(key, out _) || IsPlace(i, i + 1)
            || (c.End < last && IsNumber(c.End)) || view.SeenInLowerCase(key) || sentence.Headline)
        {
            return false;
        }

        if (i > sentence.FirstToken)
        {
            return true;
        }

        return view.HasPossessive[i] || (c.End < last && (view.IsPunct(c.End, ',') || (view.IsWord(c.End) && !view.Capitalized[c.End] && view.Has(c.End, WordClass.SpeechVerb))));
    }

    /// <summary>A given name alone ("Thanks, Mike"): inside a sentence, or first and followed by a comma, a speech verb or "'s".</summary>
    private bool LoneGivenName(Chunk c)
    {
        if (view.AllCaps[c.Start] && view.Keys[c.Start].Length > 1)
        {
            return false;
        }

        if (c.Start > sentence.FirstToken)
        {
            return true;
        }

        var last = sentence.FirstToken + sentence.TokenCount;
        if (c.End >= last || view.HasPossessive[c.Start] || view.IsPunct(c.End, ',') || view.Has(c.End, WordClass.SpeechVerb))
        {
            return true;
        }

        // "Suzanne is pregnant", "Matt has confirmed": a verb after it, when the word is never written in lower case here ("Will is").
        return view.IsWord(c.End) && !view.Capitalized[c.End] && view.Has(c.End, WordClass.ActorVerb) && !view.SeenInLowerCase(view.Keys[c.Start]);
    }

    /// <summary>
    /// NASA, IUCN: an all-capital word of three to six letters in a sentence that is not all capitals. Not an acronym
    /// naming an organisation: a Roman numeral ("VII"), a common word written in capitals ("VERY", "LOVE"), a word shouted
    /// among other capitals ("CALL TODAY"), a thing someone has ("a DUI", "their RFP", "Google's IPO") or a unit next to a
    /// number ("ISO 6400", "4 DAYS").
    /// </summary>
    private bool Acronym(int i)
    {
        var key = view.Keys[i];
        if (!view.AllCaps[i] || key.Length is < 3 or > 6 || !key.All(char.IsAsciiLetter) || view.Has(i, WordClass.Function | WordClass.NotName | WordClass.GivenName | WordClass.Common)
            || key.All(c => "ivxlcdm".Contains(c, StringComparison.Ordinal)))
        {
            return false;
        }

        var first = sentence.FirstToken;
        var last = first + sentence.TokenCount;
        var possessed = (i - 1 >= first && view.HasPossessive[i - 1]) || (i - 2 >= first && view.Keys[i - 1].Length == 0 && view.HasPossessive[i - 2]);
        if (possessed || (i - 1 >= first && (ShoutedWord(i - 1) || IsNumber(i - 1) || MentionWords.CommonDeterminers.Contains(view.Keys[i - 1])))
            || (i + 1 < last && (ShoutedWord(i + 1) || IsNumber(i + 1))))
        {
            return false;
        }

        var lower = 0;
        for (var t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount; t++)
        {
            if (view.IsWord(t) && !view.AllCaps[t])
            {
                lower++;
            }
        }

        return lower >= 3;
    }

    private bool ShoutedWord(int i) => view.IsWord(i) && view.AllCaps[i] && view.Keys[i].Length >= 2 && document.Tokens[i].Kind == TokenKind.Word;

    private bool IsNumber(int i) => document.Tokens[i].Kind == TokenKind.Number;

    private bool HonorificBefore(int start)
    {
        var i = start - 1;
        if (i >= sentence.FirstToken && view.IsPunct(i, '.'))
        {
            i--;
        }

        return i >= sentence.FirstToken && view.Has(i, WordClass.Honorific) && view.Capitalized[i];
    }

    /// <summary>", a fellow at ...", ", the head of ...", ", 45, ...": an apposition describing a person.</summary>
    private bool AppositionAfter(int end)
    {
        var last = sentence.FirstToken + sentence.TokenCount;
        if (end + 1 >= last || !view.IsPunct(end, ','))
        {
            return false;
        }

        var next = view.Keys[end + 1];
        if (MentionWords.AppositionOpeners.Contains(next))
        {
            return end + 2 < last && view.IsWord(end + 2) && !view.Capitalized[end + 2];
        }

        return document.Tokens[end + 1].Kind == TokenKind.Number && end + 2 < last && view.IsPunct(end + 2, ',');
    }

    private bool SpeechNear(Chunk c)
    {
        var last = sentence.FirstToken + sentence.TokenCount;
        if (c.End < last && view.Has(c.End, WordClass.SpeechVerb) && !view.Capitalized[c.End])
        {
            return true;
        }

        return c.Start - 1 >= sentence.FirstToken && view.Has(c.Start - 1, WordClass.SpeechVerb) && MentionWords.SpeechBeforeName.Contains(view.Keys[c.Start - 1]);
    }

    /// <summary>"... of South Korea", "... in Washington": the country right after a name, if any.</summary>
    private CountryInfo? CountryOfAfter(int end)
    {
        var last = sentence.FirstToken + sentence.TokenCount;
        if (end + 1 >= last || view.Keys[end] is not ("of" or "in"))
        {
            return null;
        }

        var start = end + 1;
        if (view.Keys[start] == "the" && start + 1 < last)
        {
            start++;
        }

        if (view.LongestMatch(kb.Countries.Names, start, last, out var names) > 0)
        {
            return names[0];
        }

        return view.LongestMatch(kb.Countries.Capitals, start, last, out var capitals) > 0 ? capitals[0] : null;
    }

    /// <summary>The organisation kind of a name whose head is an organisation word: its last word ("Foreign Ministry") or the
    /// word before its first "of" ("Bank of Korea", "Ministry of Foreign Affairs"); null when it has none.</summary>
    private string? OrgHeadOf(Chunk c)
    {
        var head = c.End - 1;
        if (!view.Has(head, WordClass.OrgHead))
        {
            for (var i = c.Start + 1; i < c.End - 1; i++)
            {
                if (view.Keys[i] == "of" && !view.Capitalized[i])
                {
                    head = i - 1;
                    break;
                }
            }
        }

        return view.Capitalized[head] && view.Has(head, WordClass.OrgHead) && !(c.End - c.Start == 1 && view.Has(c.Start, WordClass.Function))
            ? kb.Words.OrgKindOf(view.Keys[head]) ?? "organization"
            : null;
    }

    /// <summary>
    /// The end of a company's legal form after a name ("Harbor Logistics, LLC", "Acme Corp., Ltd."): an optional comma, then up
    /// to two capitalised suffixes. Returns <paramref name="end"/> when none follows.
    /// </summary>
    private int CorporateSuffixEnd(int end)
    {
        var last = sentence.FirstToken + sentence.TokenCount;
        var result = end;
        var i = end;
        for (var n = 0; n < 2; n++)
        {
            if (i < last && view.IsPunct(i, ','))
            {
                i++;
            }

            if (i < last && view.IsWord(i) && view.Capitalized[i] && IsCorporateSuffix(view.Keys[i]))
            {
                result = ++i;
            }
            else
            {
                break;
            }
        }

        return result;
    }

    private static bool IsCorporateSuffix(string key) => MentionWords.CompanySuffixes.Contains(key);

    /// <summary>Extends an organisation's end over its legal form and marks the chunks it covers used.</summary>
    private int TakeCorporateSuffix(int end)
    {
        var suffixEnd = CorporateSuffixEnd(end);
        if (suffixEnd > end)
        {
            foreach (var c in chunks)
            {
                if (c.Start >= end && c.Start < suffixEnd)
                {
                    c.Used = true;
                }
            }
        }

        return suffixEnd;
    }

    private static Sector? SectorOfOrgKind(string? kind) => kind switch
    {
        "government" => Sector.Government,
        "military" => Sector.Military,
        "media" => Sector.From("JRN"),
        "party" => Sector.From("PTY"),
        "business" => Sector.Business,
        _ => null,
    };

    // ---- adding mentions ----
    private Mention AddOrganization(int start, int end, string name, CountryCode? country, Sector? sector, string kind, string rule) =>
        Add(MentionKind.Organization, start, end, name, country, sector, rule, m => m.OrgKind = kind);

    private void AddCountry(int start, int end, CountryInfo? country, CountryCode? code, string rule) =>
        Add(MentionKind.Country, start, end, country?.Name, country?.Code ?? code, null, rule, null);

    private Mention Add(MentionKind kind, int start, int end, string? name, CountryCode? country, Sector? sector, string rule, Action<Mention>? fill, int spanStart = -1)
    {
        if (kind == MentionKind.Organization)
        {
            end = TakeCorporateSuffix(end);
        }

        var mention = new Mention
        {
            Kind = kind,
            Span = view.SpanOf(spanStart >= 0 ? spanStart : start, end),
            Sentence = sentence.Index,
            Name = name,
            Country = country,
            Sector = sector,
            Rule = rule,
        };
        fill?.Invoke(mention);
        added.Add(document.Mentions.Count);
        document.Mentions.Add(mention);
        return mention;
    }
}
