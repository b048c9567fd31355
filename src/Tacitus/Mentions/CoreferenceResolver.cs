using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Pipeline;

namespace Tacitus.Mentions;

/// <summary>
/// Clusters the actor mentions of a document into entities: people by name, with bare name parts ("Kim") joined to
/// the person they name; descriptions ("the North Korean leader") joined to the person of that country whose role
/// or sector fits, most recent first; sentence-initial subject pronouns ("He left ...", "His delegation ...")
/// joined to the previous sentence's first person. Organisations cluster by name, countries by country and sector.
/// Resolved descriptions and pronouns get <see cref="Mention.IsReference"/> and the entity's name, country, sector.
/// </summary>
internal sealed class CoreferenceResolver : IPipelineStage
{
    public string Name => "coref";

    public Annotations Requires => Annotations.Sentences | Annotations.Tokens | Annotations.Boilerplate | Annotations.Actors;

    public Annotations Assigns => Annotations.Entities;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        StageRequirements.Enter(this, document);
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var actorMentions = Enumerable.Range(0, document.Mentions.Count)
            .Where(i => document.Mentions[i].Kind is MentionKind.Person or MentionKind.Organization or MentionKind.Country && document.Mentions[i].Entity is null)
            .OrderBy(i => document.Mentions[i].Span.Start)
            .ToList();

        // 1. Named mentions make the entities.
        foreach (var i in actorMentions)
        {
            var m = document.Mentions[i];
            var key = KeyOf(m);
            if (key is not null && !IsNamePart(m) && !m.IsReference)
            {
                Join(document, keys, key, i, m);
            }
        }

        // 2. Name parts, descriptions.
        foreach (var i in actorMentions)
        {
            var m = document.Mentions[i];
            if (m.Entity is not null)
            {
                continue;
            }

            var part = IsNamePart(m);
            int? entity = part ? ByNamePart(document, m) : IsDescription(m) ? ByDescription(document, m) : null;
            if (entity is { } e)
            {
                if (part && m.Form != MentionForm.NamePart)
                {
                    m.Name = null; // a one-word name ("Kim") that turned out to be part of a full name
                }

                Attach(document, e, i, reference: !part);
            }
            else if (part && KeyOf(m) is { } key)
            {
                Join(document, keys, key, i, m); // a one-word name of someone not named in full
            }
        }

        // 3. Subject pronouns continuing the previous sentence's subject.
        ResolvePronouns(document);
    }

    private static string? KeyOf(Mention m) => m.Kind switch
    {
        MentionKind.Person when m.Name is not null => "P:" + m.Name.ToLowerInvariant(),
        MentionKind.Organization when m.Name is not null => "O:" + m.Name.ToLowerInvariant(),
        MentionKind.Country when m.Country is not null => $"C:{m.Country.Value.Value}:{m.Sector?.Value}",
        _ => null,
    };

    /// <summary>A bare name part, or a one-word name found by a name cue ("Kim said"), which may be part of a full name.</summary>
    private static bool IsNamePart(Mention m) =>
        m.Kind == MentionKind.Person && (m.Form == MentionForm.NamePart || (m.Evidence is not (MentionEvidence.None or MentionEvidence.Acronym) && m.Name is not null && !m.Name.Contains(' ', StringComparison.Ordinal)));

    private static bool IsDescription(Mention m) => m.Kind == MentionKind.Person && m.Name is null && m.Form == MentionForm.Description;

    private static void Join(Document document, Dictionary<string, int> keys, string key, int index, Mention m)
    {
        if (!keys.TryGetValue(key, out var id))
        {
            id = document.Entities.Count;
            keys[key] = id;
            document.Entities.Add(new Entity
            {
                Id = id,
                Name = m.Name ?? m.Country?.Value ?? "?",
                Kind = m.Kind,
                Country = m.Country,
                Sector = m.Sector,
            });
        }

        var entity = document.Entities[id];
        entity.Mentions.Add(index);
        entity.Country ??= m.Country;
        entity.Sector ??= m.Sector;
        m.Entity = id;
    }

    private static void Attach(Document document, int entityId, int index, bool reference)
    {
        var entity = document.Entities[entityId];
        var m = document.Mentions[index];
        entity.Mentions.Add(index);
        m.Entity = entityId;
        m.Name ??= entity.Name;
        m.Country ??= entity.Country;
        m.Sector ??= entity.Sector;
        m.IsReference = reference;
    }

    /// <summary>The person whose name has this word as first or last word: the nearest before, else the first after.</summary>
    private static int? ByNamePart(Document document, Mention part)
    {
        var word = document.Slice(part.Span);
        int? before = null, after = null;
        var beforeEnd = -1;
        foreach (var entity in document.Entities)
        {
            if (entity.Kind != MentionKind.Person || !HasNamePart(entity.Name, word))
            {
                continue;
            }

            foreach (var mi in entity.Mentions)
            {
                var m = document.Mentions[mi];
                if (m.Span.End <= part.Span.Start && m.Span.End > beforeEnd)
                {
                    beforeEnd = m.Span.End;
                    before = entity.Id;
                }
                else if (m.Span.Start > part.Span.Start && after is null)
                {
                    after = entity.Id;
                }
            }
        }

        return before ?? after;
    }

    private static bool HasNamePart(string name, ReadOnlySpan<char> word)
    {
        var parts = name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && (parts[0].AsSpan().Equals(word, StringComparison.OrdinalIgnoreCase) || parts[^1].AsSpan().Equals(word, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The person of the description's country with a matching role (or a head-of-government role for
    /// "leader"), nearest before the description; a person after it when none is before.</summary>
    private static int? ByDescription(Document document, Mention description)
    {
        int? best = null;
        var bestScore = int.MinValue;
        foreach (var entity in document.Entities)
        {
            if (entity.Kind != MentionKind.Person || (description.Country is not null && entity.Country != description.Country))
            {
                continue;
            }

            var roles = entity.Mentions.Select(i => document.Mentions[i].Role).Where(r => r is not null).ToList();
            var fits = roles.Any(x => x == description.Role || (description.Role is { } d && x!.EndsWith(" " + d, StringComparison.Ordinal)))
                || (description.Role is { } r && MentionWords.HeadRoles.Contains(r) && (roles.Any(x => MentionWords.HeadRoles.Contains(x!)) || (roles.Count == 0 && entity.Sector == Sector.Government)));
            if (!fits)
            {
                continue;
            }

            var lastBefore = entity.Mentions.Select(i => document.Mentions[i].Span.End).Where(e => e <= description.Span.Start).DefaultIfEmpty(-1).Max();
            var score = lastBefore >= 0 ? lastBefore : -1_000_000 - entity.Id;
            if (score > bestScore)
            {
                bestScore = score;
                best = entity.Id;
            }
        }

        return best;
    }

    private static void ResolvePronouns(Document document)
    {
        for (var s = 1; s < document.Sentences.Count; s++)
        {
            var sentence = document.Sentences[s];
            if (sentence.Boilerplate || sentence.TokenCount == 0)
            {
                continue;
            }

            var tokens = document.TokensOf(sentence);
            var t = 0;
            while (t < tokens.Length && tokens[t].Kind == TokenKind.Punctuation)
            {
                t++;
            }

            if (t >= tokens.Length)
            {
                continue;
            }

            var word = document.Slice(tokens[t].Span);
            var plural = word is "They" or "Their";
            if (!(word is "He" or "She" or "His" or "Her" || plural))
            {
                continue;
            }

            var previous = document.Sentences[s - 1];
            if (previous.Boilerplate)
            {
                continue;
            }

            var subject = document.Mentions
                .Select((m, i) => (m, i))
                .Where(x => x.m.Sentence == previous.Index && x.m.Entity is not null
                    && (plural ? x.m.Kind is MentionKind.Country or MentionKind.Organization : x.m.Kind == MentionKind.Person))
                .OrderBy(x => x.m.Span.Start)
                .Select(x => (int?)x.m.Entity)
                .FirstOrDefault();
            if (subject is null)
            {
                continue;
            }

            var entity = document.Entities[subject.Value];
            var pronoun = new Mention
            {
                Kind = entity.Kind,
                Span = tokens[t].Span,
                Sentence = sentence.Index,
                Rule = "pronoun:previous-subject",
            };
            document.Mentions.Add(pronoun);
            Attach(document, entity.Id, document.Mentions.Count - 1, reference: true);
        }
    }
}
