using Tacitus.Domain;

namespace Tacitus.Fusion;

/// <summary>
/// A count a report states ("his fourth visit to China since March"): the ordinal, the noun it counts, the event
/// type that noun stands for, the words, and the first day of the period it counts in (null: all time).
/// </summary>
internal sealed record OrdinalClaim(int Ordinal, string Noun, PloverType Type, string Text, DateOnly? Since);
