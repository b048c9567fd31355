using Tacitus.Domain;

namespace Tacitus.Knowledge;

/// <summary>
/// How a role noun behaves. <see cref="Title"/>: an office that fixes the sector ("president", "general").
/// <see cref="Member"/>: someone who speaks or works for a body ("spokesman", "fellow"), whose sector comes from
/// the body when one is named. <see cref="Group"/>: a body or collective ("police", "government", "delegation").
/// </summary>
public enum RoleType
{
    Title,
    Member,
    Group,
}

/// <summary>A role noun ("spokesman", "officials") → its PLOVER sector, canonical singular form and behaviour.</summary>
public sealed record RoleInfo(string Noun, Sector? Sector, RoleType Type, bool Plural, string Source);

/// <summary>Role nouns by normalised phrase, singular and plural.</summary>
public sealed class RoleTable
{
    internal RoleTable(PhraseIndex<RoleInfo> index) => Index = index;

    internal PhraseIndex<RoleInfo> Index { get; }

    public int Count => Index.Count;

    public bool TryGet(ReadOnlySpan<char> phrase, out RoleInfo role)
    {
        if (Index.TryGet(PhraseKey.Normalize(phrase.ToString()), out var found))
        {
            role = found[0];
            return true;
        }

        role = null!;
        return false;
    }
}
