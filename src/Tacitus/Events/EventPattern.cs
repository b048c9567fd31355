using System.Collections.Frozen;
using Tacitus.Domain;

namespace Tacitus.Events;

[Flags]
internal enum PatternFlags
{
    None = 0,
    Reciprocal = 1 << 0,
    Complement = 1 << 1,
    Noun = 1 << 2,
    RequiresRecipient = 1 << 3,
    Future = 1 << 4,
    Denial = 1 << 5,
    Speaker = 1 << 6,
    NoIntent = 1 << 7,

    /// <summary>An act on a country's own people or government (curfews, states of emergency, censorship, protests):
    /// with no recipient named, the recipient is the country where it happened, else the actor's own country.</summary>
    Domestic = 1 << 8,
}

internal enum ElementKind
{
    Word,
    Gap,
    Actor,
    Recipient,
}

/// <summary>One element of a pattern: a word (with alternatives), a gap, or a slot.</summary>
internal sealed record PatternElement(ElementKind Kind, FrozenSet<string>? Words = null, int MaxGap = 0, bool AllowsPlace = false, bool IsTrigger = false);

/// <summary>One line of data/events/patterns.tsv (or a user's file): the words and what they code to.</summary>
internal sealed class EventPattern
{
    public required string Id { get; init; }

    /// <summary>The pattern as written ("hosted {R}").</summary>
    public required string Text { get; init; }

    public required IReadOnlyList<PatternElement> Elements { get; init; }

    public required PloverType Type { get; init; }

    public string? Mode { get; init; }

    public string? Context { get; init; }

    public CameoCode? Cameo { get; init; }

    public double? Score { get; init; }

    public PatternFlags Flags { get; init; }

    public double Strength { get; init; } = 0.8;

    /// <summary>Where the pattern came from: "patterns.tsv line 12".</summary>
    public required string Source { get; init; }

    /// <summary>The notes column: why the row exists (the sense it codes, why that code, what the CAMEO dictionaries
    /// miss). Every shipped row has one; a user's row may leave it empty.</summary>
    public string? Notes { get; init; }

    public int TriggerElement { get; init; }

    public bool Has(PatternFlags flag) => (Flags & flag) != 0;

    public bool HasSlot(ElementKind kind)
    {
        foreach (var e in Elements)
        {
            if (e.Kind == kind)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A slot filled by a match: token range <c>[Start, End)</c>.</summary>
internal readonly record struct SlotFill(ElementKind Kind, int Start, int End, bool AllowsPlace);

/// <summary>Where a pattern matched in a sentence.</summary>
internal sealed record PatternMatch(EventPattern Pattern, int Start, int End, int Trigger, IReadOnlyList<SlotFill> Slots)
{
    public SlotFill? Slot(ElementKind kind)
    {
        foreach (var s in Slots)
        {
            if (s.Kind == kind)
            {
                return s;
            }
        }

        return null;
    }
}
