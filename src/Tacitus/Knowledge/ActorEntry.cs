using Tacitus.Documents;
using Tacitus.Domain;

namespace Tacitus.Knowledge;

/// <summary>One dated spell of an actor: who they acted for, in which sector and role, from when to when (inclusive).</summary>
public readonly record struct ActorSpell(CountryCode? Country, Sector? Sector, DateOnly From, DateOnly To, string? Role)
{
    public bool Covers(DateOnly date) => date >= From && date <= To;
}

/// <summary>
/// A named actor the knowledge knows: a person, an organisation or a country, with its spells. Undated facts are one
/// spell over all time. <see cref="Source"/> names the table and entry it came from (for explanations).
/// </summary>
public sealed class ActorEntry
{
    public required string Name { get; init; }

    public required MentionKind Kind { get; init; }

    /// <summary>For organisations: media, government, igo, ngo, business, party, military, organization.</summary>
    public string? OrgKind { get; init; }

    public required IReadOnlyList<ActorSpell> Spells { get; init; }

    /// <summary>Where the entry came from: "actors:people-updates", "user:my.tsv:12", "petrarch:x.actors:300".</summary>
    public required string Source { get; init; }

    /// <summary>True for short all-capital aliases ("US", "UN"): the text must be written in capitals too.</summary>
    public bool CapitalsOnly { get; init; }

    /// <summary>The spell in force on <paramref name="date"/>; without a date, the latest. When no spell covers the date,
    /// the latest earlier spell's country with sector ELI for a former office holder (no longer a government actor).</summary>
    public ActorSpell Resolve(DateOnly? date)
    {
        if (Spells.Count == 0)
        {
            return default;
        }

        if (date is null)
        {
            return Latest();
        }

        ActorSpell? best = null;
        foreach (var spell in Spells)
        {
            if (spell.Covers(date.Value) && (best is null || spell.From > best.Value.From))
            {
                best = spell;
            }
        }

        if (best is not null)
        {
            return best.Value;
        }

        ActorSpell? before = null;
        foreach (var spell in Spells)
        {
            if (spell.To < date.Value && (before is null || spell.To > before.Value.To))
            {
                before = spell;
            }
        }

        // Out of office: a former government, military or legislative office holder is an elite (PLOVER ELI).
        var basis = before ?? Spells.MinBy(s => s.From);
        var former = before is not null && basis.Sector?.Value is "GOV" or "MIL" or "LEG" or "JUD" or "ELI" ? Sector.From("ELI") : (Sector?)null;
        return basis with { Sector = former, Role = null, From = DateOnly.MinValue, To = DateOnly.MaxValue };
    }

    private ActorSpell Latest()
    {
        var latest = Spells[0];
        foreach (var spell in Spells)
        {
            if (spell.To > latest.To || (spell.To == latest.To && spell.From > latest.From))
            {
                latest = spell;
            }
        }

        return latest;
    }

    public override string ToString() => $"{Name} ({Kind}, {Source})";
}
