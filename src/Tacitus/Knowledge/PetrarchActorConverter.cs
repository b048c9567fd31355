using System.Collections.Frozen;
using Tacitus.Documents;
using Tacitus.Domain;

namespace Tacitus.Knowledge;

/// <summary>
/// Turns PETRARCH actor entries into <see cref="ActorEntry"/>s. A CAMEO code is split into a country part
/// (ISO alpha-3; IGO, NGO, IMG; IGOUNO… becomes UNO) and a sector (the next three letters). Entries with dated codes
/// are people, unless their phrase names a body ("…_MINISTRY_"); undated ones are organisations, or countries when
/// the code is a bare country code.
/// </summary>
internal static class PetrarchActorConverter
{
    /// <summary>The CAMEO sector codes an actor code may carry after its country (data/mentions/cameo-sectors.tsv).</summary>
    private static readonly FrozenSet<string> Sectors = WordLists.Embedded("mentions", "cameo-sectors.tsv")["cameo-sector"];

    /// <summary>Words a name in capitals keeps in lower case after its first word (data/mentions/name-words.tsv).</summary>
    private static readonly FrozenSet<string> LowerCaseNameWords = Mentions.MentionWords.LowerCaseNameWords;

    public sealed record Converted(ActorEntry Entry, IReadOnlyList<string> Aliases);

    /// <summary>Splits a code such as "CHNGOVMIL" into (CHN, GOV); null parts when absent.</summary>
    public static (CountryCode? Country, Sector? Sector) SplitCode(string code, Func<string, bool> isCountry)
    {
        code = code.Trim().ToUpperInvariant();
        if (code.Length < 3 || !code.All(char.IsAsciiLetter))
        {
            return (null, null);
        }

        var head = code[..3];
        var rest = code.Length >= 6 ? code[3..6] : null;
        switch (head)
        {
            case "IGO":
                return (rest == "UNO" ? CountryCode.Uno : CountryCode.Igo, null);
            case "NGO":
                return (CountryCode.Ngo, null);
            case "MNC":
                return (null, Sector.Business);
            case "IMG":
                return (CountryCode.From("IMG"), Sector.From("REB"));
        }

        CountryCode? country = isCountry(head) ? CountryCode.From(head) : null;
        var sectorText = country is null ? head : rest;
        Sector? sector = sectorText is not null && Sectors.Contains(sectorText) ? Sector.From(PloverSector(sectorText)) : null;
        return (country, sector);
    }

    /// <summary>CAMEO agent codes as PLOVER reads them: MED (media) became JRN, HLH (health) became MED.</summary>
    public static string PloverSector(string cameo) => cameo switch
    {
        "MED" => "JRN",
        "HLH" => "MED",
        _ => cameo,
    };

    public static string OrgKindFor(CountryCode? country, Sector? sector)
    {
        if (country == CountryCode.Uno || country == CountryCode.Igo)
        {
            return "igo";
        }

        if (country == CountryCode.Ngo)
        {
            return "ngo";
        }

        return sector?.Value switch
        {
            "GOV" or "LEG" or "JUD" or "COP" or "SPY" => "government",
            "MIL" => "military",
            "JRN" => "media",
            "PTY" => "party",
            "BUS" => "business",
            _ => "organization",
        };
    }

    /// <summary>Converts one entry; null when it has no usable code.</summary>
    public static Converted? Convert(PetrarchActor actor, string source, Func<string, bool> isCountry, Func<string, bool> namesABody, bool allowCountries)
    {
        var spells = new List<ActorSpell>();
        var dated = false;
        foreach (var code in actor.Codes)
        {
            var (country, sector) = SplitCode(code.Code, isCountry);
            if (country is null && sector is null)
            {
                continue;
            }

            dated |= code.Dated;
            spells.Add(new ActorSpell(country, sector, code.From, code.To, null));
        }

        if (spells.Count == 0)
        {
            return null;
        }

        var name = Display(actor.Phrase);
        var aliases = actor.Synonyms.Select(Display).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var bareCountry = !dated && actor.Codes.All(c => c.Code.Length == 3 && isCountry(c.Code.ToUpperInvariant()));
        MentionKind kind;
        if (bareCountry)
        {
            if (!allowCountries)
            {
                return null;
            }

            kind = MentionKind.Country;
        }
        else if (dated && !namesABody(actor.Phrase))
        {
            kind = MentionKind.Person;
        }
        else
        {
            kind = MentionKind.Organization;
        }

        var first = spells[^1];
        var entry = new ActorEntry
        {
            Name = name,
            Kind = kind,
            OrgKind = kind == MentionKind.Organization ? OrgKindFor(first.Country, first.Sector) : null,
            Spells = spells,
            Source = $"{source}:{actor.Line}",
        };
        return new Converted(entry, aliases);
    }

    /// <summary>"XI_JINPING_" → "Xi Jinping"; "U.N._" → "U.N."; all-capital short words stay capitals.</summary>
    public static string Display(string phrase)
    {
        var words = phrase.Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (w.Length <= 1 || w.Contains('.', StringComparison.Ordinal) || (w.Length <= 4 && !w.Any(char.IsAsciiLetterLower) && !HasVowel(w)))
            {
                continue;
            }

            if (w.Any(char.IsAsciiLetterLower))
            {
                continue;
            }

            var lower = w.ToLowerInvariant();
            words[i] = i > 0 && LowerCaseNameWords.Contains(lower) ? lower : Capitalize(lower);
        }

        return string.Join(' ', words);
    }

    private static bool HasVowel(string w) => w.Any(c => "AEIOUY".Contains(c, StringComparison.Ordinal));

    private static string Capitalize(string lower)
    {
        var chars = lower.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 0 || chars[i - 1] is '-' or '\'' or '(')
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }
        }

        return new string(chars);
    }
}
